"""The notification deadline (第十三条) and rectification periods under both counting rules."""

from __future__ import annotations

from datetime import date

import pytest

from nanmu_desktop.domain.deadlines import (
    DayCountRule,
    WorkCalendar,
    add_days,
    compute_deadline,
    describe_rule,
    notification_deadline,
)
from nanmu_desktop.errors import ValidationError

CAL, WORK = DayCountRule.calendar_days, DayCountRule.working_days
# 2025 National Day: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 worked (调休).
NATIONAL_DAY = WorkCalendar(
    holidays=frozenset(date(2025, 10, d) for d in range(1, 9)),
    adjusted_workdays=frozenset({date(2025, 9, 28), date(2025, 10, 11)}),
    covered_years=frozenset({2025}),
)
# 2026 Spring Festival: 02-15..02-23 off; Saturdays 02-14 and 02-28 worked.
SPRING_2026 = WorkCalendar(
    holidays=frozenset(date(2026, 2, d) for d in range(15, 24)),
    adjusted_workdays=frozenset({date(2026, 2, 14), date(2026, 2, 28)}),
    covered_years=frozenset({2026}),
)


def test_calendar_days_j1() -> None:
    due = notification_deadline(date(2026, 3, 10), 7, CAL, SPRING_2026)
    assert due.day == date(2026, 3, 17)  # decided on the 10th → the 17th, a Tuesday
    assert (due.note, due.warnings) == ("", ())


def test_calendar_days_move_past_national_day() -> None:
    # Decided 09-24: the 7th day is 10-01, a holiday → the first working day after the break.
    due = notification_deadline(date(2025, 9, 24), 7, CAL, NATIONAL_DAY)
    assert due.day == date(2025, 10, 9)
    assert due.note == "第7日（2025年10月1日）为法定节假日，顺延至2025年10月9日。"


def test_calendar_days_move_past_spring_festival() -> None:
    due = notification_deadline(date(2026, 2, 10), 7, CAL, SPRING_2026)
    assert due.day == date(2026, 2, 24)


def test_calendar_days_move_off_a_weekend() -> None:
    # Decided Friday 2026-03-06: the 7th day is Friday 03-13, kept; from Sunday 03-08 the
    # 7th day is Sunday 03-15 → Monday 03-16.
    assert notification_deadline(date(2026, 3, 6), 7, CAL, SPRING_2026).day == date(2026, 3, 13)
    due = notification_deadline(date(2026, 3, 8), 7, CAL, SPRING_2026)
    assert due.day == date(2026, 3, 16)
    assert "星期日" in due.note


def test_working_days_skip_weekends() -> None:
    # Tuesday 2026-03-10 + 7 working days → Thursday 03-19.
    assert notification_deadline(date(2026, 3, 10), 7, WORK, SPRING_2026).day == date(2026, 3, 19)


def test_working_days_with_holidays_and_adjusted_workdays() -> None:
    # From Friday 09-26: Sunday 09-28 (调休) counts, 09-29, 09-30, then 10-09, 10-10, 10-11
    # (Saturday 调休), 10-13 → the seventh working day.
    assert notification_deadline(date(2025, 9, 26), 7, WORK, NATIONAL_DAY).day == date(2025, 10, 13)
    # Spring Festival: 11, 12, 13, 14 (调休 Saturday), then 24, 25, 26.
    assert notification_deadline(date(2026, 2, 10), 7, WORK, SPRING_2026).day == date(2026, 2, 26)


def test_the_days_come_from_the_caller() -> None:
    assert notification_deadline(date(2026, 3, 10), 5, CAL, SPRING_2026).day == date(2026, 3, 16)
    assert "第5日" in notification_deadline(date(2026, 3, 10), 5, CAL, SPRING_2026).rule_text


def test_a_year_not_covered_gives_a_warning() -> None:
    due = notification_deadline(date(2031, 5, 6), 7, CAL, SPRING_2026)
    assert due.warnings == ("2031年的法定节假日尚未录入，期限未考虑节假日，请在设置中补录",)
    assert due.day == date(2031, 5, 13)  # weekends still known: a Tuesday
    # A period reaching into an uncovered year warns about that year only.
    crossing = compute_deadline(date(2026, 12, 28), 7, WORK, SPRING_2026)
    assert crossing.warnings == (
        "2027年的法定节假日尚未录入，期限未考虑节假日，请在设置中补录",
    )


def test_rectification_period() -> None:
    # 30 days from 03-12 is Saturday 04-11 → Monday 04-13 under the calendar-day rule.
    assert add_days(date(2026, 3, 12), 30, CAL, SPRING_2026) == date(2026, 4, 13)
    with pytest.raises(ValueError):
        add_days(date(2026, 3, 12), 0, CAL, SPRING_2026)


def test_a_day_cannot_be_both_holiday_and_workday() -> None:
    with pytest.raises(ValidationError, match="2025-10-01"):
        WorkCalendar(frozenset({date(2025, 10, 1)}), frozenset({date(2025, 10, 1)}))


def test_rule_descriptions_state_what_the_code_does() -> None:
    calendar_text = describe_rule(CAL, 7)
    assert "自然日" in calendar_text and "第7日" in calendar_text
    assert "顺延至其后第一个工作日" in calendar_text and "调休上班日除外" in calendar_text
    working_text = describe_rule(WORK, 7)
    assert "第7个工作日" in working_text and "调休上班日计入" in working_text
    assert WORK.label == "工作日"
    due = notification_deadline(date(2026, 3, 10), 7, WORK, SPRING_2026)
    assert due.rule_text == working_text
    assert due.to_dict()["day"] == "2026-03-19"
