"""Every confirmation and error box goes through here: Chinese texts, drivable from tests.

Boxes are shown with `exec()`; tests answer them with tests/ui/helpers.py `answer_message_box`.
Button texts are set explicitly so they read Chinese even without a Qt translation loaded.
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from nanmu_desktop.errors import NanmuError, ValidationError

_Button = QMessageBox.StandardButton


class UnsavedChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: dict[_Button, str],
    default: _Button,
) -> _Button:
    box = QMessageBox(icon, title, text, _Button.NoButton, parent)
    for button, label in buttons.items():
        box.addButton(button).setText(label)
    box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else _Button.Cancel


def confirm(
    parent: QWidget | None, title: str, text: str, *, ok_text: str = "确定", danger: bool = False
) -> bool:
    """Ask before an action that cannot be undone; 取消 is the default for dangerous ones."""
    icon = QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question
    default = _Button.Cancel if danger else _Button.Ok
    answer = _box(parent, icon, title, text, {_Button.Ok: ok_text, _Button.Cancel: "取消"}, default)
    return answer == _Button.Ok


def ask_unsaved(parent: QWidget | None, what: str) -> UnsavedChoice:
    """保存 / 放弃 / 取消 when leaving `what` (e.g. "案件") with unsaved changes."""
    answer = _box(
        parent,
        QMessageBox.Icon.Question,
        "尚未保存",
        f"{what}有尚未保存的修改。是否保存？",
        {_Button.Save: "保存", _Button.Discard: "放弃", _Button.Cancel: "取消"},
        _Button.Save,
    )
    if answer == _Button.Save:
        return UnsavedChoice.SAVE
    if answer == _Button.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def show_error(parent: QWidget | None, error: NanmuError | str, title: str = "无法完成") -> None:
    """Show an expected failure; a ValidationError lists each problem on its own line."""
    if isinstance(error, ValidationError):
        text = "请修改以下内容：\n" + "\n".join(f"· {p}" for p in error.problems)
    else:
        text = error.message if isinstance(error, NanmuError) else error
    _box(parent, QMessageBox.Icon.Warning, title, text, {_Button.Ok: "确定"}, _Button.Ok)


def ask_reload_stale(parent: QWidget | None, text: str, comparison: str) -> bool:
    """Someone else saved the record meanwhile: 重新载入 (True) or keep editing (False).
    The comparison (their changes, before → after) is under 显示详细信息."""
    box = QMessageBox(QMessageBox.Icon.Warning, "已被他人修改", text, _Button.NoButton, parent)
    box.addButton(_Button.Reset).setText("重新载入")
    box.addButton(_Button.Cancel).setText("继续编辑")
    box.setDefaultButton(_Button.Reset)
    if comparison:
        box.setDetailedText(comparison)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.standardButton(clicked) == _Button.Reset


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text, {_Button.Ok: "确定"}, _Button.Ok)
