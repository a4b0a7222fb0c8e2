"""Bordered tables in the body: 4号 text wrapped inside cells, rows split across pages with the
header row repeated on every page."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.notice_model import Table
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_LEFT,
    AREA_TOP,
    AREA_WIDTH,
    BODY_SIZE,
    EPSILON,
    LINE_PITCH,
    MM,
    SMALL_SIZE,
)
from nanmu_desktop.documents.page_items import Box, PlacedLine
from nanmu_desktop.documents.typesetter import Typesetter

CELL_PITCH = SMALL_SIZE * 1.5
PAD_X = 1.5 * MM
PAD_Y = (CELL_PITCH - SMALL_SIZE) / 2 + 1.0
BORDER = 0.5


def _col_widths(table: Table) -> list[float]:
    n = len(table.header)
    if table.col_widths_mm is None:
        return [AREA_WIDTH / n] * n
    total = sum(table.col_widths_mm)
    return [w / total * AREA_WIDTH for w in table.col_widths_mm]


def _row_lines(ts: Typesetter, cells: tuple[str, ...], widths: list[float], role: FontRole,
               field: str) -> list[list[Line]]:
    out: list[list[Line]] = []
    for col, (text, width) in enumerate(zip(cells, widths, strict=False)):
        where = ts.field(text, f"{field}第{col + 1}列")
        out.append(ts.lines(text, role, where, width - 2 * PAD_X, SMALL_SIZE, justify=False)
                   if text else [])
    return out


def _draw_row(flow: PageFlow, cells: list[list[Line]], widths: list[float], height: float) -> None:
    x = 0.0
    top = flow.cursor
    for lines, width in zip(cells, widths, strict=False):
        flow.add(Box(AREA_LEFT + x, AREA_TOP - top - height, width, height, BORDER))
        for i, line in enumerate(lines):
            placed = replace(line, x=x + PAD_X + line.x)
            flow.add(PlacedLine(placed, top + PAD_Y + i * CELL_PITCH))
        x += width
    flow.cursor = top + height


def _height(cells: list[list[Line]]) -> float:
    return max((len(c) for c in cells), default=1) * CELL_PITCH + 2 * PAD_Y - (
        CELL_PITCH - SMALL_SIZE)


def start_height(ts: Typesetter, table: Table) -> float:
    """The header and the first row (or two lines of it, when it will be split anyway): what
    must fit for the table to start on a page."""
    widths = _col_widths(table)
    needed = _height(_row_lines(ts, table.header, widths, FontRole.HEITI, "表头"))
    if table.rows:
        first = _row_lines(ts, table.rows[0], widths, FontRole.FANGSONG, "表格第1行")
        needed += _height([c[:2] for c in first])
    return needed


def place_table(flow: PageFlow, ts: Typesetter, table: Table) -> None:
    widths = _col_widths(table)
    header = _row_lines(ts, table.header, widths, FontRole.HEITI, "表头")
    header_h = _height(header)
    # A header alone at the foot of a page is never left behind.
    if not flow.fits(start_height(ts, table)):
        flow.new_page()
    _draw_row(flow, header, widths, header_h)
    for r, row in enumerate(table.rows, start=1):
        cells = _row_lines(ts, row, widths, FontRole.FANGSONG, f"表格第{r}行")
        while cells:
            room = flow.height - flow.cursor
            fit_lines = int((room - 2 * PAD_Y + (CELL_PITCH - SMALL_SIZE) + EPSILON)
                            // CELL_PITCH)
            needed = max((len(c) for c in cells), default=1)
            if fit_lines >= needed:
                _draw_row(flow, cells, widths, _height(cells))
                break
            split = min(fit_lines, needed - 2)
            if split >= 2:
                # A row taller than what is left: split it, two lines or more on each side.
                _draw_row(flow, [c[:split] for c in cells], widths,
                          _height([c[:split] for c in cells]))
                cells = [c[split:] for c in cells]
            flow.new_page()
            _draw_row(flow, header, widths, header_h)
    flow.cursor += LINE_PITCH - BODY_SIZE
