"""文件 → 导出台账…: choose a .xlsx or .pdf file and write the ledger in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nanmu_desktop.services.ledger import export_ledger
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl, TaskHandle

_FILTERS = "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)"


def default_ledger_name(today: date) -> str:
    return f"容错纠错工作台账-{today.isoformat()}.xlsx"


def export_ledger_interactively(context: UiContext, parent: QWidget | None) -> None:
    """Ask where to save, then export; cancelling the file dialog does nothing."""
    start = str(Path.home() / default_ledger_name(date.today()))
    chosen, selected_filter = QFileDialog.getSaveFileName(parent, "导出台账", start, _FILTERS)
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() not in (".xlsx", ".pdf"):
        # The user typed a bare name: take the suffix from the filter they chose.
        path = path.with_name(path.name + (".pdf" if "pdf" in selected_filter else ".xlsx"))
    export_ledger_to(context, path, parent)


def export_ledger_to(context: UiContext, path: Path, parent: QWidget | None) -> TaskHandle[int]:
    """Export in the background with the progress dialog; report the path when done."""
    database = context.database

    def work(control: TaskControl) -> int:
        control.report(0, 0, "正在导出台账…")
        return export_ledger(database, path)

    def done(count: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "台账已导出",
                          f"已导出 {count} 件案件的台账：\n{path}",
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("ledgerExportedBox")
        box.button(QMessageBox.StandardButton.Ok).setText("确定")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    return context.tasks.run(work, title="正在导出台账…", parent=parent, writes=False,
                             on_done=done)
