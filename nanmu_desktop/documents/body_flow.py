"""主体 (7.3): title, 主送机关, body paragraphs and headings, tables, 附件说明."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.notice_model import Block, HeadingLevel, Notice, Paragraph, Table
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_WIDTH,
    BODY_SIZE,
    CHAR_PITCH,
    LINE_PITCH,
    TITLE_PITCH,
    TITLE_SIZE,
    next_top,
)
from nanmu_desktop.documents.page_items import PlacedLine
from nanmu_desktop.documents.table_flow import place_table, start_height
from nanmu_desktop.documents.title_block import break_title
from nanmu_desktop.documents.typesetter import Typesetter

BODY_SPACING = CHAR_PITCH - BODY_SIZE  # −0.21 pt: 28 characters per line
HEADING_ROLES = {
    HeadingLevel.BODY: FontRole.FANGSONG,
    HeadingLevel.LEVEL1: FontRole.HEITI,
    HeadingLevel.LEVEL2: FontRole.KAITI,
    HeadingLevel.LEVEL3: FontRole.FANGSONG,
    HeadingLevel.LEVEL4: FontRole.FANGSONG,
}


def place_title(flow: PageFlow, notice: Notice, ts: Typesetter, blank_before: int,
                blank_after: int = 1) -> None:
    """Title centred, `blank_before` empty lines below what precedes it and `blank_after`
    above what follows (one before the 主送机关, 7.3.2; none above a form's table)."""
    field = ts.field(notice.title, "标题")
    if blank_before:
        # The red line counts as the bottom of a line: regular gap, then the empty lines.
        flow.cursor = next_top(flow.cursor, blank_before)
    max_chars = int(AREA_WIDTH // TITLE_SIZE)
    parts = break_title(notice.title, max_chars, ts.names)
    for i, part in enumerate(parts):
        line = ts.line(part, FontRole.XIAOBIAOSONG, field, TITLE_SIZE)
        pitch = TITLE_PITCH if i < len(parts) - 1 else 0.0
        flow.place_line(replace(line, x=(AREA_WIDTH - line.width) / 2), pitch)
    # 主送机关 / body: one empty line below the title's last line (7.3.2).
    flow.cursor += TITLE_SIZE + (LINE_PITCH - BODY_SIZE) + blank_after * LINE_PITCH


def place_paragraph(flow: PageFlow, ts: Typesetter, text: str, field: str,
                    role: FontRole = FontRole.FANGSONG, first_x: float = 2 * CHAR_PITCH,
                    rest_x: float = 0.0, para: int = -1, heading: bool = False,
                    keep_after: float = 0.0) -> None:
    """Justified body lines: the first starts `first_x`, the rest `rest_x` points from the
    版心 left (2 characters then flush left for an ordinary paragraph). A paragraph split
    across pages leaves at least two lines on each side (no orphan, no widow); a heading
    moves on with the first `keep_after` points of what follows."""
    lines = _lines(ts, text, field, role, first_x, rest_x)
    n = len(lines)
    done = 0
    while done < n:
        left, rest = flow.lines_left(BODY_SIZE), n - done
        keep_heading = heading and not flow.fits(n * LINE_PITCH + keep_after)
        count = rest
        if rest > left or keep_heading:
            # Split so that each side keeps two lines, else the rest moves on whole.
            count = min(left, rest - 2)
            if heading or count < 2:
                if flow.page.items:
                    flow.new_page()
                    continue
                count = min(left, rest)  # an empty page takes what it can
        for i in range(done, done + max(count, 1)):
            line = lines[i]
            flow.place_line(replace(line, x=line.x + rest_x), movable=True, body=True,
                            para=(para, i, n), heading=heading)
        done += max(count, 1)
        if done < n:
            flow.new_page()


def _lines(ts: Typesetter, text: str, field: str, role: FontRole, first_x: float,
           rest_x: float) -> list[Line]:
    return ts.lines(text, role, field, AREA_WIDTH - rest_x, BODY_SIZE, BODY_SPACING,
                    first_indent=first_x - rest_x)


def _first_x(block: Paragraph) -> float:
    return 2 * CHAR_PITCH if block.indent_first_line else 0.0


def _kept_after(ts: Typesetter, blocks: tuple[Block, ...], i: int, field: str) -> float:
    """The depth of what a heading (block `i`) keeps with it: the first lines of the next
    paragraph that may stay on the page, or a table's header and first row."""
    if i + 1 >= len(blocks):
        return 0.0
    nxt = blocks[i + 1]
    if not isinstance(nxt, Paragraph):
        return start_height(ts, nxt)
    count = len(_lines(ts, nxt.text, ts.field(nxt.text, field), HEADING_ROLES[nxt.level],
                       _first_x(nxt), 0.0))
    # Only a paragraph of four lines or more may leave two here and two over.
    kept = count if count <= 3 else 2
    return kept * LINE_PITCH - (LINE_PITCH - BODY_SIZE)


def place_body(flow: PageFlow, notice: Notice, ts: Typesetter) -> None:
    if notice.recipients:
        text = "、".join(notice.recipients) + "："
        place_paragraph(flow, ts, text, ts.field(text, "主送机关"), first_x=0.0)
    place_blocks(flow, notice.body, ts, "正文")
    _place_attachments(flow, notice, ts)


def place_blocks(flow: PageFlow, blocks: tuple[Block, ...], ts: Typesetter, where: str,
                 first_para: int = 0) -> int:
    """Paragraphs, headings and tables in order; returns the last paragraph number used
    (numbers keep widow and orphan checks apart between paragraphs)."""
    paragraph_no = first_para
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            paragraph_no += 1
            heading = block.level != HeadingLevel.BODY
            place_paragraph(flow, ts, block.text,
                            ts.field(block.text, f"{where}第{paragraph_no - first_para}段"),
                            HEADING_ROLES[block.level], first_x=_first_x(block),
                            para=paragraph_no, heading=heading,
                            keep_after=_kept_after(ts, blocks, i,
                                                   f"{where}第{paragraph_no - first_para + 1}段")
                            if heading else 0.0)
        else:
            # A form's tables (set in their own size) that follow one another share a border.
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            joined = isinstance(nxt, Table) and block.size is not None and nxt.size is not None
            place_table(flow, ts, block, gap_after=not joined)
    return paragraph_no


def _place_attachments(flow: PageFlow, notice: Notice, ts: Typesetter) -> None:
    """附件说明 (7.3.4): one empty line below the body, indented 2 characters; several items are
    numbered 1．2． and wrapped names align with the first name."""
    if not notice.attachments:
        return
    many = len(notice.attachments) > 1
    label = ts.line("附件：", FontRole.FANGSONG, "附件说明", BODY_SIZE, x=2 * CHAR_PITCH,
                    spacing=BODY_SPACING)
    numbers_x = label.x + label.width + BODY_SPACING
    items: list[tuple[list[Line], list[Line]]] = []  # (name lines, label/number)
    for i, name in enumerate(notice.attachments, start=1):
        field = ts.field(name, f"附件说明第{i}项")
        number = ts.line(f"{i}．", FontRole.FANGSONG, field, BODY_SIZE, x=numbers_x,
                         spacing=BODY_SPACING) if many else None
        name_x = number.x + number.width + BODY_SPACING if number else numbers_x
        lines = ts.lines(name, FontRole.FANGSONG, field, AREA_WIDTH - name_x, BODY_SIZE,
                         BODY_SPACING)
        prefixes = ([label] if i == 1 else []) + ([number] if number else [])
        items.append(([replace(line, x=line.x + name_x) for line in lines], prefixes))
    count = sum(len(lines) for lines, _ in items)
    if not flow.fits(LINE_PITCH * count + BODY_SIZE):
        # 附件说明 never opens a page: the last body lines come along.
        flow.move_to_new_page(flow.take_trailing_body_lines(2))
    flow.skip_lines(1)
    for lines, prefixes in items:
        for j, line in enumerate(lines):
            placed = flow.place_line(line, movable=True)
            if j == 0:
                # The label and number keep their natural spacing so items align.
                for prefix in prefixes:
                    flow.add(PlacedLine(prefix, placed.top, keep_with_next=True))
