"""Printing at actual size and the preview widget, on a real two-page A4 PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from nanmu_desktop.ui.documents import printing
from nanmu_desktop.ui.documents.pdf_preview import PdfPreview


def _two_page_pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for page in (1, 2):
        pdf.setFillColorRGB(1, 0, 0)
        pdf.rect(100, 500, 200, 100, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.drawString(72, 800, f"page {page}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture
def preview(qtbot: QtBot) -> PdfPreview:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000) as blocker:
        widget.show_pdf(_two_page_pdf())
    assert blocker.args == [2]
    return widget


def test_preview_pages_and_zoom(qtbot: QtBot, preview: PdfPreview) -> None:
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count_label.text() == "共 2 页"
    assert preview.page_box.maximum() == 2
    preview.zoom_in_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.zoom_label.text().endswith("%")
    preview.fit_page_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    preview.page_box.setValue(2)
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == 1, timeout=5000)
    preview.clear("无内容")
    assert preview.pdf_bytes == b"" and not preview.zoom_in_button.isEnabled()


def test_broken_pdf_says_so(qtbot: QtBot) -> None:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.show_pdf(b"%PDF-1.4 not really a pdf")
    qtbot.waitUntil(lambda: "无法显示" in widget.message.text(), timeout=5000)


def test_banded_rendering_matches_a_whole_page_render(preview: PdfPreview) -> None:
    document = preview.document
    whole = document.render(0, QSize(595, 842)).convertToFormat(QImage.Format.Format_ARGB32)
    banded = QImage(595, 842, QImage.Format.Format_ARGB32)
    banded.fill(0)
    painter = QPainter(banded)
    original = printing.BAND_PIXELS
    printing.BAND_PIXELS = 595 * 100  # bands of 100 rows, so their seams are tested
    try:
        printing._draw_page(painter, document, 0, 72, 72)
    finally:
        printing.BAND_PIXELS = original
        painter.end()
    samples = [(x, y) for y in range(0, 842, 3) for x in range(0, 595, 3)]
    differing = sum(whole.pixel(x, y) != banded.pixel(x, y) for x, y in samples)
    assert differing / len(samples) < 0.01
    # the red box sits where the PDF put it: x 100–300 pt, 242–342 pt from the top
    assert banded.pixelColor(200, 290).red() > 200 and banded.pixelColor(200, 290).green() < 50
    assert banded.pixelColor(50, 290).alpha() == 0


def test_print_to_a_pdf_printer_keeps_a4_and_every_page(
    preview: PdfPreview, tmp_path: Path
) -> None:
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert printing.print_pdf(preview.document, printer) == 2
    with pdfplumber.open(tmp_path / "printed.pdf") as printed:
        assert len(printed.pages) == 2
        for page in printed.pages:
            assert (round(page.width), round(page.height)) == (595, 842)
            # the bands tile the whole sheet from its corner: no scaling, no margin
            assert min(image["x0"] for image in page.images) == pytest.approx(0, abs=0.5)
            assert min(image["top"] for image in page.images) == pytest.approx(0, abs=0.5)
            assert max(image["x1"] for image in page.images) == pytest.approx(595, abs=1)
            assert max(image["bottom"] for image in page.images) == pytest.approx(842, abs=1)


def test_page_range_is_respected(preview: PdfPreview, tmp_path: Path) -> None:
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer.setResolution(72)
    printer.setFromTo(2, 2)
    assert printing.print_pdf(preview.document, printer) == 1
