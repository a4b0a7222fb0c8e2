"""Deadlines: the 7-day notification of 第十三条 and rectification periods (第十六条).

The regulation does not define how "7日" is counted, so the rule is a setting:
- calendar days (default): the day of the decision is not counted, the period ends on the
  7th day after it (J1: decided on the 10th → the 17th); when a work calendar is known and
  that last day is a rest day, it moves to the next working day (民法典第二百零三条);
- working days: 7 working days after the decision day, skipping weekends and public holidays,
  counting 调休 weekend days that are worked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from nanmu_desktop.errors import Problem, ValidationError

NOTIFICATION_DAYS = 7


class DayCountRule(StrEnum):
    calendar_days = "calendar_days"
    working_days = "working_days"

    @property
    def label(self) -> str:
        return "自然日" if self is DayCountRule.calendar_days else "工作日"


@dataclass(frozen=True)
class WorkCalendar:
    """Public holidays on weekdays and 调休 weekend days that are working days."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    adjusted_workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        clash = sorted(self.holidays & self.adjusted_workdays)
        if clash:
            raise ValidationError([
                Problem("adjusted_workdays", f"{d.isoformat()} 不能既是节假日又是调休工作日")
                for d in clash
            ])

    def is_workday(self, day: date) -> bool:
        if day in self.adjusted_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


def add_days(
    start: date,
    days: int,
    rule: DayCountRule = DayCountRule.calendar_days,
    calendar: WorkCalendar | None = None,
) -> date:
    """The last day of a period of `days` counted from the day after `start`.

    Working days need a calendar for holidays; without one only weekends are skipped.
    """
    if days < 1:
        raise ValueError(f"a period has at least one day, not {days}")
    cal = calendar or WorkCalendar()
    if rule is DayCountRule.calendar_days:
        end = start + timedelta(days=days)
        if calendar is not None:
            while not calendar.is_workday(end):
                end += timedelta(days=1)
        return end
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        counted += cal.is_workday(day)
    return day


def notification_deadline(
    decided_on: date,
    rule: DayCountRule = DayCountRule.calendar_days,
    calendar: WorkCalendar | None = None,
) -> date:
    """The last day to notify the related units and parties of a decision (第十三条)."""
    return add_days(decided_on, NOTIFICATION_DAYS, rule, calendar)


def describe_rule(rule: DayCountRule, days: int = NOTIFICATION_DAYS) -> str:
    """The counting rule in Chinese, as printed on the determination worksheet."""
    if rule is DayCountRule.calendar_days:
        return (f"期限按自然日计算：自决定作出之日的次日起算{days}日，"
                "期限最后一日为法定节假日的，顺延至节假日后的第一个工作日。")
    return (f"期限按工作日计算：自决定作出之日的次日起算{days}个工作日，"
            "不含周六、周日和法定节假日，调休上班日计为工作日。")
