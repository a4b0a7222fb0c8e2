"""版记 (7.4) on the last page: 抄送 and 印发机关 / 印发日期 in 4号仿宋 between 156 mm black
rules — 0.35 mm first and last, 0.25 mm between — the last on the 版心's bottom edge."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.notice_model import Colophon
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_BOTTOM,
    AREA_HEIGHT,
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    AREA_WIDTH,
    BODY_SIZE,
    COLOPHON_THICK,
    COLOPHON_THIN,
    EPSILON,
    LINE_PITCH,
    SMALL_SIZE,
)
from nanmu_desktop.documents.page_items import PlacedLine, Rule
from nanmu_desktop.documents.typesetter import Typesetter
from nanmu_desktop.domain.dates import chinese_date

ROW = LINE_PITCH  # 版记 rows keep the body's line grid
INDENT = SMALL_SIZE  # one 4号 character


def _cc_lines(colophon: Colophon, ts: Typesetter) -> list[list[Line]]:
    """抄送 rows: 「抄送：」 then the names, wrapped lines aligned after the colon, ending 。"""
    if not colophon.cc:
        return []
    names = "，".join(colophon.cc) + "。"
    label = ts.line("抄送：", FontRole.FANGSONG, "抄送", SMALL_SIZE, x=INDENT)
    lines = ts.lines(names, FontRole.FANGSONG, ts.field("，".join(colophon.cc), "抄送"),
                     AREA_WIDTH - 2 * INDENT - label.width, SMALL_SIZE)
    rows = [[replace(line, x=INDENT + label.width + line.x)] for line in lines]
    rows[0].insert(0, label)
    return rows


def colophon_height(colophon: Colophon, ts: Typesetter, letter: bool = False) -> float:
    """Depth of the 版记 above the 版心 bottom (信函: the 抄送 rows only)."""
    rows = len(_cc_lines(colophon, ts))
    return ROW * (rows if letter else 1 + rows)


def colophon_fits(flow: PageFlow, height: float) -> bool:
    """Whether the 版记 fits below what is on the page, a line's gap above it."""
    # Text ends (LINE_PITCH − BODY_SIZE) above the cursor.
    return flow.cursor - (LINE_PITCH - BODY_SIZE) + ROW / 2 <= AREA_HEIGHT - height + EPSILON


def colophon_deficit(flow: PageFlow, height: float) -> float:
    return flow.cursor - (LINE_PITCH - BODY_SIZE) + ROW / 2 - (AREA_HEIGHT - height)


def place_colophon(flow: PageFlow, colophon: Colophon, ts: Typesetter,
                   letter: bool = False) -> None:
    """Draw the 版记 at the foot of the current page (pagination chose the page). 信函
    (10.1): only the 抄送 rows, no rules and no 印发 line."""
    cc = _cc_lines(colophon, ts)
    y = AREA_BOTTOM
    if not letter:
        printed_by = ts.line(colophon.printed_by, FontRole.FANGSONG,
                             ts.field(colophon.printed_by, "印发机关"), SMALL_SIZE, x=INDENT)
        printed_on = ts.line(chinese_date(colophon.printed_on) + "印发", FontRole.FANGSONG,
                             "印发日期", SMALL_SIZE)
        printed_on = replace(printed_on, x=AREA_WIDTH - INDENT - printed_on.width)
        flow.add(Rule(AREA_LEFT, AREA_RIGHT, AREA_BOTTOM, COLOPHON_THICK))
        top = _text_top(AREA_BOTTOM)
        flow.add(PlacedLine(printed_by, top))
        flow.add(PlacedLine(printed_on, top))
        y += ROW
        if cc:
            flow.add(Rule(AREA_LEFT, AREA_RIGHT, y, COLOPHON_THIN))
    for i, row in enumerate(reversed(cc)):
        for line in row:
            flow.add(PlacedLine(line, _text_top(y + i * ROW)))
    y += ROW * len(cc)
    if not letter:
        flow.add(Rule(AREA_LEFT, AREA_RIGHT, y, COLOPHON_THICK))
    flow.cursor = AREA_HEIGHT


def _text_top(row_bottom_y: float) -> float:
    """Top offset (below the 版心 top) of 4号 text centred in the row starting at page y."""
    em_bottom = row_bottom_y + (ROW - SMALL_SIZE) / 2
    return AREA_TOP - (em_bottom + SMALL_SIZE)
