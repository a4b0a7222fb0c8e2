"""文书 page: draft preview, issuing with confirmation, the register, voiding, saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import answer_message_box, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services import font_choice, issuing
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.documents.page import DocumentsPage
from nanmu_desktop.ui.documents.register_view import VoidDialog

DECIDED_CASE = "RC-2026-006"  # 党委研究决定, 容错免责
EARLY_CASE = "RC-2026-011"  # 登记


@pytest.fixture
def demo_context(ui_context: UiContext) -> UiContext:
    fill_demo(ui_context.database)
    return ui_context


@pytest.fixture
def page(qtbot: QtBot, demo_context: UiContext) -> DocumentsPage:
    widget = DocumentsPage(demo_context)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def _case_id(page: DocumentsPage, number: str) -> int:
    for row in range(page.case_list.count()):
        case = page.case_list.item(row).data(Qt.ItemDataRole.UserRole)
        if case.number == number:
            return int(case.id)
    raise AssertionError(f"{number} not listed")


def _wait_preview(qtbot: QtBot, page: DocumentsPage) -> None:
    qtbot.waitUntil(
        lambda: page.preview.document.status() == QPdfDocument.Status.Ready, timeout=30_000
    )


def test_draft_preview_loads(qtbot: QtBot, page: DocumentsPage) -> None:
    page.show_case(_case_id(page, DECIDED_CASE), DocumentKind.exemption_decision)
    _wait_preview(qtbot, page)
    assert page.preview.document.pageCount() >= 1
    assert "草稿" in page.caption.text() and DECIDED_CASE in page.caption.text()
    text = page.preview.document.getAllText(0).text()
    assert "予以容错免责的决定" in text and "案件编号" in text
    assert page.issue_button.isEnabled() and page.print_button.isEnabled()
    # A face of another design standing in for a role is named above the preview.
    note = font_choice.fonts_for(page._context.database).stand_in_note
    assert note == "" or note in page.caption.text()


def test_a_case_too_early_shows_why_instead_of_a_preview(
    qtbot: QtBot, page: DocumentsPage
) -> None:
    page.show_case(_case_id(page, EARLY_CASE), DocumentKind.exemption_decision)
    qtbot.waitUntil(lambda: "党委研究决定" in page.preview.message.text(), timeout=30_000)
    assert not page.issue_button.isEnabled()


def test_issue_after_confirmation_then_void_with_a_reason(
    qtbot: QtBot, page: DocumentsPage, demo_context: UiContext
) -> None:
    database = demo_context.database
    page.show_case(_case_id(page, DECIDED_CASE), DocumentKind.exemption_decision)
    _wait_preview(qtbot, page)
    expected = issuing.next_number(database, DocumentKind.exemption_decision)
    before = page.register.model.rowCount()

    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    page.issue_button.click()
    assert answer.handled and expected in answer.text
    qtbot.waitUntil(lambda: page.register.model.rowCount() == before + 1, timeout=30_000)
    assert page.register.model.row_of(expected) >= 0
    current = page.register.current()
    assert current is not None and current.number == expected
    assert current.case_number == DECIDED_CASE and not current.voided
    _wait_preview(qtbot, page)
    assert page.caption.text().startswith(expected)
    # The stand-in faces the issued file was printed with, read from the file itself.
    issued = issuing.document_pdf(database, expected)[1]
    note = font_choice.stand_in_note_of_pdf(issued)
    assert note == "" or note in page.caption.text()
    assert page.void_button.isEnabled() and not page.issue_button.isEnabled()

    page.void_button.click()
    qtbot.waitUntil(lambda: page.findChild(VoidDialog) is not None, timeout=5000)
    dialog = page.findChild(VoidDialog)
    assert dialog is not None
    assert not dialog.void_button.isEnabled()  # no reason yet
    type_chinese(dialog.reason_edit, "当事人姓名有误，已重新签发")
    assert dialog.void_button.isEnabled()
    dialog.void_button.click()
    qtbot.waitUntil(lambda: issuing.get_document(database, expected).voided, timeout=30_000)
    qtbot.waitUntil(lambda: "已作废" in page.caption.text(), timeout=5000)
    voided = page.register.current()
    assert voided is not None and voided.void_reason == "当事人姓名有误，已重新签发"
    assert not page.void_button.isEnabled()


def test_cancelling_the_confirmation_issues_nothing(
    qtbot: QtBot, page: DocumentsPage, demo_context: UiContext
) -> None:
    page.show_case(_case_id(page, DECIDED_CASE), DocumentKind.exemption_decision)
    _wait_preview(qtbot, page)
    before = len(issuing.list_documents(demo_context.database))
    answer = answer_message_box(QMessageBox.StandardButton.Cancel)
    page.issue_button.click()
    assert answer.handled
    QApplication.processEvents()
    assert len(issuing.list_documents(demo_context.database)) == before


def test_register_model_and_search(
    qtbot: QtBot, qtmodeltester, page: DocumentsPage, demo_context: UiContext  # type: ignore[no-untyped-def]
) -> None:
    case_id = _case_id(page, DECIDED_CASE)
    for kind in (DocumentKind.exemption_decision, DocumentKind.notification):
        issuing.issue_document(demo_context.database, DocumentTarget(kind, case_id=case_id))
    page.reload_register()
    model = page.register.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(issuing.list_documents(demo_context.database)) >= 2
    page.tabs.setCurrentWidget(page.register)
    type_chinese(page.register.search, "告知书")
    shown = page.register.proxy.rowCount()
    assert shown >= 1
    assert all("告知书" in page.register.proxy.index(r, 1).data() for r in range(shown))


def test_save_writes_the_previewed_bytes(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path
) -> None:
    page.show_case(_case_id(page, DECIDED_CASE), DocumentKind.notification)
    _wait_preview(qtbot, page)
    target = tmp_path / "告知书.pdf"
    page.save_pdf(target)
    assert target.read_bytes() == page.preview.pdf_bytes
    assert target.read_bytes().startswith(b"%PDF-")


def test_select_case_and_refresh_from_the_main_window(qtbot: QtBot, page: DocumentsPage) -> None:
    page.kind_box.setCurrentIndex(page.kind_box.findData(DocumentKind.notification.value))
    page.select_case(_case_id(page, DECIDED_CASE))
    _wait_preview(qtbot, page)
    assert DECIDED_CASE in page.caption.text() and "告知书" in page.caption.text()
    page.refresh()
    _wait_preview(qtbot, page)
    assert page.case_list.currentItem() is not None
