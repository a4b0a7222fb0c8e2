"""The audit history of a record, newest last, for the history tab."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from nanmu_desktop.services.common import fetch
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    AuditEntry,
    Case,
    CaseNotice,
    CaseReview,
    Determination,
    ExtensionRequest,
    FollowUp,
    IssuedDocument,
    RectificationOrder,
)

ACTION_LABELS = {
    "create": "新建",
    "update": "修改",
    "change_status": "变更状态",
    "add_attachment": "添加附件",
    "remove_attachment": "删除附件",
    "investigate": "录入调查核实",
    "update_investigation": "修改调查核实",
    "propose": "形成认定意见",
    "decide": "记录党委决定",
    "record_notification": "登记告知",
    "record_publication": "登记公开",
    "issue": "下达纠错整改通知",
    "request": "申请延期整改",
    "reply": "批复延期申请",
    "record": "登记跟踪回访",
    "register": "登记信访举报",
    "findings": "登记调查结果",
    "respond_feedback": "反馈结果",
    "respond_explanation": "情况说明",
    "respond_clarification": "澄清正名",
    "first_run": "首次设置",
    "set": "设置",
    "remove": "删除",
    "rename": "改名",
    "retire": "停用",
    "reinstate": "恢复使用",
    "merge": "合并重复",
    "import": "从表格导入",
    "approve": "审核通过",
    "return": "退回修改",
}
# Actions whose name is shared by different records.
ENTITY_ACTION_LABELS = {
    ("issued_document", "issue"): "签发文书",
    ("issued_document", "void"): "作废文书",
}


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    actor: str
    action: str
    action_label: str
    entity: str
    entity_id: str
    before: Any
    after: Any


def entity_history(db: Database, entity: str, entity_id: int | str) -> list[HistoryEntry]:
    """Every audit row of one record (e.g. 'officer', 7), oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
            .order_by(AuditEntry.id)
        )
        return [_entry(r) for r in rows]


def case_history(db: Database, case_id: int) -> list[HistoryEntry]:
    """The case's own audit rows and those of its determinations, notices and correction."""
    with db.session() as session:
        fetch(session, Case, case_id, "案件")
        orders = list(
            session.scalars(
                select(RectificationOrder.id).where(RectificationOrder.case_id == case_id)
            )
        )
        related = {
            "case": [case_id],
            "determination": _ids(session, Determination.id, Determination.case_id, case_id),
            "case_notice": _ids(session, CaseNotice.id, CaseNotice.case_id, case_id),
            "rectification_order": orders,
            "extension_request": list(
                session.scalars(
                    select(ExtensionRequest.id).where(ExtensionRequest.order_id.in_(orders))
                )
            ),
            "follow_up": _ids(session, FollowUp.id, FollowUp.case_id, case_id),
            "case_review": _ids(session, CaseReview.id, CaseReview.case_id, case_id),
            "issued_document": _ids(session, IssuedDocument.id, IssuedDocument.case_id, case_id),
        }
        conditions = [
            (AuditEntry.entity == entity) & AuditEntry.entity_id.in_([str(i) for i in ids])
            for entity, ids in related.items()
            if ids
        ]
        rows = session.scalars(select(AuditEntry).where(or_(*conditions)).order_by(AuditEntry.id))
        return [_entry(r) for r in rows]


def _ids(session: Any, id_column: Any, case_column: Any, case_id: int) -> list[int]:
    return list(session.scalars(select(id_column).where(case_column == case_id)))


def _entry(row: AuditEntry) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        action_label=ENTITY_ACTION_LABELS.get(
            (row.entity, row.action), ACTION_LABELS.get(row.action, row.action)
        ),
        entity=row.entity,
        entity_id=row.entity_id,
        before=json.loads(row.before_json) if row.before_json else None,
        after=json.loads(row.after_json) if row.after_json else None,
    )
