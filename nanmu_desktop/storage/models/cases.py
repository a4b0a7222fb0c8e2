"""Cases (容错纠错案件), the officers involved in each, and their attachments."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome

from .base import Base, Timestamps, enum_check, utc_now
from .people import Officer

# The domain's vocabulary, as the CHECK constraints list it (one vocabulary: domain/).
CASE_STATUSES = tuple(s.value for s in CaseStatus)
OUTCOMES = tuple(o.value for o in Outcome)


class Case(Timestamps, Base):
    """One matter under the regulation. `number` is the internal register number, e.g. RC-2026-003.

    `outcome` mirrors the committee's decided outcome (NULL until decided) so lists can filter
    on it without reading determinations.
    """

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(enum_check("status", CASE_STATUSES), name="status"),
        CheckConstraint(f"outcome IS NULL OR {enum_check('outcome', OUTCOMES)}", name="outcome"),
        CheckConstraint("loss_amount_fen IS NULL OR loss_amount_fen >= 0", name="loss_amount"),
        # Listing indexes: each sortable column ends with id so paging is stable.
        Index("ix_cases_reported_on_id", "reported_on", "id"),
        Index("ix_cases_occurred_on_id", "occurred_on", "id"),
        Index("ix_cases_updated_at_id", "updated_at", "id"),
        Index("ix_cases_status_reported_on", "status", "reported_on", "id"),
        Index("ix_cases_outcome_reported_on", "outcome", "reported_on", "id"),
        Index("ix_cases_source_reported_on", "source", "reported_on", "id"),
        Index("ix_cases_field_reported_on", "field", "reported_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    source: Mapped[str] = mapped_column(String(30))  # vocabulary code: 个人申请, 单位启动, ...
    enforcement_type: Mapped[str] = mapped_column(String(30))  # 行政处罚 / 行政强制 / 行政检查
    field: Mapped[str] = mapped_column(String(30))  # 执法领域
    occurred_on: Mapped[date]
    reported_on: Mapped[date]
    title: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    loss_text: Mapped[str] = mapped_column(Text, default="")
    # 损失金额 in 分 (1/100 yuan), exact, up to 15 digits: 64-bit (SQLite's INTEGER already is).
    loss_amount_fen: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite")
    )
    impact: Mapped[str] = mapped_column(Text, default="")
    remedial_actions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="registered")
    outcome: Mapped[str | None] = mapped_column(String(20))
    closed_on: Mapped[date | None]
    # The date that selects the regulation version in force: the conduct date (occurred_on)
    # unless the clerk set another, with a reason.
    reference_date: Mapped[date | None]
    reference_reason: Mapped[str] = mapped_column(Text, default="")
    # Bumped by every UPDATE (SQLAlchemy's version counter): a form saved from an older
    # version is refused with who changed it, never silently overwritten.
    version: Mapped[int] = mapped_column(server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    officer_links: Mapped[list[CaseOfficer]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseOfficer.position"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Attachment.id"
    )


class CaseOfficer(Base):
    """An officer's part in a case: role is e.g. 'party' (当事人) or 'responsible' (负责人)."""

    __tablename__ = "case_officers"
    __table_args__ = (Index("ix_case_officers_officer_id", "officer_id", "case_id"),)

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    officer_id: Mapped[int] = mapped_column(
        ForeignKey("officers.id", ondelete="RESTRICT"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), default="party")
    position: Mapped[int] = mapped_column(default=0)  # display order within the case

    case: Mapped[Case] = relationship(back_populates="officer_links")
    officer: Mapped[Officer] = relationship()


class Attachment(Base):
    """A file kept inside the database, so the case travels whole with a backup."""

    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint("size = length(content)", name="size_matches"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(default=utc_now)

    case: Mapped[Case] = relationship(back_populates="attachments")

    @classmethod
    def from_bytes(cls, file_name: str, mime_type: str, content: bytes) -> Attachment:
        """An attachment whose size and digest are taken from the bytes themselves."""
        return cls(
            file_name=file_name,
            mime_type=mime_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
