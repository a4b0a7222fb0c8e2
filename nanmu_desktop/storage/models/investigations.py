"""调查核实: the investigation of a case before its determination (第十三条 "单位调查核实后…").

One record per case: who investigated, from when to when, what was found, the evidence listed,
and which of the case's attachments belong to it (the files stay in `attachments`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamps
from .cases import Attachment
from .people import Officer


class Investigation(Timestamps, Base):
    __tablename__ = "investigations"
    __table_args__ = (CheckConstraint("ended_on >= started_on", name="dates_in_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), unique=True
    )
    started_on: Mapped[date]
    ended_on: Mapped[date]
    findings: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)  # 证据清单, one item a line
    recorded_by: Mapped[str] = mapped_column(String(50), default="")

    investigator_links: Mapped[list[InvestigationOfficer]] = relationship(
        cascade="all, delete-orphan", order_by="InvestigationOfficer.position"
    )
    attachment_links: Mapped[list[InvestigationAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="InvestigationAttachment.attachment_id"
    )


class InvestigationOfficer(Base):
    """An investigator (调查人员), in the order entered."""

    __tablename__ = "investigation_officers"

    investigation_id: Mapped[int] = mapped_column(
        ForeignKey("investigations.id", ondelete="CASCADE"), primary_key=True
    )
    officer_id: Mapped[int] = mapped_column(
        ForeignKey("officers.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    officer: Mapped[Officer] = relationship()


class InvestigationAttachment(Base):
    """One of the case's attachments that belongs to its investigation (笔录, 书证 …)."""

    __tablename__ = "investigation_attachments"

    investigation_id: Mapped[int] = mapped_column(
        ForeignKey("investigations.id", ondelete="CASCADE"), primary_key=True
    )
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    attachment: Mapped[Attachment] = relationship()
