"""Deadlines: the notification period of 第十三条 and rectification periods (第十六条).

The number of days comes from the regulation version's rulebook (`notification_days`); the
regulation does not say how "7日" is counted, so the rule is a setting:
- calendar days (default): the day of the decision is not counted; the period ends on the
  7th day after it (J1: decided on the 10th → the 17th). When that day is a rest day — a
  Saturday, a Sunday or a statutory holiday, unless it is a 调休 workday — the period ends on
  the next working day (民法典第二百零三条);
- working days: the 7th working day after the decision day; Saturdays, Sundays and statutory
  holidays are not counted, 调休 workdays are.
Either way the last day is a working day. Years whose holidays are not known are computed
with weekends only, and the result says so in its warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.work_calendar import WorkCalendar

__all__ = [
    "DayCountRule",
    "Deadline",
    "WorkCalendar",
    "add_days",
    "compute_deadline",
    "describe_rule",
    "notification_deadline",
]


class DayCountRule(StrEnum):
    calendar_days = "calendar_days"
    working_days = "working_days"

    @property
    def label(self) -> str:
        return "自然日" if self is DayCountRule.calendar_days else "工作日"


@dataclass(frozen=True)
class Deadline:
    """The last day of a period, the rule that produced it in words, and what to watch."""

    day: date
    start: date
    days: int
    rule: DayCountRule
    rule_text: str  # the counting rule, as printed on the worksheet
    note: str  # what happened in this computation ("" when the nominal day stood)
    warnings: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "start": self.start.isoformat(),
            "days": self.days,
            "rule": self.rule.value,
            "rule_text": self.rule_text,
            "note": self.note,
            "warnings": list(self.warnings),
        }


def describe_rule(rule: DayCountRule, days: int) -> str:
    """The counting rule in Chinese: exactly what `compute_deadline` does."""
    if rule is DayCountRule.calendar_days:
        return (f"期限按自然日计算：决定作出之日不计入，自次日起第{days}日为期限最后一日；"
                "该日为星期六、星期日或法定节假日的（调休上班日除外），"
                "顺延至其后第一个工作日。")
    return (f"期限按工作日计算：决定作出之日不计入，自次日起第{days}个工作日为期限最后一日；"
            "星期六、星期日和法定节假日不计，调休上班日计入。")


def compute_deadline(
    start: date, days: int, rule: DayCountRule, calendar: WorkCalendar
) -> Deadline:
    """The last day of a period of `days` counted from the day after `start`."""
    if days < 1:
        raise ValueError(f"a period has at least one day, not {days}")
    note = ""
    if rule is DayCountRule.calendar_days:
        nominal = end = start + timedelta(days=days)
        while not calendar.is_workday(end):
            end += timedelta(days=1)
        if end != nominal:
            note = (f"第{days}日（{chinese_date(nominal)}）为{calendar.rest_reason(nominal)}，"
                    f"顺延至{chinese_date(end)}。")
    else:
        end, counted = start, 0
        while counted < days:
            end += timedelta(days=1)
            counted += calendar.is_workday(end)
    warnings = calendar.warnings(start + timedelta(days=1), end)
    return Deadline(end, start, days, rule, describe_rule(rule, days), note, warnings)


def add_days(start: date, days: int, rule: DayCountRule, calendar: WorkCalendar) -> date:
    """`compute_deadline`'s last day alone (rectification periods)."""
    return compute_deadline(start, days, rule, calendar).day


def notification_deadline(
    decided_on: date, days: int, rule: DayCountRule, calendar: WorkCalendar
) -> Deadline:
    """The last day to tell the related units and parties of a decision (第十三条)."""
    return compute_deadline(decided_on, days, rule, calendar)

