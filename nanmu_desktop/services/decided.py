"""What the Party committee decided on a case, read from its current determination: the outcome
with its legal ground (for 第十四条 / 第十八条) and the decision's citations (for 第十七条).

The one place that reads these columns, so 第十七条 statistics, the 易错风险 memo and 第十八条's
"经认定予以容错免责" agree on what a case's decision is.

Interim (until `Determination.decided_ground` / `decided_citations` land): the ground is the
proposal's ground, and the citations are the proposal's single-item citations of a decided
determination.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.storage.models import Determination

# Older proposals without a recorded ground: the ground that leads to each outcome.
_GROUND_OF_OUTCOME = {
    Outcome.duty_fulfilled: Ground.art9,
    Outcome.exempt: Ground.art10_exempt,
    Outcome.mitigated: Ground.art10_lenient,
    Outcome.not_tolerated: Ground.none,
}


@dataclass(frozen=True)
class CaseDecision:
    case_id: int
    outcome: Outcome
    ground: Ground
    citations: tuple[str, ...]  # the decision's citations as stored (formatted)


def decision_of(row: Determination) -> CaseDecision | None:
    """The committee's decision recorded on `row`; None while undecided."""
    if row.decided_outcome is None:
        return None
    outcome = Outcome(row.decided_outcome)
    proposed_ground = (row.proposal or {}).get("ground")
    ground = Ground(proposed_ground) if proposed_ground else _GROUND_OF_OUTCOME[outcome]
    return CaseDecision(row.case_id, outcome, ground, tuple(row.citations or ()))


def linked_case_decision(session: Session, case_id: int) -> tuple[Outcome, Ground] | None:
    """The decided outcome and ground of a case (its current determination), None if undecided."""
    row = session.scalar(
        select(Determination)
        .where(Determination.case_id == case_id)
        .order_by(Determination.id.desc())
        .limit(1)
    )
    decision = decision_of(row) if row is not None else None
    return (decision.outcome, decision.ground) if decision else None

