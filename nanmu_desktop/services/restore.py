"""恢复: put a backup in place of the database file, safely.

Only the backup's main file is read — a `-wal` lying beside it (or beside the database being
replaced) is never replayed into the restored copy. The backup is staged beside the database,
opened and checked (what it holds is shown first: date, cases, last 文号); the current file is
backed up before it is replaced; and the register's high-water marks of the current file are
carried into the restored one, so numbers issued after the backup was taken are never issued
again. The restore row in the audit log names the numbers thus accounted for.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nanmu_desktop.errors import DatabaseOpenError, NanmuError
from nanmu_desktop.services.backup import BackupInfo, backup_database
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.db import Database, open_database
from nanmu_desktop.storage.models import (
    AuditEntry,
    Case,
    IssuedDocument,
    NumberHighWater,
    NumberRegister,
)
from nanmu_desktop.storage.sqlite_errors import DatabaseWriteError

KEEP_FOLDER_NAME = "恢复前备份"
STAGE_SUFFIX = ".restore-part"


class RestoreError(NanmuError):
    """The backup cannot be restored (unreadable, not ours, failing its checks)."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    last_change: datetime | None  # the newest audit row: when the data was last changed
    cases: int
    documents: int
    last_number: str  # the 文号 issued last, "" when none
    problems: tuple[str, ...]  # failed checks; empty when the backup holds

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RestoreResult:
    summary: BackupSummary
    kept: BackupInfo | None  # the copy of the replaced file
    carried: tuple[str, ...]  # e.g. "鄂政发〔2026〕：已签发至 5号（备份中止于 3号）"


def inspect_backup(path: Path) -> BackupSummary:
    """What the backup holds and whether it passes the checks; nothing is changed. A server
    database's dump (pg_dump) is read with pg_restore; its checks run when it is restored."""
    from nanmu_desktop.services.server_restore import inspect_dump, is_dump

    if is_dump(path):
        return inspect_dump(path)
    with tempfile.TemporaryDirectory(prefix="nanmu-inspect-") as folder:
        staged = _stage(path, Path(folder) / "backup.sqlite3")
        db = _open_staged(staged, path)
        try:
            return _summary(db, path)
        finally:
            db.close()


def restore_database(
    db_path: Path,
    backup: Path,
    *,
    keep_folder: Path | None = None,
    force: bool = False,
    actor: str = DEFAULT_ACTOR,
) -> RestoreResult:
    """Replace the (closed) database at `db_path` with `backup`; see the module docstring.

    The caller must have closed every connection to `db_path`. A backup failing its checks is
    refused unless `force`."""
    db_path = Path(db_path)
    staged = _stage(backup, db_path.with_name(db_path.name + STAGE_SUFFIX))
    try:
        db = _open_staged(staged, backup)
        try:
            summary = _summary(db, backup)
            if summary.problems and not force:
                raise RestoreError(
                    f"备份文件“{backup}”未通过检查，未恢复：{'；'.join(summary.problems)}"
                )
            kept, marks = _keep_current(db_path, keep_folder, actor)
            carried = carry_marks(db, marks, backup, kept, actor)
        finally:
            db.close()
        _single_file(staged)
        _retire_journal(db_path)
        os.replace(staged, db_path)
    except OSError as err:
        raise RestoreError(f"恢复失败：{err.strerror or err}（{err.filename or db_path}）") from err
    finally:
        for leftover in (staged, *_journal_files(staged)):
            leftover.unlink(missing_ok=True)
    return RestoreResult(summary, kept, carried)


def _stage(source: Path, target: Path) -> Path:
    """Copy only the main file: whatever -wal lies beside it belongs to another history."""
    try:
        with source.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise RestoreError(f"“{source}”不是本系统的备份文件（不是 SQLite 数据库）。")
        for leftover in (target, *_journal_files(target)):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(source, target)
    except OSError as err:
        raise RestoreError(f"无法读取备份文件“{source}”：{err.strerror or err}") from err
    return target


def _open_staged(staged: Path, source: Path) -> Database:
    try:
        return open_database(staged, create=False)
    except DatabaseOpenError as err:
        raise RestoreError(f"无法使用备份文件“{source}”：{err.message}") from err


def _summary(db: Database, path: Path) -> BackupSummary:
    with db.session() as session:
        last_change = session.scalar(select(func.max(AuditEntry.at)))
        cases = session.scalar(select(func.count()).select_from(Case)) or 0
        documents = session.scalar(select(func.count()).select_from(IssuedDocument)) or 0
        last_number = session.scalar(
            select(IssuedDocument.number).order_by(IssuedDocument.id.desc()).limit(1)
        )
    problems = tuple(f"{r.label}：{r.details}" for r in run_checks(db) if not r.ok)
    if last_change is not None and last_change.tzinfo is None:
        last_change = last_change.replace(tzinfo=UTC)
    return BackupSummary(path, last_change, cases, documents, last_number or "", problems)


def _keep_current(
    db_path: Path, keep_folder: Path | None, actor: str
) -> tuple[BackupInfo | None, dict[tuple[str, int], int]]:
    """Back up the file about to be replaced and read its high-water marks."""
    if not db_path.exists():
        return None, {}
    try:
        current = open_database(db_path, create=False)
    except DatabaseOpenError as err:
        raise RestoreError(f"无法先备份当前数据库，未恢复：{err.message}") from err
    try:
        folder = keep_folder or db_path.parent / KEEP_FOLDER_NAME
        if keep_folder is None:
            folder.mkdir(exist_ok=True)
        kept = backup_database(current, folder, actor=actor, kind="恢复前备份")
        return kept, register_marks(current)
    finally:
        current.close()


def register_marks(db: Database) -> dict[tuple[str, int], int]:
    marks: dict[tuple[str, int], int] = {}
    with db.session() as session:
        for prefix, year, seq in session.execute(
            select(NumberRegister.prefix, NumberRegister.year, func.max(NumberRegister.seq))
            .group_by(NumberRegister.prefix, NumberRegister.year)
        ):
            marks[(prefix, year)] = int(seq)
        for prefix, year, seq in session.execute(
            select(NumberHighWater.prefix, NumberHighWater.year, NumberHighWater.seq)
        ):
            marks[(prefix, year)] = max(int(seq), marks.get((prefix, year), 0))
    return marks


def carry_marks(
    db: Database,
    marks: dict[tuple[str, int], int],
    backup: Path,
    kept: BackupInfo | None,
    actor: str,
) -> tuple[str, ...]:
    """Raise the restored file's marks to the current file's, and say so in its audit log."""
    carried_rows = []
    lines = []
    try:
        with db.write_session() as session:
            for (prefix, year), seq in sorted(marks.items()):
                restored = _marks_in(session, prefix, year)
                if seq <= restored:
                    continue
                row = session.get(NumberHighWater, (prefix, year))
                if row is None:
                    session.add(NumberHighWater(prefix=prefix, year=year, seq=seq))
                else:
                    row.seq = seq
                carried_rows.append({"prefix": prefix, "year": year, "from": restored, "to": seq})
                lines.append(f"{prefix}〔{year}〕：已签发至 {seq}号（备份中止于 {restored}号）")
            audit(
                session,
                actor,
                "restore",
                "database",
                1,
                None,
                {
                    "from_file": str(backup),
                    "kept_copy": str(kept.path) if kept else None,
                    "carried_marks": carried_rows,
                },
            )
    except DatabaseWriteError as err:
        raise RestoreError(f"恢复失败：{err.message}") from err
    return tuple(lines)


def _marks_in(session: Session, prefix: str, year: int) -> int:
    register = session.scalar(
        select(func.max(NumberRegister.seq)).where(
            NumberRegister.prefix == prefix, NumberRegister.year == year
        )
    )
    mark = session.scalar(
        select(NumberHighWater.seq).where(
            NumberHighWater.prefix == prefix, NumberHighWater.year == year
        )
    )
    return max(int(register or 0), int(mark or 0))


def _single_file(path: Path) -> None:
    """Fold the staged copy's own WAL into it, so one file moves into place."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def _retire_journal(db_path: Path) -> None:
    """The replaced file's -wal/-shm must not be replayed into the restored one. The current
    file was closed and backed up (the backup API reads through its WAL) just before."""
    for journal in _journal_files(db_path):
        journal.unlink(missing_ok=True)


def _journal_files(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))
