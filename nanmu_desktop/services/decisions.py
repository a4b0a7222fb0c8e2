"""The Party committee's decision (党委研究决定) on a case's proposal, and its correction (更正).

The committee table lives in `domain.decisions`: a departure needs a reason, a forbidden one is
refused with the article that forbids it. The decision keeps what it rests on — ground, basis,
measure — and 第十三条's deadline, computed once here and stored, so a later change of settings
never moves it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from nanmu_desktop.domain.deadlines import Deadline
from nanmu_desktop.domain.decisions import (
    Leniency,
    basis_for,
    notification_applies,
    ruling,
    single_items,
)
from nanmu_desktop.domain.engine import rulebook_of
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.investigation import later_than, not_after_today
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.rulebook import Rulebook
from nanmu_desktop.domain.vocabulary import DECISION_KINDS
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import acting_name, require
from nanmu_desktop.services.cases import set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.deadlines import notification_deadline
from nanmu_desktop.services.determinations import (
    DeterminationInfo,
    current_row,
    determination_info,
    proposal_ground,
)
from nanmu_desktop.services.investigations import investigation_end
from nanmu_desktop.services.regulations import load_version
from nanmu_desktop.services.rule_options import read_rule_options
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Determination, IssuedDocument


@dataclass(frozen=True)
class DecisionInput:
    """The committee's decision as entered (党委研究决定)."""

    meeting_date: date | None
    attendees: tuple[str, ...]
    outcome: str | None = None  # None = as proposed
    leniency: str | None = None  # lighter 从轻 / reduced 减轻 (code or label), for mitigated
    measure: str = ""  # what is lightened, for mitigated (e.g. 通报批评 → 诫勉谈话)
    reason: str = ""  # required when the outcome departs from the proposal
    notes: str = ""


def record_decision(
    db: Database, case_id: int, decision: DecisionInput, *, actor: str = DEFAULT_ACTOR
) -> DeterminationInfo:
    """Record the committee's decision on the current proposal; the case becomes 党委研究决定."""
    require(db, Operation.record)
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = _proposal_row(session, case)
        if row.decided_outcome is not None:
            raise ConflictError("该案件已记录党委决定，不能重复记录；如需改正，请使用“更正”")
        _apply(session, case, row, decision)
        set_status(session, case, CaseStatus.decided.value, actor)
        row.decided_by = acting_name(session, actor)
        audit(session, actor, "decide", "determination", row.id, None, _state(row))
        return determination_info(session, row)


def correct_decision(
    db: Database,
    case_id: int,
    decision: DecisionInput,
    *,
    reason: str,
    actor: str = DEFAULT_ACTOR,
) -> DeterminationInfo:
    """更正: replace a recorded decision, with a reason, audited (before and after).

    A valid decision document already issued must be voided first, so that no two valid
    decision documents ever exist for one case.
    """
    require(db, Operation.correct)
    problems = Problems()
    why = problems.text(reason, "更正理由", max_len=2000)
    problems.raise_if_any()
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = _proposal_row(session, case)
        if row.decided_outcome is None:
            raise ConflictError("该案件尚未记录党委决定，无需更正")
        issued = valid_decision_documents(session, case.id)
        if issued:
            raise ConflictError(
                f"已签发决定文书{'、'.join(issued)}，更正党委决定前须先将其作废，更正后重新签发"
            )
        before = _state(row)
        _apply(session, case, row, decision)
        row.corrected_at = datetime.now(UTC)
        row.correction_reason = why
        after = {**_state(row), "correction_reason": why}
        audit(session, actor, "correct", "determination", row.id, before, after)
        return determination_info(session, row)


def valid_decision_documents(session: Session, case_id: int) -> list[str]:
    """Numbers of the case's issued, not voided, decision documents."""
    rows = session.scalars(
        select(IssuedDocument).where(
            IssuedDocument.case_id == case_id, IssuedDocument.kind.in_(DECISION_KINDS)
        )
    )
    return [r.number for r in rows if r.void is None]


def _proposal_row(session: Session, case: Case) -> Determination:
    row = current_row(session, case.id)
    if row is None:
        raise ConflictError("该案件还没有认定意见，请先完成认定向导")
    return row


def _apply(session: Session, case: Case, row: Determination, decision: DecisionInput) -> None:
    """Check `decision` against the committee table and write it onto the row and the case."""
    facts = Facts.from_dict(row.facts)
    regulation = load_version(session, row.regulation_version)
    rulebook = rulebook_of(regulation)
    ground = proposal_ground(session, row)
    outcome, leniency, decision = _check(decision, case, row, ground, facts)
    meeting = decision.meeting_date
    assert meeting is not None
    basis = basis_for(facts, ground, outcome, rulebook)
    row.meeting_date = meeting
    row.attendees = list(decision.attendees)
    row.decided_outcome = outcome.value
    row.decided_ground = ground.value
    row.decided_basis = [c.format() for c in basis]
    row.decided_citations = [c.format() for c in single_items(basis)]
    row.leniency = leniency.value if leniency else None
    row.measure = decision.measure if outcome is Outcome.mitigated else ""
    row.differing_reason = decision.reason if outcome.value != row.outcome else ""
    row.decision_notes = decision.notes
    row.decided_at = datetime.now(UTC)
    deadline = _deadline(session, rulebook, outcome, ground, meeting)
    row.notification_deadline = deadline.day if deadline else None
    row.notification_rule = deadline.rule_text if deadline else ""
    row.deadline_warnings = [*deadline.warnings] if deadline else []
    case.outcome = outcome.value


def preview_deadline(
    db: Database, case_id: int, outcome: Outcome, meeting: date
) -> Deadline | None:
    """The 告知 deadline a decision of `outcome` on `meeting` would get (None: no clock)."""
    with db.session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = _proposal_row(session, case)
        rulebook = rulebook_of(load_version(session, row.regulation_version))
        return _deadline(session, rulebook, outcome, proposal_ground(session, row), meeting)


def _deadline(
    session: Session, rulebook: Rulebook, outcome: Outcome, ground: Ground, meeting: date
) -> Deadline | None:
    """第十三条: the 7-day clock runs for 容错 decisions (or, by setting, for all)."""
    options = read_rule_options(session)
    if not notification_applies(
        outcome, ground, all_outcomes=options.notify_all_outcomes,
        art10_leniency_is_tolerance=options.art10_leniency_is_tolerance,
    ):
        return None
    days = rulebook.parameter("notification_days", meeting)
    return notification_deadline(session, meeting, days)


def _check(
    decision: DecisionInput, case: Case, row: Determination, ground: Ground, facts: Facts
) -> tuple[Outcome, Leniency | None, DecisionInput]:
    """The decided outcome and leniency, and the input with its texts checked and cleaned."""
    problems = Problems()
    meeting = problems.day(decision.meeting_date, "会议日期")
    if meeting is not None:
        _check_meeting_order(problems, meeting, case, row)
    attendees = tuple(
        name for a in decision.attendees
        if (name := problems.text(a, "参会人员", required=False, max_len=50))
    )
    if not attendees:
        problems.add("参会人员", "至少填写一名参会人员")
    from nanmu_desktop.services.choices import outcomes

    code = problems.choice(decision.outcome, "决定结果", outcomes(), required=False)
    outcome = Outcome(code) if code else Outcome(row.outcome)
    verdict = ruling(ground, outcome, facts)
    if not verdict.allowed:
        raise ConflictError(verdict.refusal)
    leniency, measure = _leniency(decision, outcome, problems)
    reason = problems.text(decision.reason, "理由", required=False, max_len=2000, multiline=True)
    if verdict.needs_reason and not reason:
        problems.add("理由", f"决定结果与认定意见（{Outcome(row.outcome).label}）不同，须写明理由")
    notes = problems.text(decision.notes, "备注", required=False, max_len=2000, multiline=True)
    problems.raise_if_any()
    cleaned = replace(decision, attendees=attendees, measure=measure, reason=reason, notes=notes)
    return outcome, leniency, cleaned


def _check_meeting_order(problems: Problems, meeting: date, case: Case, row: Determination) -> None:
    """The meeting comes after registration, the proposal and the investigation (第十三条:
    "单位调查核实后…作出认定结论"), and not after today; each message names both dates."""
    label = "党委会议日期"
    session = object_session(row)
    ended = investigation_end(session, case.id) if session is not None else None
    for message in (
        not_after_today(label, meeting, date.today()),
        later_than(label, meeting, "登记日期", case.reported_on)
        or later_than(label, meeting, "认定意见形成日期", row.made_at.date()),
        later_than(label, meeting, "调查结束日期", ended) if ended else None,
    ):
        if message:
            problems.add("会议日期", message)


def _leniency(
    decision: DecisionInput, outcome: Outcome, problems: Problems
) -> tuple[Leniency | None, str]:
    """从轻/减轻 and the measure lightened: both required for 从轻或减轻处理, else neither."""
    if outcome is not Outcome.mitigated:
        if decision.leniency:
            problems.add("从轻/减轻", "只有从轻或减轻处理时才选择“从轻”或“减轻”")
        if decision.measure.strip():
            problems.add("处理措施", "只有从轻或减轻处理时才填写所减轻的处理措施")
        return None, ""
    measure = problems.text(decision.measure, "处理措施", max_len=200)
    try:
        return Leniency.parse(decision.leniency or ""), measure
    except ValueError:
        problems.add("从轻/减轻", "从轻或减轻处理时须选择“从轻”或“减轻”")
        return None, measure


def _state(row: Determination) -> dict[str, Any]:
    return {
        "case_id": row.case_id,
        "meeting_date": row.meeting_date,
        "attendees": row.attendees,
        "proposed": row.outcome,
        "decided": row.decided_outcome,
        "ground": row.decided_ground,
        "basis": row.decided_basis,
        "leniency": row.leniency,
        "measure": row.measure,
        "reason": row.differing_reason,
        "notification_deadline": row.notification_deadline,
    }
