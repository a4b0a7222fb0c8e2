"""`calendar list|set|unset|import|years` as processes: sources shown, writes audited, every
refusal one Chinese line with exit 2 and nothing written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, db_state, run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from nanmu_desktop.storage.db import open_database

    path = tmp_path / "nanmu.sqlite3"
    open_database(path).close()  # a new, empty database (read-only commands never make one)
    assert run_cli("--db", path, "calendar", "years").code == 0
    return path


def manual_rows(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT day, kind, name FROM calendar_days ORDER BY day").fetchall()
    con.close()
    return [tuple(r) for r in rows]


def test_list_shows_the_package_with_its_source(db: Path) -> None:
    run = run_cli("--db", db, "calendar", "list", "--year", "2025", "--json")
    assert run.code == 0, run.err
    days = {d["date"]: d for d in json.loads(run.out)}
    assert days["2025-10-01"]["kind_label"] == "法定节假日"
    assert days["2025-10-01"]["name"] == "国庆节"
    assert days["2025-10-01"]["source_label"] == "数据包"
    assert days["2025-10-11"]["kind_label"] == "调休上班日"
    text = run_cli("--db", db, "calendar", "list", "--year", "2025")
    assert "国庆节" in text.out and "数据包" in text.out


def test_set_and_unset_are_audited_and_override_the_package(db: Path) -> None:
    audit_before = db_state(db)[2]
    run = run_cli("--db", db, "calendar", "set", "2026-02-23", "workday", "--name", "本乡调整")
    assert run.code == 0, run.err
    assert "替代数据包" in run.out
    assert manual_rows(db) == [("2026-02-23", "workday", "本乡调整")]
    assert db_state(db)[2] == audit_before + 1
    listed = json.loads(run_cli("--db", db, "calendar", "list", "--year", "2026", "--json").out)
    day = next(d for d in listed if d["date"] == "2026-02-23")
    assert (day["kind"], day["source_label"]) == ("workday", "手工")
    run = run_cli("--db", db, "calendar", "unset", "2026-02-23")
    assert run.code == 0, run.err
    assert "恢复为数据包记载" in run.out
    assert manual_rows(db) == [] and db_state(db)[2] == audit_before + 2


def test_years_and_an_uncovered_year(db: Path) -> None:
    years = {y["year"]: y for y in json.loads(run_cli("--db", db, "calendar", "years",
                                                      "--json").out)}
    assert years[2026]["label"] == "数据包" and 2031 not in years
    run = run_cli("--db", db, "calendar", "list", "--year", "2031")
    assert "2031年的法定节假日尚未录入" in run.out
    assert run_cli("--db", db, "calendar", "set", "2031-10-01", "holiday", "--name",
                   "国庆节").code == 0
    years = {y["year"]: y for y in json.loads(run_cli("--db", db, "calendar", "years",
                                                      "--json").out)}
    assert years[2031]["covered"] and years[2031]["label"] == "手工录入（1条）"
    assert years[2028] == {"year": 2028, "covered": False, "in_package": False,
                           "manual_holidays": 0, "manual_workdays": 0, "label": "未录入"}


def test_import_is_all_or_nothing(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2031-01-01,holiday,元旦\n2031-01-02,holiday,"
                   + "长" * 60 + "\n", encoding="utf-8")
    before = db_state(db)
    run = run_cli("--db", db, "calendar", "import", bad)
    assert_refused(run)
    assert "第3行" in run.err and len(run.err.strip().splitlines()) == 1
    assert manual_rows(db) == [] and db_state(db) == before
    good = tmp_path / "good.csv"
    good.write_text("date,kind,name\n2031-01-01,holiday,元旦\n2031-01-04,workday,元旦调休\n",
                    encoding="utf-8")
    run = run_cli("--db", db, "calendar", "import", good)
    assert run.code == 0, run.err
    assert "2 日" in run.out
    assert [r[0] for r in manual_rows(db)] == ["2031-01-01", "2031-01-04"]
    assert db_state(db)[2] == before[2] + 2


@pytest.mark.parametrize(
    "args",
    [
        ("set", "2026-02-30", "holiday"),
        ("set", "2026-03-11", "rest"),
        ("set", "2026-03-11", "workday"),  # a Wednesday is a working day already
        ("set", "1999-01-01", "holiday"),
        ("unset", "2026-10-01"),  # a package day, no manual entry
        ("import", "no-such-file.csv"),
    ],
)
def test_refusals_write_nothing(db: Path, args: tuple[str, ...]) -> None:
    before = db_state(db)
    run = run_cli("--db", db, "calendar", *args)
    assert_refused(run)
    assert len(run.err.strip().splitlines()) == 1
    assert db_state(db) == before and manual_rows(db) == []


def test_a_bad_header_is_refused(db: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "h.csv"
    csv_file.write_text("日期,类型\n2031-01-01,holiday\n", encoding="utf-8")
    run = run_cli("--db", db, "calendar", "import", csv_file)
    assert_refused(run)
    assert "表头" in run.err and manual_rows(db) == []
