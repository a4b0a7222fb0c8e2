"""`due` as a real process: JSON entries, the colours against --today, bad input refused."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, run_cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-due") / "demo.sqlite3"
    assert run_cli("--db", path, "demo").code == 0
    return path


def _decided(path: Path) -> tuple[str, date]:
    with sqlite3.connect(path) as con:
        number, deadline = con.execute(
            "SELECT c.number, d.notification_deadline FROM cases c JOIN determinations d "
            "ON d.case_id = c.id WHERE c.status = 'decided'").fetchone()
    return number, date.fromisoformat(deadline)


def test_due_json_entries(demo_db: Path) -> None:
    number, deadline = _decided(demo_db)
    today = deadline + timedelta(days=3)
    run = run_cli("--db", demo_db, "due", "--json", "--today", today.isoformat())
    assert run.code == 0, run.err
    entries = json.loads(run.out)
    assert entries and all({"case", "what", "due", "level", "days"} <= set(e) for e in entries)
    assert {e["level"] for e in entries} <= {"red", "yellow", "blue"}
    notice = next(e for e in entries if e["case"] == number and e["what"].startswith("告知"))
    assert notice == {**notice, "due": deadline.isoformat(), "level": "red", "days": -3}
    assert [e["days"] for e in entries] == sorted(e["days"] for e in entries)


def test_due_all_adds_later_entries(demo_db: Path) -> None:
    _number, deadline = _decided(demo_db)
    early = (deadline - timedelta(days=10)).isoformat()
    default = json.loads(run_cli("--db", demo_db, "due", "--json", "--today", early).out)
    everything = json.loads(
        run_cli("--db", demo_db, "due", "--json", "--all", "--today", early).out)
    assert "later" not in {e["level"] for e in default}
    assert "later" in {e["level"] for e in everything}
    assert len(everything) > len(default)


def test_due_table_and_bad_date(demo_db: Path) -> None:
    _number, deadline = _decided(demo_db)
    run = run_cli("--db", demo_db, "due", "--today", deadline.isoformat())
    assert run.code == 0 and "今日到期" in run.out
    assert_refused(run_cli("--db", demo_db, "due", "--today", "2026-13-01"))
