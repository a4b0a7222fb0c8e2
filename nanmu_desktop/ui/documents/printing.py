"""Print a PDF at actual size: each page rendered at the printer's resolution, never scaled to fit.

Official documents are laid out to the millimetre (GB/T 9704), so the page image is drawn from
the paper's corner at 1:1. Pages are rendered in horizontal bands so a 600 dpi A4 page never
needs one 140 MB image; duplex is switched on when the printer offers it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from nanmu_desktop.errors import NanmuError

BAND_ROWS = 1024  # rows rendered at a time


class PrintError(NanmuError):
    """The printer refused the job (offline, out of paper, no permission)."""


def a4_printer() -> QPrinter:
    """A high-resolution printer set to A4 portrait, whole paper addressable, duplex if offered."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # origin at the paper corner: positions stay as designed
    duplex_modes = QPrinterInfo(printer).supportedDuplexModes()
    if QPrinter.DuplexMode.DuplexLongSide in duplex_modes:
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    elif QPrinter.DuplexMode.DuplexAuto in duplex_modes:
        printer.setDuplex(QPrinter.DuplexMode.DuplexAuto)
    return printer


def ask_printer(document: QPdfDocument, title: str, parent: QWidget | None) -> QPrinter | None:
    """The print dialog (page range 1…N); None when the clerk cancels."""
    printer = a4_printer()
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"打印：{title}")
    dialog.setMinMax(1, document.pageCount())
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def _selected_pages(printer: QPrinter, page_count: int) -> list[int]:
    first, last = printer.fromPage(), printer.toPage()
    if first == 0:  # no range chosen: every page
        first, last = 1, page_count
    pages = list(range(first - 1, min(last, page_count)))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw the chosen pages of a loaded `document` on `printer`; returns the pages printed."""
    pages = _selected_pages(printer, document.pageCount())
    painter = QPainter()
    if not pages or not painter.begin(printer):
        raise PrintError("打印机无法开始打印：请检查打印机是否连接、开启并有纸。")
    dpi_x, dpi_y = printer.resolution(), printer.resolution()
    try:
        for position, page in enumerate(pages):
            if position > 0 and not printer.newPage():
                raise PrintError("打印中断：打印机无法换页。")
            _draw_page(painter, document, page, dpi_x, dpi_y)
    finally:
        painter.end()
    return len(pages)


def _draw_page(
    painter: QPainter, document: QPdfDocument, page: int, dpi_x: int, dpi_y: int
) -> None:
    points = document.pagePointSize(page)
    width = round(points.width() * dpi_x / 72)
    height = round(points.height() * dpi_y / 72)
    for top in range(0, height, BAND_ROWS):
        rows = min(BAND_ROWS, height - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, top, width, rows))
        band = document.render(page, QSize(width, rows), options)
        painter.drawImage(0, top, band)
