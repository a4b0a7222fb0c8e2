"""The work calendar from the data package, overridden by the clerk's entries; and, for every
day the package covers, the 7-day deadline is a working day and never a statutory holiday."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from nanmu_desktop.domain.deadlines import DayCountRule, compute_deadline
from nanmu_desktop.domain.work_calendar import (
    CalendarEntry,
    DayKind,
    DaySource,
    WorkCalendar,
    coverage,
    merge,
)
from nanmu_desktop.services.holiday_package import package_entries, package_years

PACKAGE_YEARS = sorted(y for y in package_years() if y >= 2024)


def package_calendar() -> WorkCalendar:
    return WorkCalendar.from_entries(package_entries(), package_years())


def test_the_package_covers_2024_to_2026() -> None:
    assert {2024, 2025, 2026} <= set(PACKAGE_YEARS)
    names = {e.day: e.name for e in package_entries()}
    assert names[date(2025, 10, 1)] == "国庆节" and names[date(2026, 2, 17)] == "春节"


@pytest.mark.parametrize("rule", list(DayCountRule))
@pytest.mark.parametrize("year", PACKAGE_YEARS)
def test_every_deadline_is_a_working_day(rule: DayCountRule, year: int) -> None:
    # The package's own functions are the oracle, independent of our calendar code.
    calendar = package_calendar()
    day = date(year, 1, 1)
    while day.year == year:
        due = compute_deadline(day, 7, rule, calendar)
        if due.day.year in package_years():
            assert chinese_calendar.is_workday(due.day), (day, due)
            assert not chinese_calendar.is_holiday(due.day), (day, due)
            between = [day + timedelta(days=n) for n in range(1, (due.day - day).days)]
            if rule is DayCountRule.calendar_days:
                nominal = day + timedelta(days=7)
                assert due.day >= nominal
                assert not any(chinese_calendar.is_workday(d) for d in between if d >= nominal)
            else:
                assert sum(chinese_calendar.is_workday(d) for d in between) == 6
            assert due.warnings == ()
        else:
            assert due.warnings and str(due.day.year) in due.warnings[0]
        day += timedelta(days=1)


def manual(day: date, kind: DayKind, name: str = "") -> CalendarEntry:
    return CalendarEntry(day, kind, name, DaySource.manual)


def test_a_manual_entry_wins_over_the_package() -> None:
    # The clerk makes 2026-02-23 (a package holiday, Monday) a workday and adds a local
    # holiday on Friday 2026-03-13.
    entries = [manual(date(2026, 2, 23), DayKind.workday), manual(date(2026, 3, 13),
                                                                  DayKind.holiday, "那达慕")]
    merged = merge(package_entries(), entries)
    by_day = {e.day: e for e in merged}
    assert by_day[date(2026, 2, 23)].source is DaySource.manual
    assert by_day[date(2026, 2, 22)].source is DaySource.package
    calendar = WorkCalendar.from_entries(merged, package_years())
    rule = DayCountRule.calendar_days
    assert compute_deadline(date(2026, 2, 10), 7, rule, package_calendar()).day == date(2026, 2, 24)
    assert compute_deadline(date(2026, 2, 10), 7, rule, calendar).day == date(2026, 2, 23)
    assert compute_deadline(date(2026, 3, 6), 7, rule, calendar).day == date(2026, 3, 16)


def test_a_year_is_covered_by_the_package_or_a_manual_holiday() -> None:
    entries = [manual(date(2031, 1, 1), DayKind.holiday, "元旦"),
               manual(date(2032, 1, 3), DayKind.workday),
               manual(date(2026, 5, 6), DayKind.holiday)]
    by_year = {c.year: c for c in coverage(package_years(), entries)}
    assert by_year[2026].covered and by_year[2026].label == "数据包（另有1条手工修改）"
    assert by_year[2025].label == "数据包"
    assert by_year[2031].covered and by_year[2031].label == "手工录入（1条）"
    assert not by_year[2032].covered
    assert 2040 not in by_year
    calendar = WorkCalendar.from_entries(
        merge(package_entries(), entries), (y for y, c in by_year.items() if c.covered)
    )
    rule = DayCountRule.calendar_days
    assert compute_deadline(date(2031, 3, 3), 7, rule, calendar).warnings == ()
    warned = compute_deadline(date(2032, 3, 3), 7, rule, calendar)
    assert warned.warnings == ("2032年的法定节假日尚未录入，期限未考虑节假日，请在设置中补录",)
