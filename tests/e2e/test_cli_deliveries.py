"""`case deliver` and `case deliveries` as real processes: 送达 to each unit and party with a
送达回证, the case moving to 告知公开 when all are served, bad input refused, nothing written."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, db_state, run_cli


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-deliveries") / "demo.sqlite3"
    assert run_cli("--db", path, "demo").code == 0
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def _decided(path: Path) -> tuple[str, date]:
    with sqlite3.connect(path) as con:
        number, meeting = con.execute(
            "SELECT c.number, d.meeting_date FROM cases c JOIN determinations d "
            "ON d.case_id = c.id WHERE c.status = 'decided'").fetchone()
    return number, date.fromisoformat(meeting)


def _deliveries(path: Path, number: str) -> dict[str, object]:
    run = run_cli("--db", path, "case", "deliveries", number, "--json")
    assert run.code == 0, run.err
    listing: dict[str, object] = json.loads(run.out)
    return listing


def test_deliver_the_rest_with_a_receipt_and_the_case_is_notified(
    demo_db: Path, tmp_path: Path
) -> None:
    number, meeting = _decided(demo_db)
    listing = _deliveries(demo_db, number)
    assert listing["decided"] is True and listing["complete"] is False
    recipients = listing["recipients"]
    assert isinstance(recipients, list)
    waiting = [r for r in recipients if not r["delivered"]]
    assert waiting and len(waiting) < len(recipients)
    scan = tmp_path / "回证.pdf"
    scan.write_bytes(b"%PDF-1.4 receipt")
    day = max(meeting, date.today() - timedelta(days=1)).isoformat()
    for i, recipient in enumerate(waiting):
        extra = ("--receipt", scan) if i == 0 else ()
        run = run_cli(
            "--db", demo_db, "case", "deliver", number, "--to", recipient["role"],
            "--name", recipient["name"], "--method", "邮寄送达", "--on", day, "--by", "张海涛",
            *extra,
        )
        assert run.code == 0, run.err
        assert recipient["name"] in run.out
    assert "告知完成" in run.out
    done = _deliveries(demo_db, number)
    assert done["complete"] is True
    deliveries = done["deliveries"]
    assert isinstance(deliveries, list)
    assert any(d["receipt"] == "回证.pdf" and d["delivered_by"] == "张海涛" for d in deliveries)
    show = json.loads(run_cli("--db", demo_db, "case", "show", number, "--json").out)
    assert show["status"] == "notified"
    table = run_cli("--db", demo_db, "case", "deliveries", number)
    assert table.code == 0 and "告知已完成" in table.out and "回证.pdf" in table.out


def test_bad_deliveries_are_refused_and_nothing_is_written(demo_db: Path) -> None:
    number, meeting = _decided(demo_db)
    before = db_state(demo_db)
    early = (meeting - timedelta(days=1)).isoformat()
    refused = run_cli("--db", demo_db, "case", "deliver", number, "--to", "party",
                      "--name", "巴特尔", "--on", early)
    assert_refused(refused)
    assert early in refused.err and meeting.isoformat() in refused.err
    future = (date.today() + timedelta(days=3)).isoformat()
    assert_refused(run_cli("--db", demo_db, "case", "deliver", number, "--to", "party",
                           "--name", "巴特尔", "--on", future))
    assert_refused(run_cli("--db", demo_db, "case", "deliver", number, "--to", "boss",
                           "--name", "巴特尔", "--on", meeting.isoformat()))
    assert_refused(run_cli("--db", demo_db, "case", "deliver", number, "--to", "party",
                           "--name", "巴特尔", "--on", "2026-13-01"))
    assert_refused(run_cli("--db", demo_db, "case", "deliver", number, "--to", "party",
                           "--name", "巴特尔", "--on", meeting.isoformat(),
                           "--receipt", "/nonexistent/回证.pdf"))
    assert_refused(run_cli("--db", demo_db, "case", "deliver", number, "--to", "party"))
    assert db_state(demo_db) == before


def test_a_case_without_a_decision_owes_no_delivery(demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as con:
        (number,) = con.execute("SELECT number FROM cases WHERE status = 'registered'").fetchone()
    run = run_cli("--db", demo_db, "case", "deliveries", number)
    assert run.code == 0 and "无需送达" in run.out
    refused = run_cli("--db", demo_db, "case", "deliver", number, "--to", "party",
                      "--name", "张海涛", "--on", date.today().isoformat())
    assert_refused(refused)
    assert "党委" in refused.err
