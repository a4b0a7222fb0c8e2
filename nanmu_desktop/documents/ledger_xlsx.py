"""The ledger as an Excel workbook (openpyxl, write-only so 10,000 cases take a second or two):
Chinese headers in bold on a frozen first row, set column widths, an auto-filter, real dates,
landscape A4 printing with the header repeated on every page."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from nanmu_desktop.documents.ledger_model import COLUMNS, LEDGER_TITLE, LedgerRow
from nanmu_desktop.domain.plain_text import printable

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
_THIN = Side(style="thin", color="808080")


def ledger_xlsx(rows: Iterable[LedgerRow]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(LEDGER_TITLE)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.excel_width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 in the OOXML paper size table
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0

    header_font = Font(name="黑体", bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    header_border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font, cell.fill, cell.border, cell.alignment = (
            header_font,
            header_fill,
            header_border,
            centred,
        )
        header.append(cell)
    sheet.append(header)

    count = 0
    date_columns = [i for i, c in enumerate(COLUMNS) if c.header.endswith("日期")]
    for count, row in enumerate(rows, start=1):
        values: list[object] = list(row.cells(count))
        values[0] = count  # 序号 as a number, so the office can sort and sum
        for i in date_columns:
            if values[i] is not None:
                cell = WriteOnlyCell(sheet, value=values[i])
                cell.number_format = DATE_FORMAT
                values[i] = cell
        for i, value in enumerate(values):
            if isinstance(value, str):
                values[i] = _text_cell(sheet, value)
        sheet.append(values)
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet: object, value: str) -> object:
    """Text as text: characters XML cannot hold (old data typed before the checks) are dropped,
    and a leading "=" stays literal instead of becoming a formula Excel would run."""
    clean = printable(value)
    if not clean.startswith("="):
        return clean
    cell = WriteOnlyCell(sheet, value=clean)
    cell.data_type = "s"
    return cell
