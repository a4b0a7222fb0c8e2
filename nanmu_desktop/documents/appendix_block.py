"""附件 pages (GB/T 9704 7.3.7): bound with the body, after the 署名 and 附注 and before the
版记. Each starts a new page: 「附件」 and its number in 3号黑体 flush left on line 1, the title
centred on line 3 (2号小标宋, as a title), then the attachment's text formatted like the body.
Page numbers run on through them (7.5)."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.body_flow import BODY_SPACING, place_blocks
from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_WIDTH,
    BODY_SIZE,
    LINE_PITCH,
    TITLE_PITCH,
    TITLE_SIZE,
)
from nanmu_desktop.documents.title_block import break_title
from nanmu_desktop.documents.typesetter import Typesetter

# Paragraph numbers of attachments start here, apart from the body's.
_PARA_BASE = 10_000


def attachment_label(index: int, count: int) -> str:
    """「附件」 alone for a single attachment, else 「附件1」「附件2」 (matching 附件说明)."""
    return "附件" if count == 1 else f"附件{index}"


def place_appendices(flow: PageFlow, notice: Notice, ts: Typesetter) -> None:
    count = len(notice.appendices)
    for index, appendix in enumerate(notice.appendices, start=1):
        flow.new_page()
        label = ts.line(attachment_label(index, count), FontRole.HEITI, "附件标识", BODY_SIZE,
                        spacing=BODY_SPACING)
        flow.place_line(label, pitch=2 * LINE_PITCH)  # title on line 3
        field = ts.field(appendix.title, f"附件{index}标题")
        parts = break_title(appendix.title, int(AREA_WIDTH // TITLE_SIZE), ts.names)
        for i, part in enumerate(parts):
            line = ts.line(part, FontRole.XIAOBIAOSONG, field, TITLE_SIZE)
            pitch = TITLE_PITCH if i < len(parts) - 1 else 0.0
            flow.place_line(replace(line, x=(AREA_WIDTH - line.width) / 2), pitch)
        # One empty line below the title, as under the document's own title (7.3.2).
        flow.cursor += TITLE_SIZE + (LINE_PITCH - BODY_SIZE) + LINE_PITCH
        place_blocks(flow, appendix.body, ts, f"附件{index}",
                     first_para=_PARA_BASE * index)
