"""Login on start and roles in the window: a 经办 cannot issue, a 签发 can; the audit rows name
each user (issue 10's acceptance)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import ModalAnswer, answer_message_box
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.roles import PermissionDeniedError, Role
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.users import MAX_FAILURES, add_user, log_in
from nanmu_desktop.storage.db import open_database
from nanmu_desktop.ui import app as app_module
from nanmu_desktop.ui.common.actions import ActionId
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.login_dialog import LoginDialog
from nanmu_desktop.ui.documents.page import DocumentsPage
from nanmu_desktop.ui.main_window import DOCUMENTS, MainWindow

DECIDED_CASE = "RC-2026-006"  # 党委研究决定, 容错免责
PASSWORDS = {"王管理": "admin-pass-1", "张经办": "clerk-pass-1", "赵签发": "signer-pass-1"}


def office_database(path: Path) -> None:
    """The demo data, then an administrator, a clerk and a signer."""
    db = open_database(path)
    fill_demo(db)
    add_user(db, "王管理", frozenset({Role.admin}), PASSWORDS["王管理"])
    log_in(db, "王管理", PASSWORDS["王管理"])
    add_user(db, "张经办", frozenset({Role.clerk}), PASSWORDS["张经办"])
    add_user(db, "赵签发", frozenset({Role.signer}), PASSWORDS["赵签发"])
    db.close()


def logs_in_as(name: str) -> ModalAnswer:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.name_edit.setText(name)
        dialog.password_edit.setText(PASSWORDS[name])
        dialog.login_button.click()

    return ModalAnswer(LoginDialog, answer)


def audit_rows(path: Path, entity: str) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute(
            "SELECT action, actor FROM audit_log WHERE entity = ? ORDER BY id", (entity,)
        ).fetchall()
    raw.close()
    return [(str(a), str(b)) for a, b in rows]


def _show_decided(qtbot: QtBot, page: DocumentsPage) -> None:
    for row in range(page.case_list.count()):
        case = page.case_list.item(row).data(Qt.ItemDataRole.UserRole)
        if case.number == DECIDED_CASE:
            page.show_case(int(case.id), DocumentKind.exemption_decision)
            break
    qtbot.waitUntil(
        lambda: page.preview.document.status() == QPdfDocument.Status.Ready, timeout=30_000
    )


def test_a_clerk_cannot_issue_a_signer_can_and_the_audit_names_each(
    qtbot: QtBot, db_path: Path, qt_settings: QSettings
) -> None:
    office_database(db_path)
    login = logs_in_as("张经办")
    window = app_module.start(db_path, qt_settings)
    assert login.handled and isinstance(window, MainWindow)
    qtbot.addWidget(window)
    database = window.context.database
    try:
        assert window.user_label.text() == "当前用户：张经办（经办）"
        assert window.actions_registry[ActionId.NEW_CASE].isEnabled()
        page = window.show_page(DOCUMENTS)
        assert isinstance(page, DocumentsPage)
        _show_decided(qtbot, page)
        assert not page.issue_button.isEnabled()
        assert "签发" in page.issue_button.toolTip() and "张经办" in page.issue_button.toolTip()
        # The service refuses too, whatever the screen shows: nothing is written.
        before = audit_rows(db_path, "issued_document")
        from nanmu_desktop.services.cases import find_case
        from nanmu_desktop.services.documents import DocumentTarget
        from nanmu_desktop.services.issuing import issue_document

        case_id = find_case(database, DECIDED_CASE).id

        try:
            issue_document(database, DocumentTarget(DocumentKind.exemption_decision, case_id))
            raise AssertionError("a clerk issued a document")
        except PermissionDeniedError as err:
            assert "签发" in err.message
        assert audit_rows(db_path, "issued_document") == before
        # What a clerk may do is written under the clerk's name.
        from nanmu_desktop.services.determinations import save_proposal

        early = find_case(database, "RC-2026-011")
        save_proposal(database, early.id, {"art9": [1]})
        assert audit_rows(db_path, "determination")[-1] == ("propose", "张经办")

        switch = logs_in_as("赵签发")
        window.switch_user()
        assert switch.handled
        assert window.user_label.text() == "当前用户：赵签发（签发）"
        assert not window.actions_registry[ActionId.NEW_CASE].isEnabled()
        qtbot.waitUntil(page.issue_button.isEnabled, timeout=10_000)
        registered = page.register.model.rowCount()
        confirm = answer_message_box(QMessageBox.StandardButton.Ok)
        page.issue_button.click()
        assert confirm.handled
        qtbot.waitUntil(lambda: page.register.model.rowCount() == registered + 1, timeout=30_000)
        issued = page.register.current()
        assert issued is not None and issued.issued_by == "赵签发"
        assert audit_rows(db_path, "issued_document")[-1] == ("issue", "赵签发")
        actors = {actor for _action, actor in audit_rows(db_path, "user")}
        assert "王管理" in actors  # the administrator's own rows: the users it added
    finally:
        window.close()
        database.close()


def test_the_login_dialog_counts_failures_and_tells_a_locked_user_when_to_retry(
    qtbot: QtBot, db_path: Path, qt_settings: QSettings
) -> None:
    office_database(db_path)
    database = open_database(db_path)
    try:
        dialog = LoginDialog(UiContext(database, db_path, qt_settings))
        qtbot.addWidget(dialog)
        dialog.name_edit.setText("张经办")
        for _ in range(MAX_FAILURES):
            dialog.password_edit.setText("wrong-password")
            dialog.login_button.click()
        assert "已锁定" in dialog.message.text() and "后重试" in dialog.message.text()
        assert dialog.result() != QDialog.DialogCode.Accepted and database.user is None
        dialog.password_edit.setText(PASSWORDS["张经办"])
        dialog.login_button.click()
        assert "已锁定" in dialog.message.text()
        with sqlite3.connect(db_path) as raw:
            until = raw.execute("SELECT locked_until FROM users WHERE name='张经办'").fetchone()
        raw.close()
        assert until[0] is not None
        other = LoginDialog(UiContext(database, db_path, qt_settings))
        qtbot.addWidget(other)
        assert other.name_edit.text() == ""  # no one has logged in yet: nothing remembered
        other.name_edit.setText("赵签发")
        other.password_edit.setText(PASSWORDS["赵签发"])
        other.login_button.click()
        assert other.result() == QDialog.DialogCode.Accepted
        assert database.user is not None and database.user.name == "赵签发"
    finally:
        database.close()
