"""Helpers for driving real widgets in UI tests (shared by every UI test module).

Import as `from helpers import type_chinese, answer_message_box` (tests/ui is on sys.path).
"""

from __future__ import annotations

from collections.abc import Callable

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
