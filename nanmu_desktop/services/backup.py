"""备份: a consistent copy of the open database through SQLite's online backup API, or of a
server database through `pg_dump` (services/server_backup.py).

The copy is taken while the app keeps running (WAL readers and writers are not blocked for
long), written under a temporary name, checked with `PRAGMA quick_check` (a dump: read back
with `pg_restore --list`), and only then given its final name — a failed backup never leaves a
file that looks like a good one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.township import short_name
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.server_backup import DUMP_SUFFIX, ServerToolError, dump
from nanmu_desktop.storage.db import Database


class BackupError(NanmuError):
    """The backup could not be written (folder missing, no space, read-only medium)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    taken_at: datetime


SQLITE_SUFFIX = ".sqlite3"


def backup_file_name(
    moment: datetime, township: str = "", kind: str = "备份", suffix: str = SQLITE_SUFFIX
) -> str:
    """萨马街鄂温克民族乡容错纠错-备份-20261130-101500.sqlite3 (the township's short name; `kind`
    tells a clerk's backup from an automatic one or the copy kept before a restore; a server
    database's backup ends in .dump)."""
    return f"{short_name(township)}容错纠错-{kind}-{moment:%Y%m%d-%H%M%S}{suffix}"


def is_server(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def check_target_folder(folder: Path) -> None:
    """A folder that is not there (an unplugged USB stick) is never created on the local disk;
    a read-only one is named as such — both before anything is written."""
    if not folder.is_dir():
        what = "不是文件夹" if folder.exists() else "不存在"
        raise BackupError(
            f"备份失败：备份文件夹“{folder}”{what}（U 盘或移动硬盘是否已拔出？）。未做任何备份。"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(f"备份失败：备份文件夹“{folder}”是只读的或没有写入权限。未做任何备份。")


def backup_database(
    db: Database,
    folder: Path,
    *,
    now: datetime | None = None,
    actor: str = DEFAULT_ACTOR,
    kind: str = "备份",
) -> BackupInfo:
    """Copy `db` into `folder` as one self-contained SQLite file; returns where and how big."""
    require(db, Operation.backup)
    moment = now or datetime.now()
    from nanmu_desktop.services.settings import get_profile

    check_target_folder(folder)
    suffix = DUMP_SUFFIX if is_server(db) else SQLITE_SUFFIX
    target = folder / backup_file_name(moment, get_profile(db).name_zh, kind, suffix)
    # Unique per writer: two backups in the same second (daily and on exit) never share one.
    partial = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.part")
    try:
        partial.unlink(missing_ok=True)
        if is_server(db):
            dump(db.engine.url, partial)
        else:
            _copy(db, partial)
        partial.replace(target)
    except ServerToolError as err:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{err.message}未做任何备份。") from err
    except (OSError, sqlite3.Error) as err:
        with contextlib.suppress(OSError):  # a read-only medium: nothing was written either
            partial.unlink(missing_ok=True)
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        if isinstance(err, OSError) and err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            reason = "存储介质为只读或没有写入权限"
        if isinstance(err, sqlite3.Error) and "unable to open" in str(err):
            reason = "无法在该文件夹中建立文件，可能是只读的或没有写入权限"
        raise BackupError(
            f"备份失败：无法写入 {folder}（{reason}）。请检查文件夹和磁盘空间。"
        ) from err
    info = BackupInfo(target, target.stat().st_size, moment)
    if db.read_only:
        return info  # a read-only window records nothing
    with db.write_session() as session:
        audit(session, actor, "backup", "database", 1, None,
              {"path": str(target), "size": info.size})
    return info


def _copy(db: Database, partial: Path) -> None:
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination, pages=1024)  # in steps: writers get turns meanwhile
            destination.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
            (result,) = destination.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise sqlite3.DatabaseError(f"备份文件校验未通过：{result}")
        finally:
            destination.close()
    finally:
        raw.close()
