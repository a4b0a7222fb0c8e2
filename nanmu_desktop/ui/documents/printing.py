"""Print a PDF at actual size, in the background: the window stays responsive, 取消 stops it.

Official documents are laid out to the millimetre (GB/T 9704), so each page is rendered at the
printer's own resolution and drawn from the paper's corner at 1:1, in horizontal bands so a
600 dpi A4 page never needs one 140 MB image (and the GUI thread never waits long for Python's
lock, see BAND_PIXELS); duplex is switched on when the printer offers it.

The whole job runs on a worker thread: Qt documents QPainter as usable off the GUI thread on
QImage, QPrinter and QPicture ("Thread-Support in Qt Modules", painting in threads), and
QPdfDocument renders into a QImage from any thread. The GUI thread only shows the dialog and
the progress; it does not touch the QPrinter again until the job has ended.

打印到文件 (PDF) writes the issued PDF bytes themselves (the chosen pages copied as they are),
never a raster of them: a 3-page notice stays a small, searchable file.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.files import write_atomically
from nanmu_desktop.services.pdf_pages import pick_pages
from nanmu_desktop.ui.common.places import suggested_path
from nanmu_desktop.ui.common.tasks import TaskCancelled, TaskControl, TaskHandle, TaskRunner

# Pixels rendered and drawn at a time (≈ 50 rows of A4 at 600 dpi). PySide keeps Python's
# GIL through QPdfDocument.render and QPainter.drawImage, so the GUI thread waits for each
# call: small bands keep every wait short (≈ 20 ms), whatever the printer's resolution.
BAND_PIXELS = 250_000
# The Qt print dialog of Linux/BSD; Windows and macOS show the system's own.
_QT_PRINT_DIALOG = sys.platform not in ("win32", "darwin")


class PrintError(NanmuError):
    """The printer refused the job (offline, out of paper, no permission)."""


@dataclass(frozen=True)
class Printed:
    """How a print job ended."""

    pages: int
    path: Path | None  # 打印到文件: the PDF written
    thread_id: int  # the thread that did the work (a test checks it is not the GUI thread)


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


def document_printer(title: str) -> QPrinter:
    """`a4_printer` named `title`; 打印到文件 offers `title`.pdf in the documents folder."""
    printer = a4_printer()
    printer.setDocName(title)
    if _QT_PRINT_DIALOG:
        # Qt's dialog proposes the home folder unless the printer names a file already.
        native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        printer.setOutputFileName(str(suggested_path(f"{title}.pdf")))  # switches to PDF
        if native:  # a real printer stays the default choice
            printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    return printer


def ask_printer(page_count: int, title: str, parent: QWidget | None) -> QPrinter | None:
    """The print dialog (page range 1…N); None when the clerk cancels."""
    printer = document_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"打印：{title}")
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def selected_pages(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages the dialog chose, in printing order."""
    first, last = printer.fromPage(), printer.toPage()
    if first == 0:  # no range chosen: every page
        first, last = 1, page_count
    pages = list(range(first - 1, min(last, page_count)))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def output_file(printer: QPrinter) -> Path | None:
    """The file 打印到文件 writes, or None when the job goes to a printer."""
    name = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and name:
        return Path(name)
    return None


def start_printing(
    tasks: TaskRunner,
    pdf: bytes,
    printer: QPrinter,
    *,
    parent: QWidget | None = None,
    on_done: Callable[[Printed], None] | None = None,
) -> TaskHandle[Printed]:
    """Print `pdf` as `printer` was set up (by `ask_printer`) in the background, with a
    progress dialog and 取消. `printer` must not be used elsewhere until the task ends."""
    target = output_file(printer)

    def work(control: TaskControl) -> Printed:
        if target is not None:
            return _write_file(pdf, printer, target, control)
        document = load_pdf(pdf)
        try:
            pages = print_pdf(document, printer, control)
        finally:
            document.close()
        return Printed(pages, None, threading.get_ident())

    return tasks.run(work, title="正在打印…", parent=parent, writes=False, on_done=on_done)


def load_pdf(pdf: bytes) -> QPdfDocument:
    """A QPdfDocument owned by the calling thread (QBuffer loads at once, no event loop)."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintError("文书无法打印：PDF 数据有误。")
    return document


def _write_file(pdf: bytes, printer: QPrinter, path: Path, control: TaskControl) -> Printed:
    control.report(0, 1, f"正在保存到 {path}…")
    document = load_pdf(pdf)
    try:
        pages = selected_pages(printer, document.pageCount())
    finally:
        document.close()
    control.raise_if_cancelled()
    try:
        write_atomically(path, pick_pages(pdf, pages))
    except OSError as err:
        raise PrintError(f"无法保存到 {path}：{err.strerror or err}") from err
    control.report(1, 1)
    return Printed(len(pages), path, threading.get_ident())


def print_pdf(
    document: QPdfDocument, printer: QPrinter, control: TaskControl | None = None
) -> int:
    """Draw the chosen pages of a loaded `document` on `printer`; returns the pages printed.

    Runs on the thread that owns `document`; `control` reports each page and stops the job
    (aborted at the printer) when 取消 is pressed."""
    pages = selected_pages(printer, document.pageCount())
    painter = QPainter()
    if not pages or not painter.begin(printer):
        raise PrintError("打印机无法开始打印：请检查打印机是否连接、开启并有纸。")
    dpi = printer.resolution()
    try:
        for position, page in enumerate(pages):
            if control is not None:
                text = f"正在打印第 {position + 1} 页，共 {len(pages)} 页…"
                control.report(position, len(pages), text)
            if position > 0 and not printer.newPage():
                raise PrintError("打印中断：打印机无法换页。")
            _draw_page(painter, document, page, dpi, dpi, control)
    except TaskCancelled:
        printer.abort()
        raise
    finally:
        painter.end()
    return len(pages)


def _draw_page(
    painter: QPainter,
    document: QPdfDocument,
    page: int,
    dpi_x: int,
    dpi_y: int,
    control: TaskControl | None = None,
) -> None:
    points = document.pagePointSize(page)
    width = round(points.width() * dpi_x / 72)
    height = round(points.height() * dpi_y / 72)
    band_rows = max(1, BAND_PIXELS // max(width, 1))
    for top in range(0, height, band_rows):
        if control is not None:
            control.raise_if_cancelled()
        rows = min(band_rows, height - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, top, width, rows))
        band = document.render(page, QSize(width, rows), options)
        painter.drawImage(0, top, band)
