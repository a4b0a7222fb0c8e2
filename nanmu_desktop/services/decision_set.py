"""The documents a decision needs, issued together: 容错纠错认定审批表, the decision document of
the decided outcome and the 容错认定结果告知书 — in that order (the approval comes before the
decision, the decision before its notice), with consecutive numbers in one transaction, or
none at all. Kinds already validly issued for the case are left out; the decision document
must be among those issued.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from nanmu_desktop.domain.numbering import format_number
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.vocabulary import DocumentKind, decision_kind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.case_documents import kinds_in, valid_kinds
from nanmu_desktop.services.common import DEFAULT_ACTOR, fetch
from nanmu_desktop.services.document_series import (
    draws_number,
    internal_reference,
    series_prefix,
)
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import IssuedDocumentInfo, issue_in_session
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case
from nanmu_desktop.storage.numbering import last_seq


@dataclass(frozen=True)
class PlannedDocument:
    kind: DocumentKind
    number: str  # the number it would take now (for the confirmation)


def plan_decision_set(db: Database, case_id: int, on: date | None = None) -> list[PlannedDocument]:
    """What `issue_decision_set` would issue now and under which numbers; ConflictError (with
    every reason) when the set cannot be issued."""
    day = on or date.today()
    with db.session() as session:
        return _plan(session, case_id, day)


def issue_decision_set(
    db: Database, case_id: int, *, on: date | None = None, actor: str = DEFAULT_ACTOR
) -> list[IssuedDocumentInfo]:
    """Issue the planned set in one write transaction: all numbered and stored, or nothing."""
    from nanmu_desktop.services.font_choice import fonts_for

    require(db, Operation.issue)
    day = on or date.today()
    fonts = fonts_for(db)
    with db.write_session() as session:
        plan = _plan(session, case_id, day)
        return [
            issue_in_session(session, DocumentTarget(p.kind, case_id=case_id), day, fonts, actor)
            for p in plan
        ]


def _plan(session: Session, case_id: int, day: date) -> list[PlannedDocument]:
    case = fetch(session, Case, case_id, "案件")
    if case.outcome is None:
        raise ConflictError(f"案件“{case.number}”尚未记录党委研究决定，不能签发决定文书。")
    wanted = (DocumentKind.determination_worksheet, decision_kind(Outcome(case.outcome)),
              DocumentKind.notification)
    choices = {c.kind: c for c in kinds_in(session, case_id)}
    valid = valid_kinds(session, case_id)
    issued_already = [k for k in wanted if k in valid]
    if wanted[1] in issued_already:
        raise ConflictError(choices[wanted[1]].reason)
    kinds = [k for k in wanted if k not in issued_already]
    refusals = [f"{k.label}：{choices[k].reason}" for k in kinds if not choices[k].ready]
    if refusals:
        raise ConflictError("不能一并签发：" + "；".join(refusals))
    planned: list[PlannedDocument] = []
    next_seq: dict[str, int] = {}
    for kind in kinds:
        if not draws_number(kind):  # the 审批表: its case's internal reference, no 文号
            reference = internal_reference(session, case.number, day.year)[2]
            planned.append(PlannedDocument(kind, reference))
            continue
        # The set goes to the units and parties together: 文件 format, the kind's series.
        prefix = series_prefix(session, kind, "file")
        seq = next_seq.get(prefix) or last_seq(session, prefix, day.year) + 1
        next_seq[prefix] = seq + 1
        planned.append(PlannedDocument(kind, format_number(prefix, day.year, seq)))
    return planned
