"""The 台账 export writes a readable workbook from the demo data and reports the path."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from documents_dir import documents_in
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.documents.ledger_export import export_ledger_to


def _box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def test_export_writes_xlsx_and_reports_path(
    qtbot: QtBot, demo_context: UiContext, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "台账.xlsx"
    export_ledger_to(demo_context, target, parent)
    qtbot.waitUntil(lambda: _box("ledgerExportedBox") is not None, timeout=15000)
    box = _box("ledgerExportedBox")
    assert box is not None and str(target) in box.text()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any("市场监管" in c for c in cells)
    box.close()


def test_wrong_suffix_shows_chinese_error(
    qtbot: QtBot, demo_context: UiContext, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    export_ledger_to(demo_context, tmp_path / "台账.docx", parent)
    qtbot.waitUntil(lambda: _box("taskErrorBox") is not None, timeout=15000)
    box = _box("taskErrorBox")
    assert box is not None and ".xlsx" in box.text()
    assert not (tmp_path / "台账.docx").exists()
    box.close()


def test_the_pdf_ledger_has_its_own_menu_entry_and_starts_in_documents(
    qtbot: QtBot, demo_context: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from nanmu_desktop.ui.common.actions import MENUS, SPECS, ActionId
    from nanmu_desktop.ui.documents.ledger_export import export_ledger_interactively

    documents = documents_in(tmp_path, monkeypatch)
    file_menu = dict(MENUS)["文件(&F)"]
    assert ActionId.EXPORT_LEDGER_PDF in file_menu
    assert "PDF" in SPECS[ActionId.EXPORT_LEDGER_PDF].tip
    seen: list[tuple[str, str, str]] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                seen.append((widget.windowTitle(), widget.selectedFiles()[0],
                             widget.selectedNameFilter()))
                widget.reject()
                return
        QTimer.singleShot(20, answer)

    parent = QWidget()
    qtbot.addWidget(parent)
    QTimer.singleShot(0, answer)
    export_ledger_interactively(demo_context, parent, ".pdf")  # cancelled: writes nothing
    assert len(seen) == 1
    title, chosen, name_filter = seen[0]
    assert title == "导出台账 PDF" and name_filter == "PDF 文件 (*.pdf)"
    assert Path(chosen).parent == documents and chosen.endswith(".pdf")
