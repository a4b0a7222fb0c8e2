"""The work calendar: statutory holidays (放假) and 调休 weekend days that are worked.

Two sources feed it: the maintained holiday data package, for the years it covers, and the
entries the clerk made (手工), which win day by day — a manual entry can make a package
holiday a workday or the other way round. A year is *covered* when the package has it or the
clerk entered at least one holiday in it; for any other year only weekends are known, and
every deadline that touches it carries a warning (never a silent guess).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from nanmu_desktop.errors import Problem, ValidationError

WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


class DayKind(StrEnum):
    holiday = "holiday"
    workday = "workday"

    @property
    def label(self) -> str:
        return "法定节假日" if self is DayKind.holiday else "调休上班日"


class DaySource(StrEnum):
    package = "package"
    manual = "manual"

    @property
    def label(self) -> str:
        return "数据包" if self is DaySource.package else "手工"


@dataclass(frozen=True)
class CalendarEntry:
    """One day that differs from the plain week: a holiday or a worked 调休 weekend day."""

    day: date
    kind: DayKind
    name: str
    source: DaySource


@dataclass(frozen=True)
class YearCoverage:
    """Whether a year's holidays are known, and from where."""

    year: int
    in_package: bool
    manual_holidays: int
    manual_workdays: int

    @property
    def covered(self) -> bool:
        return self.in_package or self.manual_holidays > 0

    @property
    def label(self) -> str:
        manual = self.manual_holidays + self.manual_workdays
        if self.in_package:
            return f"数据包（另有{manual}条手工修改）" if manual else "数据包"
        if self.manual_holidays:
            return f"手工录入（{manual}条）"
        if manual:
            return f"未录入法定节假日（仅有{manual}条调休上班日）"
        return "未录入"


def uncovered_warning(year: int) -> str:
    return f"{year}年的法定节假日尚未录入，期限未考虑节假日，请在设置中补录"


@dataclass(frozen=True)
class WorkCalendar:
    """Holidays, 调休 workdays and the years for which holidays are known."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    adjusted_workdays: frozenset[date] = field(default_factory=frozenset)
    covered_years: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        clash = sorted(self.holidays & self.adjusted_workdays)
        if clash:
            raise ValidationError([
                Problem("adjusted_workdays", f"{d.isoformat()} 不能既是节假日又是调休工作日")
                for d in clash
            ])

    @classmethod
    def from_entries(
        cls, entries: Iterable[CalendarEntry], covered_years: Iterable[int]
    ) -> WorkCalendar:
        listed = list(entries)
        return cls(
            holidays=frozenset(e.day for e in listed if e.kind is DayKind.holiday),
            adjusted_workdays=frozenset(e.day for e in listed if e.kind is DayKind.workday),
            covered_years=frozenset(covered_years),
        )

    def is_workday(self, day: date) -> bool:
        if day in self.adjusted_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def rest_reason(self, day: date) -> str:
        """Why `day` is not worked: 法定节假日 or the weekday name ("" on a working day)."""
        if self.is_workday(day):
            return ""
        return "法定节假日" if day in self.holidays else WEEKDAY_NAMES[day.weekday()]

    def warnings(self, first: date, last: date) -> tuple[str, ...]:
        """A warning per year between `first` and `last` whose holidays are not known."""
        return tuple(
            uncovered_warning(year)
            for year in range(first.year, last.year + 1)
            if year not in self.covered_years
        )


def merge(
    package: Iterable[CalendarEntry], manual: Iterable[CalendarEntry]
) -> list[CalendarEntry]:
    """The effective entries, by date: a manual entry replaces the package's for its day."""
    by_day = {e.day: e for e in package}
    by_day.update((e.day, e) for e in manual)
    return [by_day[d] for d in sorted(by_day)]


def coverage(package_years: Iterable[int], manual: Iterable[CalendarEntry]) -> list[YearCoverage]:
    """Each year from the first to the last that the package or the clerk's entries touch,
    oldest first (a year in between that neither touches is listed as not covered)."""
    in_package = set(package_years)
    holidays: dict[int, int] = {}
    workdays: dict[int, int] = {}
    for entry in manual:
        counts = holidays if entry.kind is DayKind.holiday else workdays
        counts[entry.day.year] = counts.get(entry.day.year, 0) + 1
    touched = in_package | holidays.keys() | workdays.keys()
    years = range(min(touched), max(touched) + 1) if touched else range(0)
    return [
        YearCoverage(y, y in in_package, holidays.get(y, 0), workdays.get(y, 0)) for y in years
    ]
