"""The township's own profile, free-form settings, and the holiday / 调休 calendar."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from nanmu_desktop.domain.township import TownshipType
from nanmu_desktop.domain.work_calendar import DayKind

from .base import Base, enum_check, utc_now

DAY_COUNTING_RULES = ("calendar", "working")
TOWNSHIP_TYPES = tuple(t.value for t in TownshipType)
CALENDAR_DAY_KINDS = tuple(k.value for k in DayKind)


class Setting(Base):
    """One key → JSON value: options that need no column of their own."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class TownshipProfile(Base):
    """The single row describing the office that runs the app (first-run wizard fills it)."""

    __tablename__ = "township_profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(enum_check("day_counting", DAY_COUNTING_RULES), name="day_counting"),
        CheckConstraint(enum_check("township_type", TOWNSHIP_TYPES), name="township_type"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name_zh: Mapped[str] = mapped_column(String(100), default="")
    name_mn: Mapped[str] = mapped_column(String(200), default="")
    township_type: Mapped[str] = mapped_column(String(10), default="xiang")  # 乡/镇/苏木/街道
    default_prefix: Mapped[str] = mapped_column(String(20), default="")  # 代字 of every kind…
    # …unless overridden here (kind code → 代字).
    document_prefixes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    signer: Mapped[str] = mapped_column(String(50), default="")
    issuing_authority: Mapped[str] = mapped_column(String(100), default="")  # 印发机关
    default_cc: Mapped[list[str]] = mapped_column(JSON, default=list)  # 默认抄送
    day_counting: Mapped[str] = mapped_column(String(20), default="calendar")
    first_run_done: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class CalendarDay(Base):
    """A public holiday (休) or a weekend day made a working day (调休上班)."""

    __tablename__ = "calendar_days"
    __table_args__ = (CheckConstraint(enum_check("kind", CALENDAR_DAY_KINDS), name="kind"),)

    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(50), default="")
