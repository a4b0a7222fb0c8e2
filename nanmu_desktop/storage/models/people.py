"""Departments (科室) and the enforcement officers in them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamps


class Department(Timestamps, Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)  # False: retired, off the pickers

    officers: Mapped[list[Officer]] = relationship(back_populates="department")


class Officer(Timestamps, Base):
    __tablename__ = "officers"
    __table_args__ = (
        # Unique when present: SQLite lets many NULLs through a UNIQUE column, never ''.
        CheckConstraint("badge_number IS NULL OR badge_number <> ''", name="badge_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    ethnicity: Mapped[str | None] = mapped_column(String(20))  # 民族, optional
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    post: Mapped[str] = mapped_column(String(50), default="")  # 职务
    badge_number: Mapped[str | None] = mapped_column(String(30), unique=True)  # 执法证号
    badge_valid_until: Mapped[date | None] = mapped_column(Date)  # 执法证有效期至
    active: Mapped[bool] = mapped_column(default=True)  # False: retired, off the pickers

    department: Mapped[Department | None] = relationship(back_populates="officers")
