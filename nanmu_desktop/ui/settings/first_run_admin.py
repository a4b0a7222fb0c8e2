"""The first-run wizard's 登录账户 page: the first administrator of a new database.

A one-user office ticks 本人同时承担经办、审核、签发 and works with this one account; a larger
office adds the other users afterwards (`user add`). The page is left out when the database
already has users (made with `user add` before the wizard ran).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizardPage

from nanmu_desktop.domain.roles import Role
from nanmu_desktop.services.passwords import password_problem
from nanmu_desktop.storage.db import Database


class AdminAccountPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("登录账户")
        self.setSubTitle("设置第一位管理员。设置后每次启动须登录，操作记录写明是谁办理。")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.name_edit.setPlaceholderText("如：王某某")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.all_roles = QCheckBox("本人同时承担经办、审核、签发（一人办公室）")
        self.all_roles.setChecked(True)
        self.hint = QLabel()
        self.hint.setObjectName("account_hint")
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("用户名(&U)：", self.name_edit)
        form.addRow("密码(&P)：", self.password_edit)
        form.addRow("确认密码(&C)：", self.confirm_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.all_roles)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        for edit in (self.name_edit, self.password_edit, self.confirm_edit):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _problem(self) -> str | None:
        if not self.name_edit.text().strip():
            return "请填写用户名。"
        problem = password_problem(self.password_edit.text())
        if problem:
            return problem
        if self.password_edit.text() != self.confirm_edit.text():
            return "两次输入的密码不一致。"
        return None

    def _changed(self) -> None:
        self.hint.setText(self._problem() or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return self._problem() is None

    def account(self) -> tuple[str, frozenset[Role], str]:
        """(name, roles, password) as entered; read on the GUI thread before saving."""
        roles = frozenset(Role) if self.all_roles.isChecked() else frozenset({Role.admin})
        return self.name_edit.text().strip(), roles, self.password_edit.text()


def account_page_if_needed(database: Database) -> AdminAccountPage | None:
    """On the first run of a database without users; re-opened later from 设置, users are
    managed in 设置 › 用户 instead."""
    from nanmu_desktop.services.access import database_has_users
    from nanmu_desktop.services.settings import is_first_run

    if database_has_users(database) or not is_first_run(database):
        return None
    return AdminAccountPage()


def create_account(database: Database, account: tuple[str, frozenset[Role], str] | None) -> None:
    """Make and log in the first administrator (worker thread; nothing when no page)."""
    if account is None:
        return
    from nanmu_desktop.services.users import create_first_admin

    create_first_admin(database, *account)
