"""Sessions: pragmas on every connection, one transaction each, BEGIN IMMEDIATE for writers
(on PostgreSQL the app's advisory lock); a reader keeps one snapshot and blocks no writer."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from nanmu_desktop.storage import Database
from nanmu_desktop.storage.models import Department
from nanmu_desktop.storage.sqlite_errors import DatabaseBusyError


@pytest.mark.sqlite_only
@pytest.mark.parametrize("kind", ["session", "write_session"])
def test_pragmas_hold_on_every_connection(db: Database, kind: str) -> None:
    opener = getattr(db, kind)
    with opener() as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA foreign_keys")) == 1
        assert session.scalar(text("PRAGMA synchronous")) == 2  # FULL
        assert (session.scalar(text("PRAGMA busy_timeout")) or 0) > 0


def test_a_session_commits_when_the_block_ends(db: Database) -> None:
    with db.session() as session:
        session.add(Department(name="党政综合办公室"))
    with db.session() as session:
        assert session.scalar(select(Department.name)) == "党政综合办公室"


def test_a_session_rolls_back_everything_when_the_block_raises(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Department(name="社会事务办公室"))
        session.flush()
        raise RuntimeError("中途失败")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Department)) == 0


def test_a_failed_write_undoes_the_earlier_writes_of_its_session(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)unique"), db.session() as session:
        session.add(Department(name="综合行政执法办公室"))
        session.flush()
        session.add(Department(name="综合行政执法办公室"))
        session.flush()
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Department)) == 0


@pytest.mark.sqlite_only
def test_write_session_holds_the_write_lock_from_its_start(db: Database) -> None:
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.write_session() as session:
            session.scalar(text("SELECT 1"))  # the transaction has begun
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released on commit
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.sqlite_only
def test_a_plain_session_does_not_block_writers_while_it_reads(db: Database) -> None:
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.session() as session:
            session.scalar(select(func.count()).select_from(Department))
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_objects_stay_readable_after_the_session_ends(db: Database) -> None:
    with db.session() as session:
        department = Department(name="应急管理和安全生产办公室")
        session.add(department)
    assert department.name == "应急管理和安全生产办公室"
    assert department.id is not None


@pytest.mark.sqlite_only
def test_a_write_overtaken_by_another_program_is_a_clear_busy_error(db: Database) -> None:
    """A read snapshot cannot become a write after someone else committed (WAL)."""
    other = sqlite3.connect(db.path, isolation_level=None)
    try:
        with pytest.raises(DatabaseBusyError, match="稍后重试"), db.session() as session:
            session.scalar(select(func.count()).select_from(Department))
            other.execute(
                "INSERT INTO departments (name, sort_order, active, created_at, "
                "updated_at) VALUES ('党政综合办公室', 0, 1, '2026-01-01', '2026-01-01')"
            )
            session.add(Department(name="社会事务办公室"))
    finally:
        other.close()
    with db.session() as session:
        names = session.scalars(select(Department.name)).all()
    assert names == ["党政综合办公室"]


def test_a_second_writer_waits_for_the_first_then_goes_on(db: Database) -> None:
    """Two writers of one database (two windows, two PCs) queue, neither fails."""
    entered = threading.Event()

    def second() -> None:
        with db.write_session() as session:
            entered.set()
            session.add(Department(name="社会事务办公室"))

    with db.write_session() as session:
        session.add(Department(name="党政综合办公室"))
        session.flush()
        waiter = threading.Thread(target=second)
        waiter.start()
        time.sleep(0.5)
        assert not entered.is_set()  # held at the door while the first writes
    waiter.join(timeout=30)
    assert entered.is_set()
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Department)) == 2


def test_a_reader_keeps_its_snapshot_while_another_writes(db: Database) -> None:
    with db.session() as session:
        before = session.scalar(select(func.count()).select_from(Department))
        with db.write_session() as writer:  # not blocked by the reader
            writer.add(Department(name="党政综合办公室"))
        again = session.scalar(select(func.count()).select_from(Department))
    assert before == again == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Department)) == 1
