"""审核: a reviewer's recorded opinion on a case's current proposal — approved, or returned to
the clerk with comments. The opinion is kept with the determination it read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import Problem, ValidationError
from nanmu_desktop.services.access import acting_name, require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.storage import Database
from nanmu_desktop.storage.models import Case, CaseReview

VERDICT_LABELS = {"approve": "审核通过", "return": "退回修改"}


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    case_id: int
    determination_id: int | None
    verdict: str
    comment: str
    reviewer: str
    reviewed_at: datetime

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "verdict_label": self.verdict_label,
            "comment": self.comment,
            "reviewer": self.reviewer,
            "determination_id": self.determination_id,
            "reviewed_at": self.reviewed_at.isoformat(),
        }


def review_case(
    db: Database, case_id: int, verdict: str, comment: str = "", *, actor: str = DEFAULT_ACTOR
) -> ReviewInfo:
    """Record the review of the case's current proposal; returning it needs a comment."""
    require(db, Operation.review)
    comment = comment.strip()
    if verdict not in VERDICT_LABELS:
        raise ValidationError([Problem("verdict", "审核意见只能是“通过”或“退回”。")])
    if verdict == "return" and not comment:
        raise ValidationError([Problem("comment", "退回修改须写明意见。")])
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        determination = current_row(session, case.id)
        if determination is None:
            raise ValidationError([Problem("case", "该案件尚无研判认定，无可审核的建议。")])
        row = CaseReview(
            case_id=case.id,
            determination_id=determination.id,
            verdict=verdict,
            comment=comment,
            reviewer=acting_name(session, actor),
        )
        session.add(row)
        session.flush()
        info = _info(row)
        audit(session, actor, verdict, "case_review", row.id, None, info.to_dict())
        return info


def case_reviews(db: Database, case_id: int) -> list[ReviewInfo]:
    with db.session() as session:
        rows = session.scalars(
            select(CaseReview).where(CaseReview.case_id == case_id).order_by(CaseReview.id)
        )
        return [_info(row) for row in rows]


def _info(row: CaseReview) -> ReviewInfo:
    return ReviewInfo(row.id, row.case_id, row.determination_id, row.verdict, row.comment,
                      row.reviewer, row.reviewed_at)
