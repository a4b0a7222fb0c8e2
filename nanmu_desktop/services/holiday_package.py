"""The holidays and 调休 workdays of the `chinesecalendar` data package (offline, maintained
from the State Council's yearly notices), as `CalendarEntry` values with Chinese names."""

from __future__ import annotations

from datetime import date
from functools import cache

from chinese_calendar import constants

from nanmu_desktop.domain.work_calendar import CalendarEntry, DayKind, DaySource


def _chinese_name(english: str) -> str:
    try:
        return str(constants.Holiday(english).chinese)
    except ValueError:  # a name newer than this module's knowledge: keep it readable
        return english


@cache
def package_entries() -> tuple[CalendarEntry, ...]:
    """Every day the package lists, oldest first."""
    entries = [
        CalendarEntry(day, DayKind.holiday, _chinese_name(name), DaySource.package)
        for day, name in constants.holidays.items()
    ] + [
        CalendarEntry(day, DayKind.workday, _chinese_name(name), DaySource.package)
        for day, name in constants.workdays.items()
    ]
    return tuple(sorted(entries, key=lambda e: e.day))


@cache
def package_years() -> frozenset[int]:
    """The years whose holiday schedule the package carries."""
    return frozenset(day.year for day in constants.holidays)


def package_day(day: date) -> CalendarEntry | None:
    """The package's entry for `day`, if it lists one."""
    return _by_day().get(day)


@cache
def _by_day() -> dict[date, CalendarEntry]:
    return {entry.day: entry for entry in package_entries()}
