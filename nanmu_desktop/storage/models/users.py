"""Users of the office (login, roles, lock-out) and reviewers' opinions on a case."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, enum_check, utc_now

REVIEW_VERDICTS = ("approve", "return")


class User(Base):
    """One account. `roles` is a comma-separated set of Role codes; the password is kept as an
    scrypt hash with its own salt and parameters, so they can be raised later per user."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    roles: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(300))  # scrypt$n$r$p$salt$hash
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class CaseReview(Base):
    """审核意见: a reviewer approves a case's proposal/draft or returns it with comments."""

    __tablename__ = "case_reviews"
    __table_args__ = (CheckConstraint(enum_check("verdict", REVIEW_VERDICTS), name="verdict"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    determination_id: Mapped[int | None] = mapped_column(ForeignKey("determinations.id"))
    verdict: Mapped[str] = mapped_column(String(10))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(50))
    reviewed_at: Mapped[datetime] = mapped_column(default=utc_now)
