"""Petitions and reports (信访举报, 第十八条), the officers they accuse, and the responses sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nanmu_desktop.domain.petition_rules import CONCLUSION_LABELS, RESPONSE_LABELS

from .base import Base, Timestamps, enum_check, utc_now
from .people import Officer

# The domain's vocabulary of 第十八条, as the CHECK constraints list it.
CONCLUSIONS = tuple(CONCLUSION_LABELS)
RESPONSE_KINDS = tuple(RESPONSE_LABELS)

petition_officers = Table(
    "petition_officers",
    Base.metadata,
    Column("petition_id", ForeignKey("petitions.id", ondelete="CASCADE"), primary_key=True),
    Column("officer_id", ForeignKey("officers.id", ondelete="RESTRICT"), primary_key=True),
)


class Petition(Timestamps, Base):
    """A report about officers. The reporter's identity stays in this record only."""

    __tablename__ = "petitions"
    __table_args__ = (
        CheckConstraint(
            f"conclusion IS NULL OR {enum_check('conclusion', CONCLUSIONS)}", name="conclusion"
        ),
        CheckConstraint(
            "real_name = 1 OR (reporter_name IS NULL AND reporter_contact IS NULL)",
            name="anonymous_has_no_identity",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    real_name: Mapped[bool]
    reporter_name: Mapped[str | None] = mapped_column(String(50))
    reporter_contact: Mapped[str | None] = mapped_column(String(100))
    received_on: Mapped[date]
    channel: Mapped[str] = mapped_column(String(30))  # 来信 / 来访 / 电话 / 网络 / 上级转办
    allegations: Mapped[str] = mapped_column(Text)
    findings: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str | None] = mapped_column(String(20))
    malicious: Mapped[bool] = mapped_column(default=False)  # 恶意诬告陷害 → 澄清正名
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )

    accused: Mapped[list[Officer]] = relationship(secondary=petition_officers)
    responses: Mapped[list[PetitionResponse]] = relationship(
        back_populates="petition", cascade="all, delete-orphan", order_by="PetitionResponse.id"
    )


class PetitionResponse(Base):
    """反馈 (real-name), 情况说明 (anonymous) or 澄清正名 (falsely accused officer)."""

    __tablename__ = "petition_responses"
    __table_args__ = (CheckConstraint(enum_check("kind", RESPONSE_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(
        ForeignKey("petitions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    responded_on: Mapped[date]
    scope: Mapped[str] = mapped_column(String(200), default="")  # 范围, e.g. 乡机关全体干部职工会议
    method: Mapped[str] = mapped_column(String(50), default="")  # 书面 / 会议通报 / 当面
    text: Mapped[str] = mapped_column(Text, default="")
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    petition: Mapped[Petition] = relationship(back_populates="responses")
