"""A stale form: the case changed since the clerk opened it. The error names who changed what
and when (from the audit rows written since), so the UI can offer reload or compare."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.errors import ConflictError
from nanmu_desktop.storage.models import AuditEntry, Case

FIELD_LABELS = {
    "title": "标题",
    "description": "案情",
    "source": "来源",
    "enforcement_type": "执法类型",
    "field": "执法领域",
    "occurred_on": "发生日期",
    "reported_on": "受理日期",
    "loss_text": "损失情况",
    "loss_amount_fen": "损失金额",
    "impact": "影响",
    "remedial_actions": "补救措施",
    "status": "状态",
    "officers": "涉及人员",
    "reference_date": "参照日期",
}


@dataclass(frozen=True)
class CaseChange:
    at: datetime
    actor: str
    action: str
    fields: tuple[str, ...]  # Chinese labels of what changed
    before: dict[str, object]
    after: dict[str, object]


class StaleEditError(ConflictError):
    """The form was loaded at an older version of the case; nothing has been saved."""

    def __init__(self, message: str, case_number: str, changes: tuple[CaseChange, ...]) -> None:
        super().__init__(message)
        self.case_number = case_number
        self.changes = changes


def stale_edit(session: Session, row: Case, expected_version: int) -> StaleEditError:
    changes = _changes_since(session, row.id, row.version - expected_version)
    if changes:
        last = changes[-1]
        fields = "、".join(dict.fromkeys(f for c in changes for f in c.fields)) or "案件信息"
        when = last.at.astimezone().strftime("%Y-%m-%d %H:%M")
        message = (
            f"案件 {row.number} 已于 {when} 由 {last.actor} 修改（{fields}），您编辑的是旧版本，"
            "本次未保存。请重新载入后再修改，或比较两者的差异。"
        )
    else:
        message = f"案件 {row.number} 已被他人修改，您编辑的是旧版本，本次未保存。请重新载入。"
    return StaleEditError(message, row.number, changes)


def _changes_since(session: Session, case_id: int, count: int) -> tuple[CaseChange, ...]:
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "case", AuditEntry.entity_id == str(case_id))
        .order_by(AuditEntry.id.desc())
        .limit(max(1, min(count, 20)))
    ).all()
    changes = []
    for entry in reversed(rows):
        before = json.loads(entry.before_json or "{}")
        after = json.loads(entry.after_json or "{}")
        keys = [k for k in after if before.get(k) != after.get(k)] if before else list(after)
        labels = tuple(FIELD_LABELS.get(k, k) for k in keys if k in FIELD_LABELS)
        changes.append(CaseChange(entry.at, entry.actor, entry.action, labels, before, after))
    return tuple(changes)


def compare_text(error: StaleEditError) -> str:
    """Their changes, field by field (before → after), for the UI's 比较."""
    lines = []
    for change in error.changes:
        when = change.at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"{when} {change.actor}：")
        for key, label in FIELD_LABELS.items():
            if key in change.after and change.before.get(key) != change.after.get(key):
                lines.append(f"  {label}：{change.before.get(key, '')} → {change.after.get(key)}")
    return "\n".join(lines)
