"""The holiday / 调休 table in the database: the package's days, the clerk's entries winning,
CSV import all or nothing, coverage, and deadlines computed with it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nanmu_desktop.domain.work_calendar import DayKind, DaySource
from nanmu_desktop.errors import NotFoundError, ValidationError
from nanmu_desktop.services.deadlines import (
    notification_deadline,
    period_end,
    preview_notification_deadline,
)
from nanmu_desktop.services.history import entity_history
from nanmu_desktop.services.settings import ProfileInput, update_profile
from nanmu_desktop.services.work_calendar import (
    import_csv,
    is_covered,
    list_days,
    set_day,
    unset_day,
    year_coverage,
)
from nanmu_desktop.storage.db import Database

from .conftest import audit_count


def test_the_package_fills_the_table(db: Database) -> None:
    days = {d.day: d for d in list_days(db, 2025)}
    national = days[date(2025, 10, 1)]
    assert (national.kind_label, national.name, national.source_label) == (
        "法定节假日", "国庆节", "数据包")
    assert days[date(2025, 9, 28)].kind is DayKind.workday
    assert all(d.day.year == 2025 for d in days.values())


def test_a_manual_entry_overrides_the_package_and_is_audited(db: Database) -> None:
    before = audit_count(db)
    view = set_day(db, date(2026, 2, 23), "workday", "本乡调整")
    assert (view.source, view.kind, view.replaces) == (
        DaySource.manual, DayKind.workday, "数据包：法定节假日（春节）")
    assert audit_count(db) == before + 1
    assert entity_history(db, "calendar_day", "2026-02-23")
    with db.session() as session:
        assert notification_deadline(session, date(2026, 2, 10), 7).day == date(2026, 2, 23)
    unset_day(db, date(2026, 2, 23))
    assert {d.day: d for d in list_days(db, 2026)}[date(2026, 2, 23)].source is DaySource.package
    with db.session() as session:
        assert notification_deadline(session, date(2026, 2, 10), 7).day == date(2026, 2, 24)


def test_refusals_write_nothing(db: Database) -> None:
    before = audit_count(db)
    with pytest.raises(NotFoundError, match="没有手工录入"):
        unset_day(db, date(2026, 10, 1))
    with pytest.raises(ValidationError, match="本来就是工作日"):
        set_day(db, date(2026, 3, 11), "workday")
    with pytest.raises(ValidationError, match="类型"):
        set_day(db, date(2026, 3, 11), "rest")
    assert audit_count(db) == before


def test_an_uncovered_year_warns_until_the_clerk_enters_its_holidays(db: Database) -> None:
    assert not is_covered(db, 2031)
    due = preview_notification_deadline(db, date(2031, 9, 26))
    assert due.warnings == ("2031年的法定节假日尚未录入，期限未考虑节假日，请在设置中补录",)
    assert due.day == date(2031, 10, 3)  # a Friday: weekends alone
    set_day(db, date(2031, 10, 3), "holiday", "国庆节")
    due = preview_notification_deadline(db, date(2031, 9, 26))
    assert due.warnings == () and due.day == date(2031, 10, 6)
    coverage = {c.year: c for c in year_coverage(db)}
    assert coverage[2031].label == "手工录入（1条）" and coverage[2026].in_package


def test_csv_import_is_all_or_nothing(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2031-10-01,holiday,国庆节\n2031-02-30,holiday,春节\n"
                   "2031-10-02,rest,国庆节\n", encoding="utf-8")
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        import_csv(db, bad)
    assert [p.field for p in err.value.problems] == ["第3行", "第4行"]
    assert audit_count(db) == before and not is_covered(db, 2031)
    good = tmp_path / "good.csv"
    good.write_text("date,kind,name\n2031-10-01,holiday,国庆节\n2031-10-02,法定节假日,国庆节\n"
                    "2031-09-28,workday,国庆调休\n", encoding="gb18030")
    assert import_csv(db, good) == 3
    assert [d.source_label for d in list_days(db, 2031)] == ["手工"] * 3
    assert audit_count(db) == before + 3


def test_working_day_rule_and_rectification_periods(db: Database) -> None:
    update_profile(db, ProfileInput(name_zh="南木乡", day_counting="working"))
    with db.session() as session:
        # Spring Festival 2026: 11, 12, 13, 14 (调休 Saturday), then 24, 25, 26.
        assert notification_deadline(session, date(2026, 2, 10), 7).day == date(2026, 2, 26)
        assert period_end(session, date(2026, 3, 2), 5) == date(2026, 3, 9)
