"""Determinations: the engine's proposal on the recorded facts, under the regulation version in
force on the case's reference date (a case keeps its version unless the clerk explicitly
chooses another). The committee's decision is recorded by `services.decisions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.decisions import Leniency, allowed_outcomes, single_items
from nanmu_desktop.domain.engine import Proposal, determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.investigation import later_than, not_after_today
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import before_first_version
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import ConflictError, Problem, ValidationError
from nanmu_desktop.services.access import acting_name, require
from nanmu_desktop.services.cases import set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.investigations import case_investigation_warnings
from nanmu_desktop.services.regulations import (
    keep_version,
    load_version,
    reference_date,
    version_in_force,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Determination

# Statuses from which a (new) proposal may be saved, and the path on to 研判认定.
_PATH_TO_DETERMINING = (CaseStatus.registered, CaseStatus.investigating, CaseStatus.determining)


@dataclass(frozen=True)
class DeterminationInfo:
    """A case's current determination: the proposal (建议) and, once recorded, the decision."""

    id: int
    case_id: int
    facts: dict[str, Any]
    regulation_version: str
    outcome: str  # proposed
    outcome_label: str
    ground: Ground  # the proposal's legal ground
    modality: str  # 应当 / 可以 / 不予 of that ground
    basis: tuple[str, ...]  # the proposal's citations
    explanation: tuple[str, ...]
    why_not: tuple[str, ...]
    warnings: tuple[str, ...]
    made_at: datetime
    made_by: str
    allowed_outcomes: tuple[Outcome, ...]  # what the committee may decide, proposal first
    meeting_date: date | None
    attendees: tuple[str, ...]
    decided_outcome: str | None
    decided_outcome_label: str
    decided_ground: Ground | None
    decided_basis: tuple[str, ...]  # what the decision cites (may be empty: no article)
    leniency: str | None
    leniency_label: str
    measure: str
    differing_reason: str
    decision_notes: str
    decided_at: datetime | None
    decided_by: str
    notification_deadline: date | None  # 第十三条, stored when the decision was recorded
    day_counting_label: str  # the rule it was computed under, in words
    deadline_warnings: tuple[str, ...]
    corrected_at: datetime | None
    correction_reason: str
    # 第十一条 circumstances of a 第十二条 case: for 追责 only, never a basis of the decision.
    accountability: tuple[str, ...] = ()

    @property
    def decided(self) -> bool:
        return self.decided_outcome is not None

    def decision_dict(self) -> dict[str, Any] | None:
        """The decision as `case show --json` prints it (None while undecided)."""
        if not self.decided:
            return None
        return {
            "outcome": self.decided_outcome,
            "outcome_label": self.decided_outcome_label,
            "ground": self.decided_ground.value if self.decided_ground else None,
            "basis": list(self.decided_basis),
            "leniency": self.leniency,
            "measure": self.measure,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "attendees": list(self.attendees),
            "departure_reason": self.differing_reason,
            "notes": self.decision_notes,
            "decided_by": self.decided_by,
            "corrected_at": self.corrected_at.isoformat() if self.corrected_at else None,
            "correction_reason": self.correction_reason,
            "accountability_circumstances": list(self.accountability),
        }

    def proposal_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "outcome_label": self.outcome_label,
            "ground": self.ground.value,
            "modality": self.modality,
            "basis": list(self.basis),
            "explanation": list(self.explanation),
            "why_not": list(self.why_not),
            "regulation": self.regulation_version,
            "made_by": self.made_by,
            "accountability_circumstances": list(self.accountability),
        }


@dataclass(frozen=True)
class VersionChoice:
    """The version a case keeps and the one in force on its reference date, with the result of
    the facts under each, so switching is an informed, explicit choice."""

    kept: str | None
    in_force: str
    results: dict[str, Proposal]

    @property
    def differs(self) -> bool:
        return self.kept is not None and self.kept != self.in_force


def save_proposal(
    db: Database,
    case_id: int,
    facts: Facts | Mapping[str, Any],
    *,
    version: str | None = None,
    made_on: date | None = None,
    actor: str = DEFAULT_ACTOR,
) -> DeterminationInfo:
    """Run the engine on `facts` and keep the result as the case's proposal (研判认定).

    `version=None` keeps the case's version (or takes the one in force on its reference date);
    naming another version is the explicit switch, audited as such. `made_on` records a
    proposal formed earlier than it is entered (back-entered files; the demo); the audit row
    keeps the real time of entry.
    """
    require(db, Operation.determine)
    parsed = facts if isinstance(facts, Facts) else Facts.from_dict(facts)
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = insert_proposal(session, case, parsed, actor, version=version, made_on=made_on)
        return determination_info(session, row)


def version_choice(db: Database, case_id: int, facts: Facts) -> VersionChoice:
    """What re-determining under the version in force would change."""
    with db.session() as session:
        case = fetch(session, Case, case_id, "案件")
        current = current_row(session, case.id)
        in_force = version_in_force(session, reference_date(case))
        kept = current.regulation_version if current else None
        results = {in_force.version: determine(facts, in_force)}
        if kept is not None and kept != in_force.version:
            results[kept] = determine(facts, load_version(session, kept))
        return VersionChoice(kept, in_force.version, results)


def insert_proposal(
    session: Session,
    case: Case,
    facts: Facts,
    actor: str,
    *,
    version: str | None = None,
    made_on: date | None = None,
) -> Determination:
    """The proposal row with its audit row, inside the caller's transaction."""
    if made_on is not None:
        label = "认定建议形成日期"
        wrong = (later_than(label, made_on, "登记日期", case.reported_on)
                 or not_after_today(label, made_on, date.today()))
        if wrong:
            raise ValidationError([Problem("认定日期", wrong)])
    if CaseStatus(case.status) not in _PATH_TO_DETERMINING:
        label = CaseStatus(case.status).label
        raise ConflictError(f"案件已处于“{label}”阶段，不能再修改认定意见")
    previous = current_row(session, case.id)
    regulation = _regulation_for(session, case, previous, version)
    result = determine(facts, regulation)
    warning = before_first_version(regulation, reference_date(case))
    proposal = result.to_dict()
    if warning:
        proposal["warnings"] = [*proposal["warnings"], warning]
    keep_version(session, regulation)
    # 登记 → 调查核实 → 研判认定, each step checked and audited.
    for step in _PATH_TO_DETERMINING[1:]:
        if _PATH_TO_DETERMINING.index(CaseStatus(case.status)) < _PATH_TO_DETERMINING.index(step):
            set_status(session, case, step.value, actor)
    row = Determination(
        case_id=case.id,
        facts=facts.to_dict(),
        regulation_version=result.regulation,
        proposal=proposal,
        outcome=result.outcome.value,
        basis="、".join(result.basis),
        citations=[c.format() for c in single_items(result.citations)],
        made_by=acting_name(session, actor),
    )
    if made_on is not None:
        row.made_at = datetime.combine(made_on, time(12), UTC)
    session.add(row)
    session.flush()
    state = {"case_id": case.id, "facts": row.facts, "outcome": row.outcome, "basis": row.basis,
             "regulation": row.regulation_version}
    if previous is not None and previous.regulation_version != row.regulation_version:
        state["regulation_switched_from"] = previous.regulation_version
    audit(session, actor, "propose", "determination", row.id, None, state)
    return row


def _regulation_for(
    session: Session, case: Case, previous: Determination | None, version: str | None
) -> Regulation:
    if version is not None:
        return load_version(session, version)
    if previous is not None:
        return load_version(session, previous.regulation_version)
    return version_in_force(session, reference_date(case))


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


def determination_info(session: Session, row: Determination) -> DeterminationInfo:
    proposal = row.proposal
    decided = Outcome(row.decided_outcome) if row.decided_outcome else None
    ground = proposal_ground(session, row)
    return DeterminationInfo(
        id=row.id,
        case_id=row.case_id,
        facts=dict(row.facts),
        regulation_version=row.regulation_version,
        outcome=row.outcome,
        outcome_label=Outcome(row.outcome).label,
        ground=ground,
        modality=proposal.get("modality", ""),
        basis=tuple(proposal.get("basis", ())),
        explanation=tuple(proposal.get("explanation", ())),
        why_not=tuple(
            f"未认定为{Outcome(w['outcome']).label}：{w['reason']}"
            for w in proposal.get("why_not", ())
        ),
        # The investigation's warnings are read now: recording it later clears them.
        warnings=(
            *proposal.get("warnings", ()), *case_investigation_warnings(session, row.case_id)
        ),
        made_at=row.made_at,
        made_by=row.made_by,
        allowed_outcomes=allowed_outcomes(ground),
        meeting_date=row.meeting_date,
        attendees=tuple(row.attendees or ()),
        decided_outcome=row.decided_outcome,
        decided_outcome_label=decided.label if decided else "",
        decided_ground=Ground(row.decided_ground) if row.decided_ground else None,
        decided_basis=tuple(row.decided_basis or ()),
        leniency=row.leniency,
        leniency_label=Leniency(row.leniency).label if row.leniency else "",
        measure=row.measure,
        differing_reason=row.differing_reason,
        decision_notes=row.decision_notes,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        notification_deadline=row.notification_deadline,
        day_counting_label=row.notification_rule,
        deadline_warnings=tuple(row.deadline_warnings or ()),
        corrected_at=row.corrected_at,
        correction_reason=row.correction_reason,
        accountability=tuple(proposal.get("accountability", ())),
    )


def proposal_ground(session: Session, row: Determination) -> Ground:
    """The proposal's legal ground; for proposals saved before grounds were recorded, the
    engine tells it from the facts."""
    if row.proposal.get("ground"):
        return Ground(row.proposal["ground"])
    regulation = load_version(session, row.regulation_version)
    return determine(Facts.from_dict(row.facts), regulation).ground
