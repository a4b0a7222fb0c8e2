"""Determinations: the engine's proposal on the recorded facts, then the committee's decision.

Saving a proposal moves the case to 研判认定; recording the decision moves it to 党委研究决定,
sets the case's outcome and yields the 7-day notification deadline (第十三条).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.cases import set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.deadlines import notification_deadline
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Determination

LENIENCY_LABELS = {"lighter": "从轻", "reduced": "减轻"}
# Statuses from which a (new) proposal may be saved, and the path on to 研判认定.
_PATH_TO_DETERMINING = (CaseStatus.registered, CaseStatus.investigating, CaseStatus.determining)


@dataclass(frozen=True)
class DecisionInput:
    """The Party committee's decision (党委研究决定)."""

    meeting_date: date | None
    attendees: tuple[str, ...]
    outcome: str | None = None  # None = as proposed
    leniency: str | None = None  # lighter 从轻 / reduced 减轻, only for mitigated
    reason: str = ""  # required when the outcome differs from the proposal
    notes: str = ""


@dataclass(frozen=True)
class DeterminationInfo:
    id: int
    case_id: int
    facts: dict[str, Any]
    regulation_version: str
    outcome: str  # proposed
    outcome_label: str
    basis: tuple[str, ...]
    explanation: tuple[str, ...]
    why_not: tuple[str, ...]
    warnings: tuple[str, ...]
    made_at: datetime
    made_by: str
    meeting_date: date | None
    attendees: tuple[str, ...]
    decided_outcome: str | None
    decided_outcome_label: str
    leniency: str | None
    leniency_label: str
    differing_reason: str
    decision_notes: str
    decided_at: datetime | None
    notification_deadline: date | None  # 第十三条, by the day-counting setting
    day_counting_label: str

    @property
    def decided(self) -> bool:
        return self.decided_outcome is not None


def save_proposal(
    db: Database, case_id: int, facts: Facts | Mapping[str, Any], *, actor: str = DEFAULT_ACTOR
) -> DeterminationInfo:
    """Run the engine on `facts` and keep the result as the case's proposal (研判认定)."""
    parsed = facts if isinstance(facts, Facts) else Facts.from_dict(facts)
    with db.session() as session:
        case = fetch(session, Case, case_id, "案件")
        return determination_info(session, insert_proposal(session, case, parsed, actor))


def insert_proposal(session: Session, case: Case, facts: Facts, actor: str) -> Determination:
    """The proposal row with its audit row, inside the caller's transaction."""
    if CaseStatus(case.status) not in _PATH_TO_DETERMINING:
        label = CaseStatus(case.status).label
        raise ConflictError(f"案件已处于“{label}”阶段，不能再修改认定意见")
    result = determine(facts)
    # 登记 → 调查核实 → 研判认定, each step checked and audited.
    for step in _PATH_TO_DETERMINING[1:]:
        if _PATH_TO_DETERMINING.index(CaseStatus(case.status)) < _PATH_TO_DETERMINING.index(step):
            set_status(session, case, step.value, actor)
    row = Determination(
        case_id=case.id,
        facts=facts.to_dict(),
        regulation_version=result.regulation,
        proposal=result.to_dict(),
        outcome=result.outcome.value,
        basis="、".join(result.basis),
        citations=single_item_citations(result.to_dict()["citations"]),
        made_by=actor,
    )
    session.add(row)
    session.flush()
    state = {"case_id": case.id, "facts": row.facts, "outcome": row.outcome, "basis": row.basis}
    audit(session, actor, "propose", "determination", row.id, None, state)
    return row


def record_decision(
    db: Database, case_id: int, decision: DecisionInput, *, actor: str = DEFAULT_ACTOR
) -> DeterminationInfo:
    """Record the committee's decision on the current proposal; the case becomes 党委研究决定."""
    with db.session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = current_row(session, case.id)
        if row is None:
            raise ConflictError("该案件还没有认定意见，请先完成认定向导")
        if row.decided_outcome is not None:
            raise ConflictError("该案件已记录党委决定，不能重复记录")
        outcome = _check_decision(decision, Outcome(row.outcome))
        row.meeting_date = decision.meeting_date
        row.attendees = [a.strip() for a in decision.attendees if a.strip()]
        row.decided_outcome = outcome.value
        row.leniency = decision.leniency if outcome is Outcome.mitigated else None
        row.differing_reason = decision.reason.strip() if outcome.value != row.outcome else ""
        row.decision_notes = decision.notes.strip()
        row.decided_at = datetime.now(UTC)
        row.decided_by = actor
        case.outcome = outcome.value
        set_status(session, case, CaseStatus.decided.value, actor)
        audit(
            session,
            actor,
            "decide",
            "determination",
            row.id,
            None,
            {
                "case_id": case.id,
                "meeting_date": decision.meeting_date,
                "attendees": row.attendees,
                "proposed": row.outcome,
                "decided": outcome.value,
                "leniency": row.leniency,
                "reason": row.differing_reason,
            },
        )
        return determination_info(session, row)


def current_determination(db: Database, case_id: int) -> DeterminationInfo | None:
    """The latest determination of a case (its proposal and, once recorded, the decision)."""
    with db.session() as session:
        fetch(session, Case, case_id, "案件")
        row = current_row(session, case_id)
        return determination_info(session, row) if row else None


def current_row(session: Session, case_id: int) -> Determination | None:
    return session.scalar(
        select(Determination)
        .where(Determination.case_id == case_id)
        .order_by(Determination.id.desc())
        .limit(1)
    )


def single_item_citations(citations: list[dict[str, Any]]) -> list[str]:
    """One citation per item (第十条第一款第（五）项), the unit 第十七条 statistics count."""
    from nanmu_desktop.domain.citations import Citation

    out: list[str] = []
    for c in citations:
        items = c["items"] or [None]
        for item in items:
            single = Citation(c["article"], c["paragraph"], (item,) if item else ())
            out.append(single.format())
    return out


def _check_decision(decision: DecisionInput, proposed: Outcome) -> Outcome:
    problems = Problems()
    meeting = problems.day(decision.meeting_date, "会议日期")
    if meeting and meeting > date.today():
        problems.add("会议日期", "会议日期不能晚于今天")
    if not any(a.strip() for a in decision.attendees):
        problems.add("参会人员", "至少填写一名参会人员")
    from nanmu_desktop.services.choices import outcomes

    code = (
        problems.choice(decision.outcome, "决定结果", outcomes(), required=False) or proposed.value
    )
    outcome = Outcome(code)
    if outcome is Outcome.mitigated:
        if decision.leniency not in LENIENCY_LABELS:
            problems.add("从轻/减轻", "从轻或减轻处理时须选择“从轻”或“减轻”")
    elif decision.leniency:
        problems.add("从轻/减轻", "只有从轻或减轻处理时才选择“从轻”或“减轻”")
    if outcome is not proposed and not decision.reason.strip():
        problems.add("理由", f"决定结果与认定意见（{proposed.label}）不同，须写明理由")
    problems.raise_if_any()
    return outcome


def determination_info(session: Session, row: Determination) -> DeterminationInfo:
    proposal = row.proposal
    decided = Outcome(row.decided_outcome) if row.decided_outcome else None
    deadline, rule_label = (None, "")
    if row.decided_at is not None and row.meeting_date is not None:
        deadline, rule_label = notification_deadline(session, row.meeting_date)
    return DeterminationInfo(
        id=row.id,
        case_id=row.case_id,
        facts=dict(row.facts),
        regulation_version=row.regulation_version,
        outcome=row.outcome,
        outcome_label=Outcome(row.outcome).label,
        basis=tuple(proposal.get("basis", ())),
        explanation=tuple(proposal.get("explanation", ())),
        why_not=tuple(
            f"未认定为{Outcome(w['outcome']).label}：{w['reason']}"
            for w in proposal.get("why_not", ())
        ),
        warnings=tuple(proposal.get("warnings", ())),
        made_at=row.made_at,
        made_by=row.made_by,
        meeting_date=row.meeting_date,
        attendees=tuple(row.attendees or ()),
        decided_outcome=row.decided_outcome,
        decided_outcome_label=decided.label if decided else "",
        leniency=row.leniency,
        leniency_label=LENIENCY_LABELS.get(row.leniency or "", ""),
        differing_reason=row.differing_reason,
        decision_notes=row.decision_notes,
        decided_at=row.decided_at,
        notification_deadline=deadline,
        day_counting_label=rule_label,
    )
