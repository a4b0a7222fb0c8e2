"""备份: a consistent copy of the open database through SQLite's online backup API.

The copy is taken while the app keeps running (WAL readers and writers are not blocked for
long), written under a temporary name, checked with `PRAGMA quick_check`, and only then given
its final name — a failed backup never leaves a file that looks like a good one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.db import Database


class BackupError(NanmuError):
    """The backup could not be written (folder missing, no space, read-only medium)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    taken_at: datetime


def backup_file_name(moment: datetime) -> str:
    return f"南木容错纠错-备份-{moment:%Y%m%d-%H%M%S}.sqlite3"


def backup_database(
    db: Database, folder: Path, *, now: datetime | None = None, actor: str = DEFAULT_ACTOR
) -> BackupInfo:
    """Copy `db` into `folder` as one self-contained SQLite file; returns where and how big."""
    moment = now or datetime.now()
    target = folder / backup_file_name(moment)
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        _copy(db, partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as err:
        partial.unlink(missing_ok=True)
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise BackupError(
            f"备份失败：无法写入 {folder}（{reason}）。请检查文件夹和磁盘空间。"
        ) from err
    info = BackupInfo(target, target.stat().st_size, moment)
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
