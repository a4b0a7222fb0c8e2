"""Deadlines under the office's day-counting setting and the holiday / 调休 table (the data
package's days overridden by the clerk's entries, see `work_calendar`)."""

from __future__ import annotations

from datetime import date
from typing import overload

from sqlalchemy.orm import Session

from nanmu_desktop.domain import deadlines
from nanmu_desktop.domain.deadlines import DayCountRule, Deadline, WorkCalendar
from nanmu_desktop.domain.engine import rulebook_of
from nanmu_desktop.domain.regulation_loader import bundled_in_force, load_regulation
from nanmu_desktop.services.settings import read_profile
from nanmu_desktop.services.work_calendar import effective_calendar
from nanmu_desktop.storage.db import Database

_RULES = {"calendar": DayCountRule.calendar_days, "working": DayCountRule.working_days}


def counting(session: Session) -> tuple[DayCountRule, WorkCalendar]:
    """The rule in force and the effective calendar of holidays and 调休 workdays."""
    rule = _RULES.get(read_profile(session).day_counting, DayCountRule.calendar_days)
    return rule, effective_calendar(session)


def notification_days(decided_on: date, version: str | None = None) -> int:
    """第十三条's number of days on `decided_on`, from the rulebook of `version` (default: the
    bundled version in force that day)."""
    regulation = load_regulation(version) if version else bundled_in_force(decided_on)
    return rulebook_of(regulation).parameter("notification_days", decided_on)


@overload
def notification_deadline(session: Session, decided_on: date) -> tuple[date, str]: ...


@overload
def notification_deadline(session: Session, decided_on: date, days: int) -> Deadline: ...


def notification_deadline(
    session: Session, decided_on: date, days: int | None = None
) -> Deadline | tuple[date, str]:
    """第十三条's deadline from a decision on `decided_on`, with the rule in words and warnings.

    The two-argument form (days from the rulebook in force, (day, rule text) back) only keeps
    services/determinations.py working until it passes the days and stores the Deadline.
    """
    if days is None:
        legacy = _notification(session, decided_on, notification_days(decided_on))
        return legacy.day, legacy.rule_text
    return _notification(session, decided_on, days)


def _notification(session: Session, decided_on: date, days: int) -> Deadline:
    rule, calendar = counting(session)
    return deadlines.notification_deadline(decided_on, days, rule, calendar)


def period(session: Session, start: date, days: int) -> Deadline:
    """A period of `days` from `start` (e.g. a rectification deadline), with warnings."""
    rule, calendar = counting(session)
    return deadlines.compute_deadline(start, days, rule, calendar)


def period_end(session: Session, start: date, days: int) -> date:
    """The last day of `period`."""
    return period(session, start, days).day


def preview_notification_deadline(
    db: Database, decided_on: date, version: str | None = None
) -> Deadline:
    """The deadline a decision on `decided_on` would get (the decision form's preview)."""
    days = notification_days(decided_on, version)
    with db.session() as session:
        return _notification(session, decided_on, days)
