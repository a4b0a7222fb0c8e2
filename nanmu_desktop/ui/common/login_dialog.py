"""登录: asked on start once the database has users, and by 文件 › 切换用户.

A wrong password says how many tries are left; a locked account says when it may retry.
The scrypt check takes a few tens of milliseconds, so it runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.roles import Actor
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.settings import get_profile
from nanmu_desktop.ui.common.context import UiContext

_LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.actor: Actor | None = None
        profile = get_profile(context.database)
        self.setWindowTitle(f"登录 — {profile.product_name}")
        intro = QLabel(f"数据库：{context.db_path.name}\n请输入用户名和密码。")
        self.name_edit = QLineEdit(str(context.settings.value(_LAST_USER_KEY, "") or ""))
        self.name_edit.setMaxLength(50)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00000;")
        form = QFormLayout()
        form.addRow("用户名(&U)：", self.name_edit)
        form.addRow("密码(&P)：", self.password_edit)
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton("登录", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password_edit if self.name_edit.text() else self.name_edit).setFocus()

    @Slot()
    def try_login(self) -> None:
        from nanmu_desktop.services.users import log_in

        name = self.name_edit.text().strip()
        if not name:
            self.message.setText("请输入用户名。")
            return
        try:
            self.actor = log_in(self._context.database, name, self.password_edit.text())
        except NanmuError as err:
            self.message.setText(err.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self._context.settings.setValue(_LAST_USER_KEY, name)
        self.accept()


def log_in_if_needed(context: UiContext, parent: QWidget | None = None) -> bool:
    """Ask for a login when the database has users and no one is logged in; False if cancelled."""
    from nanmu_desktop.services.access import database_has_users

    database = context.database
    if database.user is not None or not database_has_users(database):
        return True
    return LoginDialog(context, parent).exec() == QDialog.DialogCode.Accepted
