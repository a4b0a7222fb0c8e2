"""Deadlines under the office's day-counting setting and its holiday / 调休 calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from nanmu_desktop.domain import deadlines
from nanmu_desktop.domain.deadlines import DayCountRule, WorkCalendar
from nanmu_desktop.services.settings import calendar_sets, read_profile
from nanmu_desktop.storage.db import Database

_RULES = {"calendar": DayCountRule.calendar_days, "working": DayCountRule.working_days}


def counting(session: Session) -> tuple[DayCountRule, WorkCalendar]:
    """The rule in force and the calendar of holidays and 调休 workdays."""
    holidays, workdays = calendar_sets(session)
    rule = _RULES.get(read_profile(session).day_counting, DayCountRule.calendar_days)
    return rule, WorkCalendar(holidays=holidays, adjusted_workdays=workdays)


def notification_deadline(session: Session, decided_on: date, days: int) -> tuple[date, str]:
    """第十三条's deadline (`days` from the version's data) and the rule in words."""
    rule, calendar = counting(session)
    return deadlines.add_days(decided_on, days, rule, calendar), deadlines.describe_rule(
        rule, days
    )


def period_end(session: Session, start: date, days: int) -> date:
    """The end of a period of `days` (e.g. a rectification deadline) from `start`."""
    rule, calendar = counting(session)
    return deadlines.add_days(start, days, rule, calendar)


def preview_notification_deadline(
    db: Database, decided_on: date, days: int
) -> tuple[date, str]:
    """`notification_deadline` for a decision not yet recorded (the decision form's preview)."""
    with db.session() as session:
        return notification_deadline(session, decided_on, days)
