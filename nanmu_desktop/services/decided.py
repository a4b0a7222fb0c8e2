"""What the Party committee decided on a case, read from its current determination: the outcome
with its legal ground (for 第十四条 / 第十八条) and the decision's citations (for 第十七条).

The one place that reads these columns, so 第十七条 statistics, the 易错风险 memo and 第十八条's
"经认定予以容错免责" agree on what a case's decision is.

Both come from the decision's own columns (`decided_ground`, `decided_citations`), never from
the proposal: the committee may decide otherwise than proposed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.storage.models import Determination


@dataclass(frozen=True)
class CaseDecision:
    case_id: int
    outcome: Outcome
    ground: Ground
    citations: tuple[str, ...]  # the decision's single-item citations (第十七条 counts these)


def decision_of(row: Determination) -> CaseDecision | None:
    """The committee's decision recorded on `row`; None while undecided."""
    if row.decided_outcome is None or row.decided_ground is None:
        return None
    return CaseDecision(
        row.case_id,
        Outcome(row.decided_outcome),
        Ground(row.decided_ground),
        tuple(row.decided_citations or ()),
    )


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

