"""信函格式 (GB/T 9704 10.1) first page: the red mark 30 mm from the paper top, a red double
line (thick over thin) 4 mm under it, the 发文字号 flush right 7/8 of a 3号 character below
that line, and a red double line (thin over thick) 20 mm above the paper bottom."""

from __future__ import annotations

from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.header_block import place_mark
from nanmu_desktop.documents.notice_model import Header
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_LEFT,
    AREA_TOP,
    AREA_WIDTH,
    BODY_SIZE,
    MM,
    PAGE_HEIGHT,
    RED_CMYK,
)
from nanmu_desktop.documents.page_items import PlacedLine, Rule
from nanmu_desktop.documents.typesetter import Typesetter

MARK_FROM_PAPER_TOP = 30 * MM
LINE_GAP_BELOW_MARK = 4 * MM
BOTTOM_LINES_FROM_PAPER_BOTTOM = 20 * MM
DOUBLE_LINE_LENGTH = 170 * MM  # centred on the 版心
THICK = 1.5  # stroke weights are not given; these are the guides' usual 1.5 pt + 0.75 pt
THIN = 0.75
DOUBLE_GAP = 1.5  # white between the two strokes
CLEARANCE = BODY_SIZE * 7 / 8  # 14 pt: 7/8 of a 3号 character


def _double_line(flow: PageFlow, top_y: float, thick_first: bool) -> float:
    """Two red strokes, the upper one's top edge at page y `top_y`; returns the lower edge."""
    x0 = AREA_LEFT + (AREA_WIDTH - DOUBLE_LINE_LENGTH) / 2
    y = top_y
    for weight in (THICK, THIN) if thick_first else (THIN, THICK):
        flow.add(Rule(x0, x0 + DOUBLE_LINE_LENGTH, y - weight / 2, weight, RED_CMYK))
        y -= weight + DOUBLE_GAP
    return y + DOUBLE_GAP


def letter_mark_text(mark: str) -> str:
    """A letter's mark is the authority's name alone: no 「文件」 (10.1)."""
    return mark.removesuffix("文件")


def place_letter_header(flow: PageFlow, header: Header, number: str | None,
                        ts: Typesetter) -> None:
    """Lay the 信函 head; leaves the cursor at the bottom of the 发文字号 line."""
    top = MARK_FROM_PAPER_TOP - (PAGE_HEIGHT - AREA_TOP)  # negative: above the 版心
    mark_bottom = place_mark(flow, header, letter_mark_text(header.mark), top, ts)
    lines_bottom = _double_line(flow, AREA_TOP - mark_bottom - LINE_GAP_BELOW_MARK, True)
    lower_top = BOTTOM_LINES_FROM_PAPER_BOTTOM + THICK + DOUBLE_GAP + THIN
    _double_line(flow, lower_top, False)
    number_top = AREA_TOP - lines_bottom + CLEARANCE
    if number:
        line = ts.line(number, FontRole.FANGSONG, "发文字号", BODY_SIZE)
        line = ts.line(number, FontRole.FANGSONG, "发文字号", BODY_SIZE,
                       x=AREA_WIDTH - line.width)
        flow.add(PlacedLine(line, number_top))
    flow.cursor = number_top + BODY_SIZE
