"""Opening the database (a SQLite file, or a PostgreSQL server's database): checks, upgrade to
head, sessions and the one write path. What only one engine does is in `backends/`."""

from __future__ import annotations

import errno
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event, exc
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from nanmu_desktop.errors import DatabaseOpenError

from . import migrate
from .audit import CHAIN_HASH_INFO, CHANGES_INFO
from .backends import backend_named, is_server_location
from .backends.base import BEGIN_OPTION, Backend
from .backends.sqlite import SQLiteBackend
from .file_location import network_warning
from .search_index import sync_after_flush
from .sqlite_errors import describe, translated_errors

if TYPE_CHECKING:
    from nanmu_desktop.domain.roles import Actor

SQLITE_HEADER = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024
__all__ = ["BEGIN_OPTION", "Database", "OpChanges", "open_database"]
# A read error of the medium (USB stick, share) is retried before it is reported.
READ_ATTEMPTS = 3
OS_REASONS = {
    errno.ENOENT: "路径不存在。",
    errno.ENOTDIR: "路径中有一段不是文件夹。",
    errno.EACCES: "没有访问该位置的权限。",
    errno.EPERM: "没有访问该位置的权限。",
    errno.EROFS: "存储介质为只读。",
    errno.ENOSPC: "磁盘空间不足。",
}


@dataclass(frozen=True)
class OpChanges:
    """What one committed operation changed: (entity, id, action) per audit row, so the UI
    refreshes the screens that show those entities (like Anki's OpChanges)."""

    changes: tuple[tuple[str, str, str], ...]

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(entity for entity, _, _ in self.changes)

    def ids(self, entity: str) -> frozenset[str]:
        return frozenset(i for e, i, _ in self.changes if e == entity)


class Database:
    """One open database. Sessions are short: one per operation, never shared by threads.

    Reads use `session()`; every write goes through `write_session()` — the one operation
    helper: write lock first (SQLite: BEGIN IMMEDIATE, busy timeout; PostgreSQL: the app's
    advisory lock, lock timeout; both with bounded retry and backoff), the audit rows inside,
    and after commit an `OpChanges` to every change listener.
    """

    # Tests set this: a flush with changes in a read session is then a bug that fails loudly.
    strict_writes = False

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool = False,
        warnings: tuple[str, ...] = (),
        chain_hash: str = "sha256",
        backend: Backend | None = None,
        location: str | None = None,
    ) -> None:
        # For a server database `path` is a local folder's stand-in (user data folder).
        self.path = path
        self.engine = engine
        self.backend: Backend = backend or backend_named(engine.dialect.name)
        # What to show the clerk: the file path, or the server URL without its password.
        self.location = location or str(path)
        # The logged-in user (None before login, or in a database without users); every
        # session carries it in `session.info["user"]` for the services' checks and audit rows.
        self.user: Actor | None = None
        self.read_only = read_only
        self.warnings = warnings
        self._listeners: list[Callable[[OpChanges], None]] = []
        info = {CHAIN_HASH_INFO: chain_hash}
        self._sessions = sessionmaker(
            engine.execution_options(**self.backend.read_options()),
            expire_on_commit=False,
            info=info,
        )
        self._write_sessions = sessionmaker(
            engine.execution_options(**self.backend.write_options()),
            expire_on_commit=False,
            info=info,
        )
        for factory in (self._sessions, self._write_sessions):
            event.listen(factory, "after_flush", sync_after_flush)
        event.listen(self._sessions, "before_flush", _refuse_unlocked_write)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One read transaction: a consistent snapshot; never write through it.

        A busy, full or read-only file raises DatabaseBusyError / DatabaseWriteError, and a
        protective trigger's refusal ConflictError, each with its Chinese message.
        """
        with translated_errors(), self._sessions() as session, session.begin():
            session.info["user"] = self.user
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """The one write path: takes the write lock at once (see the class), so what it reads
        — a register's last number, the audit chain's last hash — cannot change before it
        writes; commits when the block ends, rolls back if it raises; then tells the listeners
        what changed."""
        with translated_errors():
            session = self._write_sessions()
            try:
                self.backend.take_write_lock(session)
                session.info["user"] = self.user
                try:
                    yield session
                except BaseException:
                    session.rollback()
                    raise
                session.commit()
                changes = OpChanges(tuple(session.info.get(CHANGES_INFO, ())))
            finally:
                session.info.pop(CHANGES_INFO, None)
                session.close()
        if changes.changes:
            for listener in list(self._listeners):
                listener(changes)

    operation = write_session

    def add_change_listener(self, listener: Callable[[OpChanges], None]) -> None:
        """Called after each committed write, in the writing thread."""
        self._listeners.append(listener)

    def remove_change_listener(self, listener: Callable[[OpChanges], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def close(self) -> None:
        self.engine.dispose()


def _refuse_unlocked_write(session: Session, _context: Any, _instances: Any) -> None:
    if Database.strict_writes and (session.new or session.dirty or session.deleted):
        raise RuntimeError("写入必须经由 Database.write_session()（读事务中不得写入）")


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    read_only: bool = False,
    chain_hash: str = "sha256",
) -> Database:
    """Open and upgrade the database at `path` (a file, or a `postgresql://` URL), or raise
    DatabaseOpenError.

    `create=False` (read-only commands) refuses a missing file instead of making one;
    `read_only=True` opens without writing anything (a second instance, a backup to inspect).
    """
    if is_server_location(path):
        from .server import open_server

        return open_server(str(path), create=create, read_only=read_only, chain_hash=chain_hash)
    path = Path(path)
    _check_file(path, create=create and not read_only)
    warning = network_warning(path)
    journal = "DELETE" if warning else "WAL"
    engine = _SQLITE.make_engine(path, read_only=read_only)
    for attempt in range(READ_ATTEMPTS):
        try:
            _open_checked(engine, path, read_only, journal)
            break
        except exc.DBAPIError as err:
            if "disk I/O" in str(err.orig) and attempt < READ_ATTEMPTS - 1:
                engine.dispose()
                time.sleep(0.2 * (attempt + 1))
                continue
            engine.dispose()
            if "disk I/O" in str(err.orig):
                raise DatabaseOpenError(
                    f"读取数据库文件“{path}”时发生输入输出错误（已重试 {READ_ATTEMPTS} 次）。"
                    "这通常是暂时的（存储设备松动、网络中断等），并不表示文件已损坏；"
                    "请检查设备后重试。"
                ) from err
            raise DatabaseOpenError(f"无法打开数据库文件“{path}”：{describe(err)}") from err
        except DatabaseOpenError:
            engine.dispose()
            raise
    return Database(
        path,
        engine,
        read_only=read_only,
        warnings=(warning,) if warning else (),
        chain_hash=chain_hash,
        backend=_SQLITE,
    )


_SQLITE = SQLiteBackend()


def _open_checked(engine: Engine, path: Path, read_only: bool, journal: str) -> None:
    with engine.connect() as connection:
        _check_readable(connection, path)
    if not read_only:
        # Only once the file is known to be ours (a foreign file is left byte for byte as it
        # was).
        _SQLITE.set_journal_mode(engine, journal)
    with engine.connect() as connection:
        if migrate.current_revision(connection) != migrate.head_revision():
            connection.rollback()
            if read_only:
                raise DatabaseOpenError(
                    f"数据库文件“{path}”需要升级结构，只读方式无法打开；请先以读写方式打开一次。"
                )
            _upgrade(engine)


def _check_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise DatabaseOpenError(f"无法打开数据库文件“{path}”：这是一个文件夹。")
    if not create and not path.exists():
        raise DatabaseOpenError(
            f"数据库文件“{path}”不存在，请检查路径（查看类命令不会新建数据库）。"
        )
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


def _check_readable(connection: Connection, path: Path) -> None:
    """Refuse a damaged file or someone else's SQLite database before touching it."""
    # quick_check reads every page: affordable at each start for any realistic office file;
    # beyond the cap only the schema is read here and `storage.checks` does the full check.
    if path.exists() and path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
        problems = _SQLITE.quick_check(connection)
    else:
        problems = "ok"
    if problems != "ok":
        raise DatabaseOpenError(f"数据库文件“{path}”已损坏（{problems}），请从备份恢复。")
    check_ours(connection, _SQLITE.table_names(connection), f"数据库文件“{path}”", "该文件")


def check_ours(connection: Connection, tables: set[str], named: str, this: str) -> None:
    """Refuse someone else's database, or one of a newer version of the app, untouched.
    `named` names it in a message (数据库文件“…”), `this` refers to it (该文件)."""
    if tables and "alembic_version" not in tables:
        raise DatabaseOpenError(f"无法打开{named}：{this}不是本系统的数据库。")
    current = migrate.current_revision(connection)
    if tables - {"alembic_version"} and current is None:
        raise DatabaseOpenError(f"无法打开{named}：{this}不是本系统的数据库。")
    if current not in (None, migrate.HEAD_REVISION) and current not in migrate.known_revisions():
        if "cases" not in tables or "audit_log" not in tables:
            raise DatabaseOpenError(
                f"无法打开{named}：这是其他程序的数据库（结构版本 {current}），"
                "本系统不会改动它。"
            )
        raise DatabaseOpenError(
            f"{named}由更新版本的容错纠错办理系统创建（结构版本 {current}），"
            "请升级本软件后再打开。"
        )


def _upgrade(engine: Engine) -> None:
    # Under the write lock, so two copies of the app opening one old file upgrade it once.
    with engine.connect().execution_options(**{BEGIN_OPTION: "IMMEDIATE"}) as connection:
        connection.begin()
        if migrate.current_revision(connection) != migrate.head_revision():
            migrate.upgrade_to_head(connection)
        connection.commit()
