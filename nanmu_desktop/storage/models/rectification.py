"""Correction (纠错, 第十五–十七条): rectification orders, extension requests, follow-ups."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamps, enum_check, utc_now
from .cases import Case

ORDER_STATUSES = ("open", "extended", "completed", "overdue")
EXTENSION_STATUSES = ("pending", "approved", "refused")


class RectificationOrder(Timestamps, Base):
    """纠错整改通知书 content: reasons, items, requirements, and the deadline in force."""

    __tablename__ = "rectification_orders"
    __table_args__ = (CheckConstraint(enum_check("status", ORDER_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    reasons: Mapped[str] = mapped_column(Text)
    items: Mapped[list[str]] = mapped_column(JSON, default=list)
    requirements: Mapped[str] = mapped_column(Text, default="")
    ordered_on: Mapped[date]
    deadline: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default="open")
    completed_on: Mapped[date | None]

    case: Mapped[Case] = relationship()
    extensions: Mapped[list[ExtensionRequest]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="ExtensionRequest.id"
    )


class ExtensionRequest(Timestamps, Base):
    """延期整改申请 and its 批复 (reply)."""

    __tablename__ = "extension_requests"
    __table_args__ = (
        CheckConstraint(enum_check("status", EXTENSION_STATUSES), name="status"),
        CheckConstraint("requested_days IS NULL OR requested_days > 0", name="days_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("rectification_orders.id", ondelete="CASCADE"), index=True
    )
    requested_on: Mapped[date]
    requested_days: Mapped[int | None]
    new_deadline: Mapped[date | None]
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_on: Mapped[date | None]

    order: Mapped[RectificationOrder] = relationship(back_populates="extensions")


class FollowUp(Base):
    """跟踪回访 on a case (and, when it checks one, on its rectification order); verified = 销号."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("rectification_orders.id", ondelete="CASCADE"), index=True
    )
    followed_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(50), default="")  # 实地回访 / 电话 / 书面
    findings: Mapped[str] = mapped_column(Text, default="")
    verified: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
