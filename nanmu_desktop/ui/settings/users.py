"""设置 › 用户: the office's accounts and their roles (管理员 only; the services check it).

On a database without users the first account added here must hold 管理员; it is logged in at
once, so the office goes on working under its name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.roles import ROLE_LABELS, Role
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services import users as user_service
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext


class UsersSection(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["用户名", "角色", "状态"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(50)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("新用户或重置密码时填写")
        self.role_boxes = {role: QCheckBox(ROLE_LABELS[role], self) for role in Role}
        roles_row = QHBoxLayout()
        for box in self.role_boxes.values():
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        form = QFormLayout()
        form.addRow("用户名：", self.name_edit)
        form.addRow("角色：", roles_row)
        form.addRow("密码：", self.password_edit)

        self.add_button = QPushButton("添加用户(&A)", self)
        self.roles_button = QPushButton("修改角色(&R)", self)
        self.password_button = QPushButton("重置密码(&P)", self)
        self.add_button.clicked.connect(self.add)
        self.roles_button.clicked.connect(self.change_roles)
        self.password_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.roles_button, self.password_button):
            buttons.addWidget(button)

        note = QLabel(
            "经办：登记、认定、起草；审核：审核与退回；签发：签发、作废文书；"
            "管理员：用户、设置、备份。一人办公室可给一个账户全部角色。"
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        now = datetime.now(UTC)
        users = user_service.list_users(self._context.database)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            locked = user.locked_until if user.locked_at(now) else None
            state = f"锁定至 {locked.astimezone():%H:%M}" if locked else "正常"
            for column, text in enumerate((user.name, user.roles_text, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.role_boxes.items() if box.isChecked())

    @Slot()
    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        cell = self.table.item(items[0].row(), 0)
        users = user_service.list_users(self._context.database)
        user = next((u for u in users if cell is not None and u.name == cell.text()), None)
        if user is None:
            return
        self.name_edit.setText(user.name)
        for role, box in self.role_boxes.items():
            box.setChecked(role in user.roles)

    @Slot()
    def add(self) -> None:
        database = self._context.database
        name, password = self.name_edit.text().strip(), self.password_edit.text()

        def work() -> None:
            if user_service.list_users(database):
                user_service.add_user(database, name, self.roles(), password)
            else:  # the first account: an administrator, logged in at once
                if Role.admin not in self.roles():
                    raise NanmuError("第一个用户必须具有“管理员”角色。")
                user_service.create_first_admin(database, name, self.roles(), password)
                self._context.signals.user_changed.emit()

        self._run(work, f"已添加用户：{name}")

    @Slot()
    def change_roles(self) -> None:
        name = self.name_edit.text().strip()
        self._run(lambda: user_service.set_roles(self._context.database, name, self.roles()),
                  f"已修改用户“{name}”的角色")

    @Slot()
    def reset_password(self) -> None:
        name = self.name_edit.text().strip()
        password = self.password_edit.text()
        self._run(lambda: user_service.set_password(self._context.database, name, password),
                  f"已重置用户“{name}”的密码")

    def _run(self, work: Callable[[], object], done: str) -> None:
        try:
            work()
        except NanmuError as err:
            dialogs.show_error(self, err, "无法完成")
            return
        self.password_edit.clear()
        self.load()
        self._context.signals.status_message.emit(done)
