"""恢复 a server database from a `pg_dump` backup, with the same promises as a file's restore:
what the backup holds is shown first, the current data is dumped before it is replaced, and the
register's high-water marks of the current data are carried into the restored one.

Unlike a file, a dump cannot be opened beside the live database, so its checks run right after
`pg_restore` (one transaction: a dump that does not load changes nothing) and are reported
then; the copy taken just before is the way back.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.services.access import require
from nanmu_desktop.services.backup import backup_database
from nanmu_desktop.services.common import DEFAULT_ACTOR
from nanmu_desktop.services.restore import (
    KEEP_FOLDER_NAME,
    BackupSummary,
    RestoreError,
    RestoreResult,
    carry_marks,
    register_marks,
)
from nanmu_desktop.services.server_backup import (
    ServerToolError,
    check_dump,
    restore,
    table_rows,
)
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.db import Database

DUMP_HEADER = b"PGDMP"


def is_dump(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(DUMP_HEADER)) == DUMP_HEADER
    except OSError:
        return False


def inspect_dump(path: Path) -> BackupSummary:
    """Date of the last change, cases, documents and the last 文号, read from the dump itself."""
    try:
        check_dump(path)
        changes = [str(r["at"]) for r in table_rows(path, "audit_log", ("at",)) if r["at"]]
        cases = sum(1 for _ in table_rows(path, "cases", ("id",)))
        documents = [(int(r["id"] or 0), str(r["number"] or ""))
                     for r in table_rows(path, "issued_documents", ("id", "number"))]
    except ServerToolError as err:
        raise RestoreError(f"无法使用备份文件“{path}”：{err.message}") from err
    last_change = None
    if changes:
        last_change = datetime.fromisoformat(max(changes)).replace(tzinfo=UTC)
    last_number = max(documents)[1] if documents else ""
    return BackupSummary(path, last_change, cases, len(documents), last_number, ())


def restore_server(
    db: Database,
    backup: Path,
    *,
    keep_folder: Path | None = None,
    actor: str = DEFAULT_ACTOR,
) -> RestoreResult:
    """Replace the server database `db` is connected to by the dump `backup`; the result's
    summary carries the restored data's failed checks (empty when it holds)."""
    require(db, Operation.backup)
    summary = inspect_dump(backup)
    folder = keep_folder or db.path.parent / KEEP_FOLDER_NAME
    if keep_folder is None:
        folder.mkdir(parents=True, exist_ok=True)
    kept = backup_database(db, folder, actor=actor, kind="恢复前备份")
    marks = register_marks(db)
    db.engine.dispose()  # no idle connection of ours in the way of pg_restore's DROPs
    try:
        restore(db.engine.url, backup)
    except ServerToolError as err:
        raise RestoreError(f"恢复失败，服务器数据库未改动：{err.message}") from err
    carried = carry_marks(db, marks, backup, kept, actor)
    problems = tuple(f"{r.label}：{r.details}" for r in run_checks(db) if not r.ok)
    return RestoreResult(replace(summary, problems=problems), kept, carried)
