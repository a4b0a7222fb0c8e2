"""设置 › 数据与备份: a missing backup folder is refused (never made on the local disk), and the
restore round trip — what the backup holds is shown, the current file kept, no number reused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import ModalAnswer, answer_message_box
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.backup import backup_database
from nanmu_desktop.services.cases import find_case
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import issue_document, list_documents
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.settings.page import SettingsPage


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext) -> SettingsPage:
    fill_demo(ui_context.database)
    widget = SettingsPage(ui_context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _ok_twice(texts: list[str]) -> list[ModalAnswer]:
    """Answer the confirmation and then the result box with 恢复/确定, collecting their texts;
    the caller keeps the returned watchers alive."""

    def second(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.text())
        ok = dialog.button(QMessageBox.StandardButton.Ok)
        assert ok is not None
        ok.click()

    def first(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.text())
        keep.append(ModalAnswer(QMessageBox, second))
        ok = dialog.button(QMessageBox.StandardButton.Ok)
        assert ok is not None
        ok.click()

    keep: list[ModalAnswer] = [ModalAnswer(QMessageBox, first)]
    return keep


def test_a_missing_backup_folder_is_refused_and_not_created(
    qtbot: QtBot, page: SettingsPage, tmp_path: Path
) -> None:
    unplugged = tmp_path / "E盘" / "备份"
    page.data_ui.backupFolderEdit.setText(str(unplugged))
    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    page.data_ui.backupButton.click()
    qtbot.waitUntil(lambda: answer.handled, timeout=20_000)
    assert "不存在" in answer.text
    assert not unplugged.parent.exists()


def test_restore_round_trip_shows_the_backup_and_reuses_no_number(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = backup_database(ui_context.database, usb).path
    case_id = find_case(ui_context.database, "RC-2026-001").id
    target = DocumentTarget(DocumentKind.notification, case_id)
    later = issue_document(ui_context.database, target, on=date.today()).number
    texts: list[str] = []
    watchers = _ok_twice(texts)
    assert page.restore_section.restore_from(saved)
    qtbot.waitUntil(lambda: len(texts) == 2, timeout=10_000)
    assert len(watchers) == 2
    assert "案件：12 件" in texts[0] and "检查：通过" in texts[0]
    assert "原数据库已备份到" in texts[1] and "文号保留" in texts[1]
    database = ui_context.database  # opened again on the restored file
    assert later not in {d.number for d in list_documents(database)}
    again = issue_document(database, target, on=date.today()).number
    assert again != later
    assert all(r.ok for r in run_checks(database)), run_checks(database)
    assert list((ui_context.db_path.parent / "恢复前备份").glob("*.sqlite3"))
