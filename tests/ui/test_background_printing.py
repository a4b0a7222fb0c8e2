"""Printing in the background: 打印到文件 writes the issued bytes off the GUI thread, a page range
stays vector, a printer job reports each page and stops on 取消, and the file is offered in the
documents folder."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pdfplumber
import pytest
from documents_dir import documents_in
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services import issuing
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl
from nanmu_desktop.ui.documents import printing
from nanmu_desktop.ui.documents.printing import Printed


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for page in range(1, pages + 1):
        pdf.drawString(72, 800, f"page {page}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _file_printer(path: Path) -> QPrinter:
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def issued_pdf(demo_context: UiContext) -> bytes:
    database = demo_context.database
    case = next(c for c in list_cases(database, CaseQuery(limit=100)).rows
                if c.outcome == "exempt"
                and c.status not in ("registered", "investigating", "determining"))
    info = issuing.issue_document(database, DocumentTarget(DocumentKind.notification,
                                                           case_id=case.id))
    return issuing.document_pdf(database, info.number)[1]


def test_print_to_file_writes_the_issued_bytes_off_the_gui_thread(
    qtbot: QtBot, demo_context: UiContext, issued_pdf: bytes, tmp_path: Path
) -> None:
    target = tmp_path / "告知书.pdf"
    handle = printing.start_printing(demo_context.tasks, issued_pdf, _file_printer(target))
    with qtbot.waitSignal(handle.succeeded, timeout=30_000) as blocker:
        pass
    printed = blocker.args[0]
    assert isinstance(printed, Printed)
    assert printed.thread_id != threading.main_thread().ident  # pytest-qt's GUI thread
    assert printed.path == target
    assert target.read_bytes() == issued_pdf  # the issued file itself, never a raster


def test_a_page_range_to_file_copies_those_pages_as_text(
    qtbot: QtBot, ui_context: UiContext, tmp_path: Path
) -> None:
    target = tmp_path / "第2页.pdf"
    printer = _file_printer(target)
    printer.setFromTo(2, 2)
    handle = printing.start_printing(ui_context.tasks, _pdf(3), printer)
    with qtbot.waitSignal(handle.succeeded, timeout=30_000) as blocker:
        pass
    assert blocker.args[0].pages == 1
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 1
        assert pdf.pages[0].extract_text() == "page 2" and not pdf.pages[0].images


def test_a_printer_job_reports_each_page_on_a_worker_thread(
    qtbot: QtBot, ui_context: UiContext, tmp_path: Path
) -> None:
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for a printer
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setResolution(72)
    data = _pdf(3)
    threads: list[int] = []

    def work(control: TaskControl) -> int:  # what start_printing runs for a printer
        threads.append(threading.get_ident())
        document = printing.load_pdf(data)
        try:
            return printing.print_pdf(document, printer, control)
        finally:
            document.close()

    reports: list[tuple[int, int, str]] = []
    handle = ui_context.tasks.run(work, writes=False)
    handle.progressed.connect(lambda done, total, text: reports.append((done, total, text)))
    with qtbot.waitSignal(handle.succeeded, timeout=30_000) as blocker:
        pass
    assert blocker.args == [3]
    assert threads != [threading.main_thread().ident]
    assert [(done, total) for done, total, _ in reports] == [(0, 3), (1, 3), (2, 3)]
    assert reports[2][2] == "正在打印第 3 页，共 3 页…"
    with pdfplumber.open(tmp_path / "printer.pdf") as pdf:
        assert len(pdf.pages) == 3


def test_cancel_stops_a_printer_job(
    qtbot: QtBot, ui_context: UiContext, tmp_path: Path
) -> None:
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    printer.setResolution(72)
    data = _pdf(3)
    started, go_on = threading.Event(), threading.Event()

    def work(control: TaskControl) -> int:
        document = printing.load_pdf(data)
        started.set()
        go_on.wait(10)  # 取消 is pressed before the first page is drawn
        try:
            return printing.print_pdf(document, printer, control)
        finally:
            document.close()

    handle = ui_context.tasks.run(work, writes=False)
    reports: list[int] = []
    handle.progressed.connect(lambda done, _total, _text: reports.append(done))
    qtbot.waitUntil(started.is_set, timeout=10_000)
    handle.cancel()
    go_on.set()
    with qtbot.waitSignal(handle.cancelled, timeout=30_000):
        pass
    assert reports == [0]  # stopped within the first page


def test_print_to_file_is_offered_in_the_documents_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = documents_in(tmp_path, monkeypatch)
    printer = printing.document_printer("告知书 南木函〔2026〕3号")
    expected = documents / "告知书 南木函〔2026〕3号.pdf"
    assert documents.is_dir()  # made, so the dialogs open there
    assert Path(printer.outputFileName()) == expected
    dialog = QPrintDialog(printer)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "filename")
    assert field is not None and Path(field.text()) == expected
    dialog.reject()
