"""Keyboard: within each window no two &-letters collide, and every dialog's buttons and fields
have one (issue 13: Alt+D/E/F/V/C opened menus instead of 记录党委决定, 申请延期, 记录回访, 作废,
默认抄送; 案件来源(S) and 保存(S) shared a letter)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)
from windows_support import ABSTRACT_DIALOGS, DIALOGS, dialog_states, main_window_states, ui_classes

from nanmu_desktop.ui.common.context import UiContext

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QDateEdit, QTextEdit, QPlainTextEdit,
          QAbstractItemView)


def _is_fact_item(button: QAbstractButton) -> bool:
    """A 项 of the determination wizard: （一）…（九） as printed in the regulation, walked with
    Tab and Space (a letter per item would not fit the numbering, and up to 9 share a page)."""
    from nanmu_desktop.ui.wizard.question_page import QuestionPage

    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QuestionPage):
        parent = parent.parentWidget()
    return parent is not None and button.text().startswith("（")


def mnemonic(text: str) -> str | None:
    """The letter after a single & (&& is a literal ampersand), lower-cased."""
    at = 0
    while (at := text.find("&", at)) >= 0 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2
    return None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisibleTo(window)


def letters(window: QWidget) -> dict[str, list[str]]:
    """&-letter → the texts in `window` (as it is now) that claim it."""
    found: dict[str, list[str]] = defaultdict(list)

    def claim(text: str) -> None:
        if (letter := mnemonic(text)) is not None:
            found[letter].append(text)

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            claim(action.text())
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            combo = sequence[0] if sequence.count() else None
            if combo is not None and combo.keyboardModifiers() == Qt.KeyboardModifier.AltModifier:
                found[QKeySequence(combo.key()).toString().lower()].append(action.text())
    for button in window.findChildren(QAbstractButton):
        if _shown(button, window):
            claim(button.text())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and _shown(label, window):
            claim(label.text())
    for box in window.findChildren(QGroupBox):
        if _shown(box, window):
            claim(box.title())
    for bar in window.findChildren(QTabBar):
        if _shown(bar, window):
            for index in range(bar.count()):
                if bar.isTabVisible(index):
                    claim(bar.tabText(index))
    return found


def collisions(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in letters(window).items() if len(v) > 1}


def missing(dialog: QWidget) -> list[str]:
    """Buttons and form fields of a dialog without a &-letter (Esc closes; Enter is default)."""
    lacking: list[str] = []
    for button in dialog.findChildren(QAbstractButton):
        if not _shown(button, dialog) or not button.text() or isinstance(button.parent(), QTabBar):
            continue
        box = button.parent()
        if isinstance(box, QDialogButtonBox) and box.buttonRole(button) in (
            QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.AcceptRole
        ):
            continue  # Esc and Enter
        if isinstance(dialog, QWizard) and button in (
            dialog.button(QWizard.WizardButton.CancelButton),
            dialog.button(QWizard.WizardButton.FinishButton),
            dialog.button(QWizard.WizardButton.CommitButton),
        ):
            continue
        if mnemonic(button.text()) is None and not _is_fact_item(button):
            lacking.append(button.text())
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item else None
            field = field_item.widget() if field_item else None
            if (isinstance(label, QLabel) and isinstance(field, FIELDS)
                    and _shown(label, dialog) and field.isEnabled()
                    and not (isinstance(field, QLineEdit) and field.isReadOnly())
                    and (label.buddy() is None or mnemonic(label.text()) is None)):
                lacking.append(label.text())
    return lacking


def report(problems: dict[str, object]) -> str:
    """One line per distinct problem, with the first window state that shows it."""
    seen: dict[str, str] = {}
    for where, problem in problems.items():
        seen.setdefault(repr(problem), where)
    return "\n" + "\n".join(f"{where}: {problem}" for problem, where in seen.items())


def test_every_dialog_has_a_factory() -> None:
    covered = {name.split(" ")[0] for name in DIALOGS} | ABSTRACT_DIALOGS
    classes = {cls.__name__ for cls in ui_classes(QDialog)}  # QWizard is a QDialog
    assert classes - covered == set(), "add a factory to tests/ui/windows_support.DIALOGS"


def test_main_window_letters_are_unique_on_every_page(qtbot, demo_context: UiContext) -> None:
    problems = {}
    for where, window in main_window_states(demo_context, qtbot):
        if clash := collisions(window):
            problems[where] = clash
    assert not problems, report(problems)


def test_dialog_letters_are_unique_and_complete(qtbot, demo_context: UiContext,
                                                tmp_path: Path) -> None:
    problems: dict[str, object] = {}
    for where, dialog in dialog_states(demo_context, qtbot, tmp_path):
        if clash := collisions(dialog):
            problems[where] = clash
        if lacking := missing(dialog):
            problems[where + " 缺少"] = lacking
    assert not problems, report(problems)


@pytest.mark.parametrize(("text", "letter"), [("保存(&S)", "s"), ("A&&B", None), ("&&&x", "x")])
def test_mnemonic_reading(text: str, letter: str | None) -> None:
    assert mnemonic(text) == letter
