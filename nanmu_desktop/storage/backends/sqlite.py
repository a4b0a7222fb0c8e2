"""The embedded default: one SQLite file on the office PC (WAL, foreign keys, FULL sync), the
write lock taken with BEGIN IMMEDIATE, the search index in FTS5."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, Integer, Select, column, create_engine, event, exc, select, text
from sqlalchemy import table as table_clause
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..search_index import FTS_TABLE, index_text, match_expression
from .base import BEGIN_OPTION, Backend

BUSY_TIMEOUT_MS = 10_000
# Taking the write lock: each attempt waits up to BUSY_TIMEOUT_MS inside SQLite, then backs off.
WRITE_ATTEMPTS = 4
WRITE_BACKOFF_S = 0.05

_FTS = table_clause(FTS_TABLE, column("rowid", Integer))


class SQLiteBackend(Backend):
    name = "sqlite"

    def make_engine(self, path: Path, *, read_only: bool = False) -> Engine:
        # The pool hands a connection to whichever worker thread holds a session.
        url = URL.create("sqlite", database=str(path))  # no URL parsing: '?' or '#' stay
        if read_only:
            uri = path.resolve().as_uri() + "?mode=ro"  # nothing created, nothing written

            def creator() -> sqlite3.Connection:
                return sqlite3.connect(uri, uri=True, check_same_thread=False)

            engine = create_engine(url, creator=creator)
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False})

        def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            _on_connect(dbapi_connection)

        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine

    def set_journal_mode(self, engine: Engine, journal: str) -> None:
        """The journal mode is kept in the file, so once per open is enough."""
        raw = engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            driver.execute(f"PRAGMA journal_mode = {journal}")
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                raise
            # another process has the file open right now: it keeps the mode it has
        finally:
            raw.close()

    def quick_check(self, connection: Connection) -> str:
        return str(connection.exec_driver_sql("PRAGMA quick_check(1)").scalar_one())

    def write_options(self) -> dict[str, object]:
        return {BEGIN_OPTION: "IMMEDIATE"}

    def read_options(self) -> dict[str, object]:
        return {}

    def take_write_lock(self, session: Session) -> None:
        """BEGIN IMMEDIATE now (not at the first statement), retried a few times with backoff."""
        for attempt in range(WRITE_ATTEMPTS):
            session.begin()
            try:
                session.connection()  # emits BEGIN IMMEDIATE through the engine's begin hook
                return
            except exc.OperationalError as err:
                session.rollback()
                message = str(err.orig)
                transient = "locked" in message or "busy" in message or "disk I/O" in message
                if not transient or attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(WRITE_BACKOFF_S * (2**attempt) * (1 + random.random()))

    def lock_series(self, session: Session, prefix: str, year: int) -> None:
        pass  # BEGIN IMMEDIATE already holds the whole file's write lock

    def table_names(self, connection: Connection) -> set[str]:
        query = text("SELECT name FROM sqlite_master WHERE type = 'table'")
        return set(connection.execute(query).scalars())

    def trigger_names(self, session: Session) -> set[str]:
        query = text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return set(session.execute(query).scalars())

    def structure_problems(self, session: Session) -> list[str]:
        # Read the schema first: a cached PRAGMA run as the first statement of a transaction
        # has been seen to report nothing.
        session.execute(text("SELECT count(*) FROM sqlite_master"))
        rows = [str(row[0]) for row in session.execute(text("PRAGMA integrity_check"))]
        return [] if rows == ["ok"] else rows

    def foreign_key_problems(self, session: Session) -> list[str]:
        session.execute(text("SELECT count(*) FROM sqlite_master"))
        rows = session.execute(text("PRAGMA foreign_key_check")).all()
        return [
            f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在"
            for table, rowid, parent, _ in rows
        ]

    def index_cases(self, connection: Connection, rows: Sequence[tuple[int, list[str]]]) -> None:
        self.unindex_cases(connection, [case_id for case_id, _ in rows])
        if rows:
            insert = text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:id, :body)")
            connection.execute(
                insert, [{"id": case_id, "body": index_text(parts)} for case_id, parts in rows]
            )

    def unindex_cases(self, connection: Connection, case_ids: Sequence[int]) -> None:
        if case_ids:
            delete = text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id")
            connection.execute(delete, [{"id": case_id} for case_id in case_ids])

    def matching_case_ids(self, query: str) -> Select[int] | None:
        expression = match_expression(query)
        if expression is None:
            return None
        matching = text(f"{FTS_TABLE} MATCH :match").bindparams(match=expression)
        return select(_FTS.c.rowid).where(matching)


def _on_connect(dbapi_connection: sqlite3.Connection) -> None:
    # Turn off pysqlite's own transaction handling: _on_begin emits BEGIN, so DDL in
    # migrations is transactional too and BEGIN IMMEDIATE is possible.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")
