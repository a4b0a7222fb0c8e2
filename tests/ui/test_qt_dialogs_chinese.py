"""Qt's own dialogs speak Chinese: the print dialog, its 属性 (page setup, job options) and the
file dialog, as Qt draws them itself (non-native, offscreen) with the translations installed."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nanmu_desktop.ui.app import install_qt_translations

ROOT = Path(__file__).resolve().parents[2]
# Strings the clerk met in English before (issue 13) and their neighbours.
KNOWN_ENGLISH = ("Look in", "Files of type", "Page Set", "Pages per sheet", "Page order",
                 "File name", "Print", "Cancel", "Options", "Properties", "Copies", "Save",
                 "Scheduled printing", "Billing information", "Job priority", "Paper source",
                 "Orientation", "Margins", "Output file", "Duplex", "Color Mode")
ALLOWED_WORDS = {"ANSI", "JIS", "PDF", "in", "mm", "x"}  # paper names and units
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before = set(qapp.findChildren(QTranslator))
    assert install_qt_translations(qapp)
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)  # gone at once, so the next test installs afresh


def _texts(dialog: QWidget) -> set[str]:
    found = {dialog.windowTitle()}
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.add(widget.text())
        elif isinstance(widget, QGroupBox):
            found.add(widget.title())
        elif isinstance(widget, QComboBox):
            found.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            found.update(widget.tabText(i) for i in range(widget.count()))
        if widget.toolTip():
            found.add(widget.toolTip())
    return {text.replace("&", "") for text in found if text}


def _english(texts: set[str]) -> list[str]:
    """Texts left in English: a known one, or words with no Chinese beside them (Qt's own
    Chinese keeps some English in brackets, e.g. 国际信封 (Envelope) C5; paths are no text)."""
    known = [t for t in texts if any(word in t for word in KNOWN_ENGLISH)]
    other = [t for t in texts if set(re.findall(r"[A-Za-z]{2,}", t)) - ALLOWED_WORDS
             and not CHINESE.search(t) and not t.startswith("/")]
    return sorted(set(known + other))


def test_the_print_dialog_and_its_properties_are_chinese(qtbot: QtBot, chinese: None) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    qtbot.addWidget(dialog)
    dialog.show()
    options = next(b for b in dialog.findChildren(QPushButton) if "选项" in b.text())
    options.click()  # the 选项 half: page set, copies, colour, duplex
    texts = _texts(dialog)
    # (Qt 6.12's wording, then 6.9's: the translations changed, both are Chinese)
    assert {"打印页面(S)：", "页面组："} & texts and "打印(P)" in texts
    assert _english(texts) == []

    seen: list[set[str]] = []

    def read_properties() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not dialog:
                seen.append(_texts(widget))
                widget.reject()
                return
        QTimer.singleShot(20, read_properties)

    QTimer.singleShot(0, read_properties)
    properties = next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "properties")
    properties.click()  # modal: returns once read_properties has closed it
    assert len(seen) == 1
    assert {"每张页数(P)：", "每张页数："} & seen[0] and {"页面顺序(O)：", "页面顺序："} & seen[0]
    assert _english(seen[0]) == [], _english(seen[0])
    dialog.reject()


def test_the_file_dialog_is_chinese(qtbot: QtBot, chinese: None) -> None:
    dialog = QFileDialog(None, "另存为 PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(["PDF 文件 (*.pdf)", "Excel 工作簿 (*.xlsx)"])
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert {"查找范围(L)：", "查找范围："} & texts and {"文件类型(T)：", "文件类型："} & texts
    assert _english(texts) == []
    dialog.reject()


def test_the_compiled_translations_are_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
