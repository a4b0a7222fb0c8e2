"""Opening the database file: checks, per-connection pragmas, upgrade to head, sessions."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, exc, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from nanmu_desktop.errors import DatabaseOpenError

from . import migrate
from .search_index import sync_after_flush
from .sqlite_errors import describe, translated_errors

if TYPE_CHECKING:
    from nanmu_desktop.domain.roles import Actor

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
# The execution option our "begin" hook reads: DEFERRED for reads, IMMEDIATE for allocators.
BEGIN_OPTION = "nanmu_begin"
OS_REASONS = {
    errno.ENOENT: "路径不存在。",
    errno.ENOTDIR: "路径中有一段不是文件夹。",
    errno.EACCES: "没有访问该位置的权限。",
    errno.EPERM: "没有访问该位置的权限。",
    errno.EROFS: "存储介质为只读。",
    errno.ENOSPC: "磁盘空间不足。",
}


class Database:
    """One open database file. Sessions are short: one per operation, never shared by threads."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        # The logged-in user (None before login, or in a database without users); every
        # session carries it in `session.info["user"]` for the services' checks and audit rows.
        self.user: Actor | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False
        )
        for factory in (self._sessions, self._write_sessions):
            event.listen(factory, "after_flush", sync_after_flush)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A busy, full or read-only file raises DatabaseBusyError / DatabaseWriteError, and a
        protective trigger's refusal ConflictError, each with its Chinese message.
        """
        with translated_errors(), self._sessions() as session, session.begin():
            session.info["user"] = self.user
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """Like `session()`, but takes the write lock at once (BEGIN IMMEDIATE), so what it reads
        — e.g. the last number of a register — cannot change before it writes."""
        with translated_errors(), self._write_sessions() as session, session.begin():
            session.info["user"] = self.user
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (creating if absent) and upgrade the database at `path`, or raise DatabaseOpenError."""
    path = Path(path)
    _check_file(path)
    engine = _make_engine(path)
    try:
        with engine.connect() as connection:
            _check_readable(connection, path)
            if migrate.current_revision(connection) != migrate.head_revision():
                connection.rollback()
                _upgrade(engine, path)
    except exc.DBAPIError as err:
        engine.dispose()
        raise DatabaseOpenError(f"无法打开数据库文件“{path}”：{describe(err)}") from err
    except DatabaseOpenError:
        engine.dispose()
        raise
    return Database(path, engine)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseOpenError(f"无法打开数据库文件“{path}”：这是一个文件夹。")
    try:
        if path.exists():
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
            # An empty file is a new database to SQLite; anything else must carry the header.
            if header and header != SQLITE_HEADER:
                raise DatabaseOpenError(
                    f"无法打开数据库文件“{path}”：该文件不是本系统的数据库文件。"
                )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = OS_REASONS.get(err.errno or 0, "无法访问该路径。")
        raise DatabaseOpenError(f"无法打开数据库文件“{path}”：{reason}") from err


def _make_engine(path: Path) -> Engine:
    # The pool hands a connection to whichever worker thread holds a session.
    url = URL.create("sqlite", database=str(path))  # no URL parsing: '?' or '#' stay in the name
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Turn off pysqlite's own transaction handling: _on_begin emits BEGIN, so DDL in
    # migrations is transactional too and BEGIN IMMEDIATE is possible.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _check_readable(connection: Connection, path: Path) -> None:
    """Refuse a damaged file or someone else's SQLite database before touching it."""
    # quick_check reads every page: affordable at each start for any realistic office file;
    # beyond the cap only the schema is read here and `storage.checks` does the full check.
    if path.exists() and path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
        problems = connection.exec_driver_sql("PRAGMA quick_check(1)").scalar_one()
    else:
        problems = "ok"
    if problems != "ok":
        raise DatabaseOpenError(f"数据库文件“{path}”已损坏（{problems}），请从备份恢复。")
    tables = set(
        connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars()
    )
    if tables and "alembic_version" not in tables:
        raise DatabaseOpenError(f"无法打开数据库文件“{path}”：该文件不是本系统的数据库。")
    current = migrate.current_revision(connection)
    if current not in (None, migrate.HEAD_REVISION) and current not in migrate.known_revisions():
        raise DatabaseOpenError(
            f"数据库文件“{path}”由更新版本的容错纠错办理系统创建（结构版本 {current}），"
            "请升级本软件后再打开。"
        )


def _upgrade(engine: Engine, path: Path) -> None:
    # Under the write lock, so two copies of the app opening one old file upgrade it once.
    with engine.connect().execution_options(**{BEGIN_OPTION: "IMMEDIATE"}) as connection:
        connection.begin()
        if migrate.current_revision(connection) != migrate.head_revision():
            migrate.upgrade_to_head(connection)
        connection.commit()
