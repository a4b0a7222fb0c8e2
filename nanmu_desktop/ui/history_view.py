"""The 办理记录 tab of the case form: the case's audit history, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.services.audit_history import case_history
from nanmu_desktop.ui.context import UiContext

HEADERS = ("时间", "操作人", "操作", "内容")


class HistoryView(QWidget):
    def __init__(self, context: UiContext, case_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.set_case(case_id)

    def set_case(self, case_id: int | None) -> None:
        entries = [] if case_id is None else case_history(self.context.database, case_id)
        entries.reverse()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            at = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
            for column, text in enumerate((at, entry.actor, entry.action_label, entry.details)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
