"""Helpers for driving real widgets in UI tests (shared by every UI test module).

Import as `from helpers import type_chinese, answer_message_box` (tests/ui is on sys.path).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from nanmu_desktop.storage.db import Database


def type_chinese(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as an input method would commit it.

    `qtbot.keyClicks` with non-Latin text aborts the process, so Chinese goes in as one
    QInputMethodEvent carrying a commit string — the same path a real 拼音 IME takes.
    Works for QLineEdit, QTextEdit, QPlainTextEdit, editable QComboBox and spin boxes.
    """
    target: QWidget = widget
    if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
        target = widget.lineEdit()
    elif isinstance(widget, QAbstractSpinBox):
        target = widget.findChild(QWidget, "qt_spinbox_lineedit") or widget
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


class ModalAnswer:
    """Waits (without blocking) for the next modal dialog of a type and answers it.

    Create it BEFORE the action that opens the dialog with `exec()`; a timer polls
    `QApplication.activeModalWidget()` and calls `answer(dialog)` once it shows. Afterwards
    `handled` says whether it was seen and `text` holds a QMessageBox's text.
    """

    def __init__(self, dialog_type: type[QDialog], answer: Callable[[QDialog], None]) -> None:
        self.handled = False
        self.text = ""
        self._type = dialog_type
        self._answer = answer
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, self._type) or not dialog.isVisible():
            return
        self._timer.stop()
        if isinstance(dialog, QMessageBox):
            self.text = dialog.text()
        self.handled = True
        self._answer(dialog)

    def cancel(self) -> None:
        """Stop watching (for a test that expects no dialog)."""
        self._timer.stop()


def answer_message_box(button: QMessageBox.StandardButton) -> ModalAnswer:
    """Answer the next QMessageBox by clicking its `button` (e.g. StandardButton.Yes)."""

    def click(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        chosen = dialog.button(button)
        assert chosen is not None, f"message box has no {button} button"
        chosen.click()

    return ModalAnswer(QMessageBox, click)


def make_cases(database: Database, count: int, *, text: str = "雪天误封木材堆场") -> list[int]:
    """Register `count` cases through the services, with two officers in two departments.

    Case i (from 0): source alternates 个人申请/单位启动, field 林业和草原/市场监管, officer
    关某某/莫某 in turn; dates step back one day per case; the description contains `text`
    for even i only. Returns the case ids in creation order.
    """
    from datetime import date, timedelta

    from nanmu_desktop.services.case_types import CaseInput
    from nanmu_desktop.services.cases import register_case
    from nanmu_desktop.services.officers import (
        OfficerInput,
        add_officer,
        ensure_default_departments,
    )

    departments = ensure_default_departments(database)
    forest = next(d for d in departments if d.name.startswith("自然资源"))
    enforcement = next(d for d in departments if d.name.startswith("综合行政执法"))
    officers = [
        add_officer(database, OfficerInput("关某某", forest.id, "15-0783-00112", "鄂伦春族")),
        add_officer(database, OfficerInput("莫某", enforcement.id, "15-0783-00245", "达斡尔族")),
    ]
    ids = []
    for i in range(count):
        day = date(2026, 3, 1) - timedelta(days=i)
        description = f"第{i}件：" + (text if i % 2 == 0 else "日常巡查记录")
        data = CaseInput(
            source=("personal_application", "unit_initiated")[i % 2],
            enforcement_type="administrative_inspection",
            field=("forestry_grassland", "market_regulation")[i % 2],
            occurred_on=day,
            reported_on=day,
            description=description,
            officer_ids=(officers[i % 2].id,),
        )
        ids.append(register_case(database, data).id)
    return ids
