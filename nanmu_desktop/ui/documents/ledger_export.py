"""文件 → 导出台账… / 导出台账 PDF…: choose where, then write the ledger in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from nanmu_desktop.services.ledger import export_ledger
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.places import suggested_path
from nanmu_desktop.ui.common.tasks import TaskControl, TaskHandle

_EXCEL, _PDF = "Excel 工作簿 (*.xlsx)", "PDF 文件 (*.pdf)"


def default_ledger_name(today: date, suffix: str = ".xlsx") -> str:
    return f"容错纠错工作台账-{today.isoformat()}{suffix}"


def export_ledger_interactively(
    context: UiContext, parent: QWidget | None, suffix: str = ".xlsx"
) -> None:
    """Ask where to save (in the documents folder, as `suffix` unless the clerk picks the
    other type), then export; cancelling the file dialog does nothing."""
    start = str(suggested_path(default_ledger_name(date.today(), suffix)))
    filters = f"{_PDF};;{_EXCEL}" if suffix == ".pdf" else f"{_EXCEL};;{_PDF}"
    title = "导出台账 PDF" if suffix == ".pdf" else "导出台账"
    chosen, selected_filter = QFileDialog.getSaveFileName(parent, title, start, filters)
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
