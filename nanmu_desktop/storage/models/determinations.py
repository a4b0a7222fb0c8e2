"""Determinations: the engine's proposal on recorded facts, and the Party committee's decision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nanmu_desktop.domain.decisions import Leniency
from nanmu_desktop.domain.outcomes import Ground

from .base import Base, enum_check, utc_now
from .cases import OUTCOMES, Case

LENIENCIES = tuple(x.value for x in Leniency)  # 从轻 / 减轻, the committee's choice for mitigated
GROUNDS = tuple(g.value for g in Ground)


class Determination(Base):
    """One run of the determination on a case; the latest one per case is current.

    The proposal is kept as produced even when the committee decides otherwise
    (then `differing_reason` says why).
    """

    __tablename__ = "determinations"
    __table_args__ = (
        CheckConstraint(enum_check("outcome", OUTCOMES), name="outcome"),
        CheckConstraint(
            f"decided_outcome IS NULL OR {enum_check('decided_outcome', OUTCOMES)}",
            name="decided_outcome",
        ),
        CheckConstraint(
            f"leniency IS NULL OR {enum_check('leniency', LENIENCIES)}", name="leniency"
        ),
        CheckConstraint(
            "decided_outcome IS NULL OR decided_outcome = outcome OR differing_reason <> ''",
            name="differing_reason",
        ),
        CheckConstraint(
            f"decided_ground IS NULL OR {enum_check('decided_ground', GROUNDS)}",
            name="decided_ground",
        ),
        Index("ix_determinations_case_id", "case_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)  # Facts.to_dict()
    regulation_version: Mapped[str] = mapped_column(String(40))
    proposal: Mapped[dict[str, Any]] = mapped_column(JSON)  # engine Determination.to_dict()
    outcome: Mapped[str] = mapped_column(String(20))  # the proposed outcome
    basis: Mapped[str] = mapped_column(Text, default="")  # the proposal's citations, 、-joined
    citations: Mapped[list[str]] = mapped_column(JSON, default=list)  # proposal, single items
    made_at: Mapped[datetime] = mapped_column(default=utc_now)
    made_by: Mapped[str] = mapped_column(String(50), default="")

    # The committee decision (党委研究决定); all NULL until recorded.
    meeting_date: Mapped[date | None]
    attendees: Mapped[list[str] | None] = mapped_column(JSON)
    decided_outcome: Mapped[str | None] = mapped_column(String(20))
    leniency: Mapped[str | None] = mapped_column(String(10))
    differing_reason: Mapped[str] = mapped_column(Text, default="")
    decision_notes: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str] = mapped_column(String(50), default="")
    # What the decision itself rests on: every document, the 台账 and the statistics read these.
    decided_ground: Mapped[str | None] = mapped_column(String(20))
    decided_basis: Mapped[list[str] | None] = mapped_column(JSON)  # citations, in order
    decided_citations: Mapped[list[str] | None] = mapped_column(JSON)  # single items (第十七条)
    measure: Mapped[str] = mapped_column(Text, default="")  # what is lightened (从轻/减轻 of what)
    # 第十三条's deadline, computed once when the decision is recorded and never moved after.
    notification_deadline: Mapped[date | None]
    notification_rule: Mapped[str] = mapped_column(Text, default="")
    deadline_warnings: Mapped[list[str] | None] = mapped_column(JSON)
    # 更正: the latest correction of the decision (its history is in the audit log).
    corrected_at: Mapped[datetime | None]
    correction_reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship()
