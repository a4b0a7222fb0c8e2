"""迁移数据库 (`migrate-to`): the demo office moved SQLite → SQLite/PostgreSQL → SQLite keeps every
row, every issued PDF byte for byte, a verifying audit chain and the register's marks; a target
that is not empty is refused untouched. The PostgreSQL legs run when NANMU_TEST_PG_URL names a
server (and fail instead of skipping when NANMU_REQUIRE_PG=1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from nanmu_desktop.services.case_list import CaseQuery, count_cases
from nanmu_desktop.services.office_move import MoveError, migrate_office, open_location
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.db import Database, open_database
from nanmu_desktop.storage.models import IssuedDocument, Setting
from nanmu_desktop.storage.transfer import tables

ROOT = Path(__file__).resolve().parents[2]


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order, as Python values."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with db.session() as session:
        for table in tables():
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [tuple(row) for row in session.execute(query)]
    return rows


def pdfs(db: Database) -> dict[int, bytes]:
    with db.session() as session:
        query = select(IssuedDocument.id, IssuedDocument.pdf)
        return {row.id: row.pdf for row in session.execute(query)}


def searches(db: Database) -> list[int]:
    """How many cases one-, two- and more-character terms find (the search index is rebuilt)."""
    return [count_cases(db, CaseQuery(text=term)) for term in ("木", "容错", "许可证", "关永军")]


def failed_checks(db: Database) -> list[str]:
    return [f"{r.label}：{r.details}" for r in run_checks(db) if not r.ok]


def move(source: Database, target: str) -> Database:
    result = migrate_office(source, target)
    assert result.problems == ()
    assert result.total > 0
    return open_location(target)


def assert_same_office(original: Database, copy: Database) -> None:
    before, after = snapshot(original), snapshot(copy)
    for name, rows in before.items():
        if name == "audit_log":
            # the copy's log is the original's plus the row recording the move
            assert after[name][: len(rows)] == rows
            assert {row[3] for row in after[name][len(rows) :]} == {"migrate_in"}
        else:
            assert after[name] == rows, name
    assert pdfs(copy) == pdfs(original)
    assert failed_checks(copy) == []


def test_round_trip_through_sqlite_keeps_everything(demo: Database, tmp_path: Path) -> None:
    assert any(searches(demo))
    original_pdfs = pdfs(demo)
    assert original_pdfs and all(pdf.startswith(b"%PDF") for pdf in original_pdfs.values())
    middle = move(demo, str(tmp_path / "middle.sqlite3"))
    try:
        assert_same_office(demo, middle)
        back = move(middle, str(tmp_path / "back.sqlite3"))
    finally:
        middle.close()
    try:
        assert_same_office(demo, back)
        assert searches(back) == searches(demo)
    finally:
        back.close()


def test_round_trip_through_postgresql(
    demo: Database, tmp_path: Path, empty_server_db: str
) -> None:
    server = move(demo, empty_server_db)
    try:
        assert_same_office(demo, server)
        back = move(server, str(tmp_path / "back.sqlite3"))
    finally:
        server.close()
    try:
        assert_same_office(demo, back)
        assert searches(back) == searches(demo)
    finally:
        back.close()


def test_a_target_with_data_is_refused_untouched(demo: Database, tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite3"
    other = open_database(target)
    with other.write_session() as session:
        session.add(Setting(key="marker", value={"kept": True}))
    other.close()
    before = target.read_bytes()
    with pytest.raises(MoveError, match="不是空的"):
        migrate_office(demo, str(target))
    assert target.read_bytes() == before


def test_a_target_the_app_only_opened_is_still_empty(demo: Database, tmp_path: Path) -> None:
    target = tmp_path / "opened.sqlite3"
    open_database(target).close()  # schema, database id and starter departments, nothing else
    moved = move(demo, str(target))
    try:
        assert_same_office(demo, moved)
    finally:
        moved.close()


def test_a_cancelled_move_leaves_no_new_file(demo: Database, tmp_path: Path) -> None:
    target = tmp_path / "cancelled.sqlite3"

    class Cancelled(Exception):
        """The clerk's 取消: the UI's progress callback raises its own exception the same way."""

    def cancel(_table: str, _rows: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        migrate_office(demo, str(target), progress=cancel)
    assert not target.exists()


def test_a_file_of_another_kind_is_refused(demo: Database, tmp_path: Path) -> None:
    target = tmp_path / "notes.sqlite3"
    target.write_text("not a database", encoding="utf-8")
    with pytest.raises(MoveError, match="不会覆盖"):
        migrate_office(demo, str(target))
    assert target.read_text(encoding="utf-8") == "not a database"


def test_cli_moves_then_refuses_a_second_time(demo_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    shutil.copyfile(demo_file, source)
    target = tmp_path / "target.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "nanmu_desktop", "--db", str(source)]
    command += ["migrate-to", str(target)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0, first.stderr
    assert "全部通过" in first.stdout
    checked = subprocess.run(
        [sys.executable, "-m", "nanmu_desktop", "--db", str(target), "check"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert checked.returncode == 0, checked.stdout
    second = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert second.returncode == 2
    assert "不是空的" in second.stderr and "Traceback" not in second.stderr


def test_cli_moves_onto_a_server_and_back(
    demo_file: Path, tmp_path: Path, empty_server_db: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "nanmu_desktop", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    onto = cli("--db", str(demo_file), "migrate-to", empty_server_db)
    assert onto.returncode == 0, onto.stderr
    checked = cli("--db", empty_server_db, "check")
    assert checked.returncode == 0, checked.stdout
    back = tmp_path / "back.sqlite3"
    assert cli("--db", empty_server_db, "migrate-to", str(back)).returncode == 0
    assert cli("--db", str(back), "check").returncode == 0
