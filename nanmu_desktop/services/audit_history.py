"""A case's history for the clerk, read from the audit log: who did what, when, in Chinese."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import AuditEntry

ACTION_LABELS = {
    ("case", "create"): "登记案件",
    ("case", "update"): "修改案件",
    ("case", "change_status"): "变更状态",
    ("case", "add_attachment"): "添加附件",
    ("case", "remove_attachment"): "移除附件",
    ("determination", "propose"): "保存认定意见",
    ("determination", "decide"): "记录党委决定",
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


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # UTC
    actor: str
    action: str
    action_label: str
    details: str


def case_history(db: Database, case_id: int) -> list[HistoryEntry]:
    """Every audited change of the case and of its determinations, oldest first."""
    of_case = (AuditEntry.entity == "case") & (AuditEntry.entity_id == str(case_id))
    of_determination = (AuditEntry.entity == "determination") & (
        func.json_extract(AuditEntry.after_json, "$.case_id") == case_id
    )
    query = select(AuditEntry).where(or_(of_case, of_determination)).order_by(AuditEntry.id)
    with db.session() as session:
        return [_entry(row) for row in session.scalars(query)]


def _entry(row: AuditEntry) -> HistoryEntry:
    before = json.loads(row.before_json) if row.before_json else None
    after = json.loads(row.after_json) if row.after_json else None
    label = ACTION_LABELS.get((row.entity, row.action), row.action)
    return HistoryEntry(row.at, row.actor, row.action, label, _details(row.action, before, after))


def _status(code: object) -> str:
    try:
        return CaseStatus(str(code)).label
    except ValueError:
        return str(code)


def _outcome(code: object) -> str:
    try:
        return Outcome(str(code)).label
    except ValueError:
        return str(code)


def _details(action: str, before: Any, after: Any) -> str:
    if action == "update" and isinstance(before, dict) and isinstance(after, dict):
        changed = [FIELD_LABELS.get(str(k), str(k)) for k in after if before.get(k) != after.get(k)]
        return "修改了：" + "、".join(changed) if changed else "未改动内容"
    if action == "change_status" and isinstance(before, dict) and isinstance(after, dict):
        return f"{_status(before.get('status'))} → {_status(after.get('status'))}"
    if action == "add_attachment" and isinstance(after, dict):
        return f"文件：{after.get('file_name', '')}"
    if action == "remove_attachment" and isinstance(before, dict):
        return f"文件：{before.get('file_name', '')}"
    if action == "create" and isinstance(after, dict):
        return f"编号 {after.get('number', '')}"
    if action == "propose" and isinstance(after, dict):
        return f"认定意见：{_outcome(after.get('outcome'))}"
    if action == "decide" and isinstance(after, dict):
        return f"党委决定：{_outcome(after.get('decided'))}"
    return ""
