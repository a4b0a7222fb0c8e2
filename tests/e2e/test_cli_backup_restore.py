"""`backup` and `restore` as processes: the round trip, a restored old backup never re-issuing a
number, a foreign -wal never replayed, missing and read-only targets refused clearly; paths:
read-only commands create nothing, a foreign database is refused, the error log beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    done = run_cli("--db", path, "demo")
    assert done.code == 0, done.err
    return path


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    copy = folder / "nanmu.sqlite3"
    shutil.copyfile(demo, copy)
    return copy


def issue(db: Path, kind: str = "notification") -> str:
    done = run_cli("--db", db, "notice", "--case", "RC-2026-001", "--kind", kind,
                   "-o", db.parent / f"{kind}.pdf", "--issue")
    assert done.code == 0, done.err
    return done.out.strip()


def backup(db: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    done = run_cli("--db", db, "backup", "-o", folder)
    assert done.code == 0, done.err
    (made,) = folder.glob("*.sqlite3")
    return made


def counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as con:
        return (con.execute("SELECT count(*) FROM cases").fetchone()[0],
                con.execute("SELECT count(*) FROM issued_documents").fetchone()[0])


def test_round_trip_shows_the_backup_keeps_the_current_file_and_never_reissues(
    db: Path, tmp_path: Path
) -> None:
    saved = backup(db, tmp_path / "usb")
    before = counts(db)
    later = issue(db)  # issued after the backup was taken
    restored = run_cli("--db", db, "restore", saved, "--yes")
    assert restored.code == 0, restored.err
    assert "检查：通过" in restored.out and "最后文号：" in restored.out
    assert f"案件：{before[0]} 件" in restored.out
    assert "原数据库已备份到" in restored.out
    assert counts(db) == before
    (kept,) = (db.parent / "恢复前备份").glob("*.sqlite3")
    assert counts(kept) == (before[0], before[1] + 1)
    again = issue(db)
    assert again != later  # the number issued after the backup is not handed out again
    check = run_cli("--db", db, "check")
    assert check.code == 0, check.out


def test_a_wal_beside_the_backup_or_the_database_is_never_replayed(
    db: Path, tmp_path: Path
) -> None:
    saved = backup(db, tmp_path / "usb")
    cases, _ = counts(saved)
    # A WAL of another history beside the backup, and one beside the database being replaced.
    foreign = tmp_path / "foreign.sqlite3"
    shutil.copyfile(db, foreign)
    with sqlite3.connect(foreign) as con:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("DROP TRIGGER IF EXISTS cases_unindex")
        con.execute("DELETE FROM case_officers")
        con.execute("DELETE FROM cases")
        shutil.copyfile(str(foreign) + "-wal", str(saved) + "-wal")
        shutil.copyfile(str(foreign) + "-wal", str(db) + "-wal")
    done = run_cli("--db", db, "restore", saved, "--yes")
    assert done.code == 0, done.err
    assert counts(db)[0] == cases
    assert run_cli("--db", db, "check").code == 0


def test_a_missing_or_read_only_target_is_refused_and_nothing_is_created(
    db: Path, tmp_path: Path
) -> None:
    unplugged = tmp_path / "E盘" / "备份"
    missing = run_cli("--db", db, "backup", "-o", unplugged)
    assert_refused(missing)
    assert "不存在" in missing.err
    assert not unplugged.exists() and not unplugged.parent.exists()
    if os.geteuid() == 0:  # root writes into a mode-555 folder; sysfs refuses even root
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no read-only folder for root")
        read_only = run_cli("--db", db, "backup", "-o", "/sys/kernel")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            read_only = run_cli("--db", db, "backup", "-o", locked)
        finally:
            locked.chmod(0o755)
    assert_refused(read_only)
    assert "只读" in read_only.err


def test_a_backup_that_is_not_ours_is_refused(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
    before = db.read_bytes()
    assert_refused(run_cli("--db", db, "restore", other, "--yes"))
    assert db.read_bytes() == before


def test_read_only_commands_on_a_mistyped_path_create_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "nanmu-typo" / "nanmu.sqlite3"
    for command in (("cases",), ("check",), ("documents",), ("case", "show", "1")):
        assert_refused(run_cli("--db", typo, *command))
    assert not typo.parent.exists()


def test_another_alembic_database_is_refused_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        con.execute("INSERT INTO alembic_version VALUES ('a1b2c3d4e5f6')")
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = foreign.read_bytes()
    done = run_cli("--db", foreign, "demo")
    assert_refused(done)
    assert "其他程序的数据库" in done.err
    assert foreign.read_bytes() == before
