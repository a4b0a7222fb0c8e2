"""The 7-day notification deadline and rectification periods."""

from __future__ import annotations

from datetime import date

import pytest

from nanmu_desktop.domain.deadlines import (
    DayCountRule,
    WorkCalendar,
    add_days,
    describe_rule,
    notification_deadline,
)
from nanmu_desktop.errors import ValidationError

# 2025 National Day: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 worked (调休).
NATIONAL_DAY = WorkCalendar(
    holidays=frozenset(date(2025, 10, d) for d in range(1, 9)),
    adjusted_workdays=frozenset({date(2025, 9, 28), date(2025, 10, 11)}),
)


def test_calendar_days_default_j1() -> None:
    assert notification_deadline(date(2026, 3, 10)) == date(2026, 3, 17)


def test_calendar_days_roll_past_a_holiday_end() -> None:
    # Decided 09-24: the 7th day is 10-01, a holiday → first working day after it.
    assert notification_deadline(date(2025, 9, 24)) == date(2025, 10, 1)
    assert notification_deadline(date(2025, 9, 24), calendar=NATIONAL_DAY) == date(2025, 10, 9)


def test_working_days_skip_weekends() -> None:
    # Tuesday 2026-03-10 + 7 working days → Thursday 03-19.
    assert notification_deadline(date(2026, 3, 10), DayCountRule.working_days) == date(2026, 3, 19)


def test_working_days_with_holidays_and_adjusted_workdays() -> None:
    rule = DayCountRule.working_days
    # From Friday 09-26: Sunday 09-28 (调休) counts, 09-29, 09-30, then 10-09, 10-10, 10-11
    # (Saturday 调休), 10-13 → the seventh working day.
    assert notification_deadline(date(2025, 9, 26), rule, NATIONAL_DAY) == date(2025, 10, 13)
    assert notification_deadline(date(2025, 9, 26), rule) == date(2025, 10, 7)


def test_rectification_period() -> None:
    assert add_days(date(2026, 3, 12), 30) == date(2026, 4, 11)
    with pytest.raises(ValueError):
        add_days(date(2026, 3, 12), 0)


def test_a_day_cannot_be_both_holiday_and_workday() -> None:
    with pytest.raises(ValidationError, match="2025-10-01"):
        WorkCalendar(frozenset({date(2025, 10, 1)}), frozenset({date(2025, 10, 1)}))


def test_rule_descriptions() -> None:
    assert "自然日" in describe_rule(DayCountRule.calendar_days)
    assert "7个工作日" in describe_rule(DayCountRule.working_days)
    assert "调休" in describe_rule(DayCountRule.working_days)
    assert DayCountRule.working_days.label == "工作日"
