"""Bordered tables in the body: 4号 text (or the table's own size, e.g. an internal form's 小五)
wrapped inside cells, rows split across pages with the header row repeated on every page."""

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

PAD_X = 1.5 * MM
BORDER = 0.5


def _size(table: Table) -> float:
    return table.size or SMALL_SIZE


def _pitch(size: float, leading: float) -> float:
    return size * leading


def _pad_y(size: float, leading: float) -> float:
    return (_pitch(size, leading) - size) / 2 + 1.0


def _col_widths(table: Table) -> list[float]:
    n = len(table.header)
    if table.col_widths_mm is None:
        return [AREA_WIDTH / n] * n
    total = sum(table.col_widths_mm)
    return [w / total * AREA_WIDTH for w in table.col_widths_mm]


def _row_lines(ts: Typesetter, cells: tuple[str, ...], widths: list[float], role: FontRole,
               field: str, size: float) -> list[list[Line]]:
    out: list[list[Line]] = []
    for col, (text, width) in enumerate(zip(cells, widths, strict=False)):
        where = ts.field(text, f"{field}第{col + 1}列")
        out.append(ts.lines(text, role, where, width - 2 * PAD_X, size, justify=False)
                   if text else [])
    return out


def _draw_row(flow: PageFlow, cells: list[list[Line]], widths: list[float], height: float,
              size: float, leading: float) -> None:
    x = 0.0
    top = flow.cursor
    pitch = _pitch(size, leading)
    for lines, width in zip(cells, widths, strict=False):
        flow.add(Box(AREA_LEFT + x, AREA_TOP - top - height, width, height, BORDER))
        for i, line in enumerate(lines):
            placed = replace(line, x=x + PAD_X + line.x)
            flow.add(PlacedLine(placed, top + _pad_y(size, leading) + i * pitch))
        x += width
    flow.cursor = top + height


def _height(cells: list[list[Line]], size: float, leading: float, min_lines: int = 0) -> float:
    lines = max(max((len(c) for c in cells), default=1), min_lines)
    pitch = _pitch(size, leading)
    return lines * pitch + 2 * _pad_y(size, leading) - (pitch - size)


def start_height(ts: Typesetter, table: Table) -> float:
    """The header and the first row (or two lines of it, when it will be split anyway): what
    must fit for the table to start on a page."""
    widths = _col_widths(table)
    size = _size(table)
    needed = _height(_row_lines(ts, table.header, widths, FontRole.HEITI, "表头", size), size,
                     table.leading)
    if table.rows:
        first = _row_lines(ts, table.rows[0], widths, FontRole.FANGSONG, "表格第1行", size)
        needed += _height([c[:2] for c in first], size, table.leading, table.min_lines)
    return needed


def place_table(flow: PageFlow, ts: Typesetter, table: Table, gap_after: bool = True) -> None:
    """The table at the cursor; `gap_after` leaves the body's line gap below it (a form's
    tables that follow one another abut instead)."""
    widths = _col_widths(table)
    size = _size(table)
    leading = table.leading
    pitch = _pitch(size, leading)
    header = _row_lines(ts, table.header, widths, FontRole.HEITI, "表头", size)
    header_h = _height(header, size, leading)
    # A header alone at the foot of a page is never left behind.
    if not flow.fits(start_height(ts, table)):
        flow.new_page()
    _draw_row(flow, header, widths, header_h, size, leading)
    for r, row in enumerate(table.rows, start=1):
        cells = _row_lines(ts, row, widths, FontRole.FANGSONG, f"表格第{r}行", size)
        while cells:
            room = flow.height - flow.cursor
            pad = _pad_y(size, leading)
            fit_lines = int((room - 2 * pad + (pitch - size) + EPSILON) // pitch)
            needed = max(max((len(c) for c in cells), default=1), table.min_lines)
            if fit_lines >= needed:
                height = _height(cells, size, leading, table.min_lines)
                _draw_row(flow, cells, widths, height, size, leading)
                break
            split = min(fit_lines, needed - 2)
            if split >= 2:
                # A row taller than what is left: split it, two lines or more on each side.
                _draw_row(flow, [c[:split] for c in cells], widths,
                          _height([c[:split] for c in cells], size, leading), size, leading)
                cells = [c[split:] for c in cells]
            flow.new_page()
            _draw_row(flow, header, widths, header_h, size, leading)
    if gap_after:
        flow.cursor += LINE_PITCH - BODY_SIZE
