"""设置 › 用户: the first account becomes the logged-in administrator; a clerk is refused."""

from __future__ import annotations

from helpers import answer_message_box
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.roles import Role
from nanmu_desktop.services.users import list_users, log_in
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.settings.users import UsersSection


def _fill(section: UsersSection, name: str, roles: set[Role], password: str) -> None:
    section.name_edit.setText(name)
    for role, box in section.role_boxes.items():
        box.setChecked(role in roles)
    section.password_edit.setText(password)


def test_the_first_user_is_logged_in_and_only_an_administrator_adds_users(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    section = UsersSection(ui_context)
    qtbot.addWidget(section)
    database = ui_context.database

    _fill(section, "张经办", {Role.clerk}, "clerk-pass-1")
    refused = answer_message_box(QMessageBox.StandardButton.Ok)
    section.add_button.click()
    assert refused.handled and "管理员" in refused.text
    assert list_users(database) == []

    _fill(section, "王管理", {Role.admin, Role.signer}, "admin-pass-1")
    section.add_button.click()
    assert database.user is not None and database.user.name == "王管理"
    _fill(section, "张经办", {Role.clerk}, "clerk-pass-1")
    section.add_button.click()
    assert section.table.rowCount() == 2
    assert section.table.item(1, 1).text() == "经办"  # type: ignore[union-attr]

    log_in(database, "张经办", "clerk-pass-1")
    _fill(section, "赵签发", {Role.signer}, "signer-pass-1")
    refused = answer_message_box(QMessageBox.StandardButton.Ok)
    section.add_button.click()
    assert refused.handled and "无权管理用户" in refused.text
    assert [u.name for u in list_users(database)] == ["王管理", "张经办"]
