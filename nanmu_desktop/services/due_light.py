"""待办 read at start-up with plain `sqlite3`, before SQLAlchemy and the models have loaded
(~0.5 s): the SQLite text of services/due_queries.py's statements (generated into
services/due_sql.py) and the same logic (services/due_rows.py). Only for an up-to-date SQLite
file; anything else (a server, an old or foreign file, any error) returns None and the caller
takes the ORM path, which also reports what is wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from nanmu_desktop.domain.due import DueItem, due_items
from nanmu_desktop.schema_revision import HEAD_REVISION
from nanmu_desktop.services.due_rows import open_obligations_from
from nanmu_desktop.services.due_sql import QUERIES

_CONVERT: dict[str, Callable[[Any], object]] = {"date": date.fromisoformat, "bool": bool}


def list_due_light(
    path: Path, today: date, *, include_later: bool = False
) -> list[DueItem] | None:
    """What `services.due.list_due` returns for the file at `path`, or None (see above)."""
    with _snapshot(path) as connection:
        if connection is None:
            return None
        obligations = open_obligations_from(lambda n, p: _read(connection, n, p), today)
        return due_items(obligations, today, include_later=include_later)
    return None  # an error while reading


def opens_without_dialogs(path: Path) -> bool:
    """Whether the up-to-date SQLite file at `path` asks for no login (it has no users) and no
    first-run wizard: then start-up may paint the start page before the database layer loads."""
    with _snapshot(path) as connection:
        return (
            connection is not None
            and not _read(connection, "first_user", {})
            and [row[0] for row in _read(connection, "first_run_done", {})] == [True]
        )
    return False  # an error while reading


@contextmanager
def _snapshot(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection in one read transaction (one snapshot, as a read session) to an
    up-to-date file of ours, else None; an error while reading is swallowed (the caller's
    return after its `with` block then applies)."""
    if not path.is_file():
        yield None
        return
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        yield None
        return
    try:
        try:
            connection.execute("BEGIN")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            revision = None  # not ours
        yield connection if revision is not None and revision[0] == HEAD_REVISION else None
    except (sqlite3.Error, ValueError):
        pass
    finally:
        connection.close()


def _read(
    connection: sqlite3.Connection, name: str, params: Mapping[str, Any]
) -> Sequence[Sequence[Any]]:
    sql, fixed, kinds = QUERIES[name]
    values: dict[str, Any] = dict(fixed)
    for key, given in params.items():
        # An expanding IN list: one parameter per item (an empty list matches nothing).
        names = [f"{key}_{i}" for i in range(len(given))]
        values.update(zip(names, given, strict=True))
        listed = ", ".join(f":{n}" for n in names) or "SELECT NULL WHERE 0"
        sql = sql.replace(f"__[POSTCOMPILE_{key}]", listed)
    convert = [_CONVERT.get(kind) for kind in kinds]
    return [
        tuple(v if f is None or v is None else f(v) for f, v in zip(convert, row, strict=True))
        for row in connection.execute(sql, values)
    ]
