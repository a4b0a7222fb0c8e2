"""Automatic backups: one a day (at start when the day has none yet) and one on exit, kept in a
folder of their own with a retention count, so a bad day is never more than a day lost."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from nanmu_desktop.services.backup import SQLITE_SUFFIX, BackupInfo, backup_database
from nanmu_desktop.services.server_backup import DUMP_SUFFIX
from nanmu_desktop.storage.db import Database

AUTO_KIND = "自动备份"  # the backups this module keeps and prunes: *容错纠错-自动备份-*
AUTO_FOLDER_NAME = "自动备份"
KEEP_DEFAULT = 14
SUFFIXES = (SQLITE_SUFFIX, DUMP_SUFFIX)  # a file's backups, a server database's dumps


def default_folder(db_path: Path) -> Path:
    """Beside the database unless 设置 names another folder (e.g. on a second disk)."""
    return db_path.parent / AUTO_FOLDER_NAME


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, oldest first (the name carries the time)."""
    if not folder.is_dir():
        return []
    found = (p for p in folder.glob(f"*容错纠错-{AUTO_KIND}-*") if p.suffix in SUFFIXES)
    return sorted(found, key=lambda p: p.name.rsplit(f"-{AUTO_KIND}-", 1)[-1])


def daily_due(folder: Path, now: datetime | None = None) -> bool:
    day = (now or datetime.now()).strftime("%Y%m%d")
    return not any(f"容错纠错-{AUTO_KIND}-{day}" in p.name for p in automatic_backups(folder))


def auto_backup(
    db: Database,
    folder: Path,
    *,
    keep: int = KEEP_DEFAULT,
    now: datetime | None = None,
    only_if_due: bool = False,
) -> BackupInfo | None:
    """Back up into `folder` (made if it is the default beside the database), then drop the
    oldest automatic backups beyond `keep`. With `only_if_due`, only when today has none."""
    if only_if_due and not daily_due(folder, now):
        return None
    if folder == default_folder(db.path):
        folder.mkdir(parents=True, exist_ok=True)  # a server's stand-in folder may be new too
    info = backup_database(db, folder, now=now, actor="自动备份", kind=AUTO_KIND)
    for old in automatic_backups(folder)[: max(0, len(automatic_backups(folder)) - keep)]:
        old.unlink(missing_ok=True)
    return info
