"""迁移数据库: the whole office moved into an empty database — a SQLite file onto the unit's
PostgreSQL server when a second PC joins, or back into a file for a single PC taken offline.

The target must be empty (a new file, or a new `createdb`): nothing there is ever overwritten.
Its schema is made by our own migrations, then every table is copied (`storage.transfer`) in
one transaction, the move is written to the target's audit log, and the target's checks are run
(audit chain, register, PDF digests) so the clerk sees at once that the copy holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, exc

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import DatabaseOpenError, NanmuError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.backends import is_server_location
from nanmu_desktop.storage.backends.postgresql import display_url, normalise_url
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.db import SQLITE_HEADER, Database, open_database
from nanmu_desktop.storage.transfer import Progress, copy_all, occupied_tables


class MoveError(NanmuError):
    """The target is not empty, not reachable, or the copy failed; nothing was kept."""


@dataclass(frozen=True)
class MoveResult:
    target: str  # the location as given (a server URL shown without its password)
    rows: dict[str, int]  # table → rows copied
    problems: tuple[str, ...]  # the target's failed checks; empty when the copy holds

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def is_server(location: str) -> bool:
    return is_server_location(location)


def shown(location: str) -> str:
    """A location fit to print: a server URL's password is masked."""
    if not is_server(location):
        return location
    try:
        return display_url(location)
    except exc.ArgumentError:
        return "（无法识别的服务器地址）"


def open_location(location: str, *, create: bool = True) -> Database:
    """The database at a file path or a postgresql:// URL, upgraded to our schema."""
    return open_database(location if is_server(location) else Path(location), create=create)


def check_target(location: str, source: Database) -> None:
    """Refuse, before anything is written, a target that is the source, not ours or not empty."""
    if is_server(location):
        _check_server_target(location)
        return
    path = Path(location)
    if path.exists() and path.resolve() == Path(source.path).resolve():
        raise MoveError("目标与当前数据库是同一个文件，未迁移。")
    if path.is_dir():
        raise MoveError(f"目标“{path}”是一个文件夹；请给出新数据库文件的路径。")
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise MoveError(f"目标文件“{path}”已存在且不是空数据库，未迁移（不会覆盖任何文件）。")
    engine = create_engine(f"sqlite:///{path.resolve().as_uri()}?mode=ro&uri=true")
    _refuse_occupied(engine, str(path), f"无法读取目标文件“{path}”")


def _check_server_target(location: str) -> None:
    try:
        engine = create_engine(normalise_url(location))
    except (exc.ArgumentError, ImportError) as err:
        raise MoveError(f"无法识别服务器地址“{shown(location)}”：{err}") from err
    _refuse_occupied(engine, shown(location), f"无法连接服务器数据库“{shown(location)}”")


def _refuse_occupied(engine: Engine, where: str, unreachable: str) -> None:
    """Refuse a target whose tables hold rows; `unreachable` names it when it cannot be read."""
    try:
        with engine.connect() as connection:
            occupied = occupied_tables(connection)
    except exc.DBAPIError as err:
        raise MoveError(f"{unreachable}：{err.orig}") from err
    finally:
        engine.dispose()
    if occupied:
        raise MoveError(_not_empty(where, occupied))


def _not_empty(where: str, occupied: list[str]) -> str:
    names = "、".join(occupied[:5]) + ("等" if len(occupied) > 5 else "")
    return (
        f"目标数据库“{where}”不是空的（已有数据：{names}），未迁移。"
        "迁移只写入新建的空数据库，不会覆盖已有数据。"
    )


def migrate_office(
    source: Database,
    target: str,
    *,
    progress: Progress | None = None,
    actor: str = DEFAULT_ACTOR,
) -> MoveResult:
    """Copy everything in `source` into the empty database at `target`; see the module doc."""
    require(source, Operation.backup)
    check_target(target, source)
    new_file = None if is_server(target) or Path(target).exists() else Path(target)
    try:
        destination = open_location(target)
    except DatabaseOpenError as err:
        raise MoveError(f"无法建立目标数据库：{err.message}") from err
    try:
        try:
            with source.session() as reading, destination.write_session() as writing:
                rows = copy_all(reading.connection(), writing.connection(), progress=progress)
        except BaseException:
            if new_file is not None:  # a file made for the copy goes with the failed copy
                destination.close()
                for leftover in (new_file, *(Path(f"{new_file}{s}") for s in ("-wal", "-shm"))):
                    leftover.unlink(missing_ok=True)
            raise
        destination.user = source.user  # the copied users: the same person signs the move
        with destination.write_session() as session:
            audit(
                session,
                actor,
                "migrate_in",
                "database",
                1,
                None,
                {"from": source.location, "rows": sum(rows.values())},
            )
        problems = tuple(f"{r.label}：{r.details}" for r in run_checks(destination) if not r.ok)
    finally:
        destination.close()
    return MoveResult(shown(target), rows, problems)
