"""The searchable case list at the left of the 认定向导 and 办理跟踪 pages: filling it from a
page of the case query, and finding a case's row in it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from nanmu_desktop.services.case_types import CasePage

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
LIST_LIMIT = 200  # rows listed; the count label says when there are more


def fill_case_list(case_list: QListWidget, count_label: QLabel, page: CasePage) -> None:
    """Show `page`'s cases (number, officers, title, status) without emitting selection changes."""
    case_list.blockSignals(True)
    case_list.clear()
    for row in page.rows:
        item = QListWidgetItem(
            f"{row.number}　{row.officers}\n{row.title or row.summary}　〔{row.status_label}〕"
        )
        item.setData(CASE_ID_ROLE, row.id)
        item.setToolTip(row.summary)
        case_list.addItem(item)
    case_list.blockSignals(False)
    shown = len(page.rows)
    more = f"（显示前 {shown} 件）" if page.total > shown else ""
    count_label.setText(f"共 {page.total} 件{more}")


def row_of(case_list: QListWidget, case_id: int) -> int | None:
    """The row listing `case_id`, or None when it is filtered out."""
    for row in range(case_list.count()):
        if case_list.item(row).data(CASE_ID_ROLE) == case_id:
            return row
    return None
