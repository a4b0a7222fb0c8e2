"""The holiday / 调休 table: the data package's days overridden by the clerk's entries.

The package (`holiday_package`) is read, never copied into the database; `calendar_days`
holds only what the clerk entered (手工), so a newer package fixes its own years and the
clerk's corrections still win. Every write is audited; bad input is refused whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.work_calendar import (
    CalendarEntry,
    DayKind,
    DaySource,
    WorkCalendar,
    YearCoverage,
    coverage,
    merge,
)
from nanmu_desktop.errors import NotFoundError, Problem, ValidationError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.holiday_package import (
    package_day,
    package_entries,
    package_years,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import CalendarDay

FIRST_YEAR, LAST_YEAR = 2000, 2099
NAME_MAX = 50
CSV_COLUMNS = ("date", "kind", "name")
# What a kind may be written as, in the CLI and in CSV files.
KIND_WORDS = {
    "holiday": DayKind.holiday,
    "法定节假日": DayKind.holiday,
    "workday": DayKind.workday,
    "调休上班日": DayKind.workday,
}


@dataclass(frozen=True)
class CalendarDayView:
    """A day of the effective table, with where it came from and what it replaces."""

    day: date
    kind: DayKind
    name: str
    source: DaySource
    replaces: str  # a manual entry over a package day: "数据包：法定节假日（春节）"

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def source_label(self) -> str:
        return self.source.label

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "kind": self.kind.value,
            "kind_label": self.kind.label,
            "name": self.name,
            "source": self.source.value,
            "source_label": self.source.label,
            "replaces": self.replaces,
        }


@dataclass(frozen=True)
class ManualDay:
    day: date
    kind: DayKind
    name: str
    line: int = 0  # its line in an imported file (0: typed in)

    @property
    def where(self) -> str:
        return f"第{self.line}行" if self.line else ""


# ---- reading ---------------------------------------------------------------------------


def manual_entries(session: Session) -> list[CalendarEntry]:
    rows = session.scalars(select(CalendarDay).order_by(CalendarDay.day))
    return [CalendarEntry(r.day, DayKind(r.kind), r.name, DaySource.manual) for r in rows]


def effective_calendar(session: Session) -> WorkCalendar:
    """The calendar deadlines are computed with: package + manual entries, covered years."""
    manual = manual_entries(session)
    covered = (c.year for c in coverage(package_years(), manual) if c.covered)
    return WorkCalendar.from_entries(merge(package_entries(), manual), covered)


def list_days(db: Database, year: int | None = None) -> list[CalendarDayView]:
    """The effective table (of one year, or all), each day with its source."""
    with db.session() as session:
        manual = manual_entries(session)
    views = []
    for entry in merge(package_entries(), manual):
        if year is not None and entry.day.year != year:
            continue
        under = package_day(entry.day) if entry.source is DaySource.manual else None
        replaces = f"数据包：{under.kind.label}（{under.name}）" if under else ""
        views.append(CalendarDayView(entry.day, entry.kind, entry.name, entry.source, replaces))
    return views


def year_coverage(db: Database) -> list[YearCoverage]:
    """Every year the package or the clerk's entries touch, and by what."""
    with db.session() as session:
        return coverage(package_years(), manual_entries(session))


def is_covered(db: Database, year: int) -> bool:
    return any(c.year == year and c.covered for c in year_coverage(db))


# ---- writing ---------------------------------------------------------------------------


def set_day(
    db: Database, day: date, kind: str, name: str = "", *, actor: str = DEFAULT_ACTOR
) -> CalendarDayView:
    """Enter `day` by hand as a holiday or a 调休 workday, replacing any earlier entry."""
    require(db, Operation.settings)
    manual = _checked(day, kind, name, "")
    with db.write_session() as session:
        _refuse_pointless_workday(session, manual)
        _put(session, manual, actor, "set")
    return _view_of(db, day)


def unset_day(db: Database, day: date, *, actor: str = DEFAULT_ACTOR) -> None:
    """Remove the clerk's entry for `day`; the package's entry (if any) applies again."""
    require(db, Operation.settings)
    with db.write_session() as session:
        row = session.get(CalendarDay, day)
        if row is None:
            raise NotFoundError(
                f"{day.isoformat()} 没有手工录入的条目（数据包中的日子不能删除，"
                "可将其手工设为法定节假日或调休上班日）"
            )
        before = _row_dict(row)
        session.delete(row)
        session.flush()
        audit(session, actor, "remove", "calendar_day", day.isoformat(), before, None)


def parse_csv(text: str) -> list[ManualDay]:
    """Rows `date,kind,name` after a header; every problem is listed by its line number."""
    reader = csv.reader(io.StringIO(text))
    lines = [(n, row) for n, row in enumerate(reader, start=1) if any(c.strip() for c in row)]
    if not lines:
        raise ValidationError([Problem("", "文件为空：第一行应为表头 date,kind,name")])
    header_no, header = lines[0]
    if tuple(c.strip().lower() for c in header) != CSV_COLUMNS:
        raise ValidationError([Problem(f"第{header_no}行", "表头应为 date,kind,name")])
    problems: list[Problem] = []
    days: list[ManualDay] = []
    seen: dict[date, int] = {}
    for number, row in lines[1:]:
        where = f"第{number}行"
        if len(row) not in (2, 3):
            problems.append(Problem(where, f"应有 2 或 3 列（date,kind,name），实有 {len(row)} 列"))
            continue
        try:
            day = _parse_date(row[0], where)
            entry = _checked(day, row[1], row[2] if len(row) == 3 else "", where, number)
        except ValidationError as error:
            problems.extend(error.problems)
            continue
        if day in seen:
            problems.append(Problem(where, f"日期 {day.isoformat()} 与第{seen[day]}行重复"))
            continue
        seen[day] = number
        days.append(entry)
    if problems:
        raise ValidationError(problems)
    if not days:
        raise ValidationError([Problem("", "文件中除表头外没有数据行")])
    return days


def import_csv(db: Database, path: Path, *, actor: str = DEFAULT_ACTOR) -> int:
    """Enter every row of a CSV file, or none of them; returns how many were entered."""
    require(db, Operation.settings)
    return import_rows(db, read_csv_file(path), actor=actor)


def import_rows(db: Database, rows: Sequence[ManualDay], *, actor: str = DEFAULT_ACTOR) -> int:
    """Enter parsed rows in one transaction, after checking them all against the table."""
    require(db, Operation.settings)
    with db.write_session() as session:
        problems: list[Problem] = []
        for entry in rows:
            try:
                _refuse_pointless_workday(session, entry)
            except ValidationError as error:
                problems.extend(error.problems)
        if problems:
            raise ValidationError(problems)
        for entry in rows:
            _put(session, entry, actor, "import")
    return len(rows)


def read_csv_file(path: Path) -> list[ManualDay]:
    return parse_csv(_read_text(path))


# ---- helpers ---------------------------------------------------------------------------


def _checked(day: date, kind: str, name: str, where: str, line: int = 0) -> ManualDay:
    problems: list[Problem] = []
    parsed = KIND_WORDS.get(kind.strip())
    if parsed is None:
        problems.append(Problem(where or "类型", f"“{kind}”应为 holiday（法定节假日）"
                                                  "或 workday（调休上班日）"))
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        problems.append(Problem(where or "日期", f"日期应在{FIRST_YEAR}年至{LAST_YEAR}年之间"))
    if len(name.strip()) > NAME_MAX:
        problems.append(Problem(where or "名称", f"名称不能超过 {NAME_MAX} 个字"))
    if problems or parsed is None:
        raise ValidationError(problems)
    return ManualDay(day, parsed, name.strip(), line)


def _parse_date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            [Problem(where, f"日期“{text.strip()}”无效，应为 YYYY-MM-DD")]
        ) from None


def _refuse_pointless_workday(session: Session, entry: ManualDay) -> None:
    """A 调休 workday is a weekend day or a holiday that is worked; a plain weekday is not."""
    if entry.kind is not DayKind.workday or entry.day.weekday() >= 5:
        return
    under = package_day(entry.day)
    row = session.get(CalendarDay, entry.day)
    if (under and under.kind is DayKind.holiday) or (row and row.kind == DayKind.holiday):
        return
    weekday = "一二三四五"[entry.day.weekday()]
    raise ValidationError([Problem(
        entry.where,
        f"{entry.day.isoformat()} 为星期{weekday}，本来就是工作日，不能设为调休上班日",
    )])


def _put(session: Session, entry: ManualDay, actor: str, action: str) -> None:
    row = session.get(CalendarDay, entry.day)
    before = _row_dict(row) if row else None
    if row is None:
        row = CalendarDay(day=entry.day, kind=entry.kind.value, name=entry.name)
        session.add(row)
    else:
        row.kind, row.name = entry.kind.value, entry.name
    session.flush()
    audit(session, actor, action, "calendar_day", entry.day.isoformat(), before, _row_dict(row))


def _row_dict(row: CalendarDay) -> dict[str, Any]:
    return {"day": row.day.isoformat(), "kind": row.kind, "name": row.name}


def _view_of(db: Database, day: date) -> CalendarDayView:
    for view in list_days(db, day.year):
        if view.day == day:
            return view
    raise NotFoundError(f"{day.isoformat()} 不在节假日表中")


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves GB18030
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError([Problem(str(path), "无法识别文件编码，请另存为 UTF-8 的 CSV")])
