"""The 办理记录 tab of the case form: the case's audit history, newest first, in plain Chinese."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.services.history import HistoryEntry, case_history
from nanmu_desktop.ui.common.context import UiContext

HEADERS = ("时间", "操作人", "对象", "操作", "内容")
ENTITY_LABELS = {
    "case": "案件",
    "determination": "认定",
    "case_notice": "告知公开",
    "rectification_order": "纠错整改",
    "extension_request": "延期整改",
    "follow_up": "跟踪回访",
}
FIELD_LABELS = {
    "title": "案由",
    "source": "案件来源",
    "enforcement_type": "执法类型",
    "field": "执法领域",
    "occurred_on": "发生日期",
    "reported_on": "登记日期",
    "description": "情况描述",
    "loss_text": "损失情况",
    "loss_amount_fen": "损失金额",
    "impact": "不良影响",
    "remedial_actions": "补救措施",
    "status": "状态",
    "officer_ids": "当事执法人员",
}


def _label(enum: Any, code: object) -> str:
    try:
        return str(enum(str(code)).label)
    except ValueError:
        return str(code)


def describe(entry: HistoryEntry) -> str:
    """What changed, in a line: edited fields, a status move, a file, an outcome."""
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    if entry.entity == "case" and entry.action == "update":
        changed = [FIELD_LABELS.get(str(k), str(k)) for k in after if before.get(k) != after.get(k)]
        return "修改了：" + "、".join(changed) if changed else "内容未变"
    if entry.action == "change_status":
        old, new = before.get("status"), after.get("status")
        return f"{_label(CaseStatus, old)} → {_label(CaseStatus, new)}"
    if entry.action in ("add_attachment", "remove_attachment"):
        return f"文件：{(after or before).get('file_name', '')}"
    if entry.entity == "case" and entry.action == "create":
        return f"登记编号 {after.get('number', '')}"
    if entry.action == "propose":
        return f"认定意见：{_label(Outcome, after.get('outcome'))}"
    if entry.action == "decide":
        return f"党委决定：{_label(Outcome, after.get('decided'))}"
    return ""


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
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.set_case(case_id)

    def set_case(self, case_id: int | None) -> None:
        entries = [] if case_id is None else case_history(self.context.database, case_id)
        entries.reverse()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                entry.actor,
                ENTITY_LABELS.get(entry.entity, entry.entity),
                entry.action_label,
                describe(entry),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
