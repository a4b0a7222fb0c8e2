"""Copying every table of one database into another (SQLite ↔ PostgreSQL): moving an office.

Generic over the ORM metadata: tables in dependency order, rows in primary-key order, in
batches, each value through its column's own type (so an issued PDF is the same bytes and an
audit row the same text, and its hash still verifies). The target's protective triggers are
suspended for the copy only — inside the one transaction, so a failed copy leaves them as they
were — because the copy must also replace the rows a fresh schema seeds (the database's
identity, by which the audit key is found) and must not let the register's insert trigger
write high-water rows ahead of the copied ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import JSON, Integer, Table, bindparam, func, insert, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.types import TypeEngine

from .migrate import UNMANAGED_PREFIXES
from .models import Base, Case
from .search_index import reindex_cases

BATCH_ROWS = 500
# Rows a new schema holds before anything is done in it: the migrations' database_id and starter
# departments (any change made through the app also writes the audit log, which must be empty).
SEEDED_TABLES = frozenset({"integrity_meta", "departments"})

Progress = Callable[[str, int], None]  # (table, rows copied so far)


def tables() -> list[Table]:
    """Every table of the application, parents before children."""
    return list(Base.metadata.sorted_tables)


def occupied_tables(connection: Connection) -> list[str]:
    """What makes a database unfit as a copy's target: tables of another program, or any of
    ours holding rows beyond what a new schema seeds. Empty list: the target is empty."""
    present = set(inspect(connection).get_table_names())
    ours = {table.name for table in tables()}
    foreign = sorted(
        name
        for name in present - ours - {"alembic_version"}
        if not name.startswith(UNMANAGED_PREFIXES) and not name.startswith("sqlite_")
    )
    if foreign:
        return foreign
    return [
        table.name
        for table in tables()
        if table.name in present
        and table.name not in SEEDED_TABLES
        and connection.execute(select(func.count()).select_from(table)).scalar_one() > 0
    ]


def copy_all(
    source: Connection, target: Connection, *, progress: Progress | None = None
) -> dict[str, int]:
    """Copy every row of `source` into the (empty, same-revision) `target` inside the caller's
    transaction on `target`; returns the row count per table."""
    counts: dict[str, int] = {}
    with suspended_triggers(target):
        for table in reversed(tables()):
            target.execute(table.delete())  # the seeded rows only: the target was checked
        for table in tables():
            counts[table.name] = _copy_table(source, target, table, progress)
    reset_sequences(target)
    rebuild_search(target)
    if target.dialect.name == "postgresql":
        target.exec_driver_sql("ANALYZE")  # the planner's statistics for the freshly loaded rows
    return counts


def _copy_table(
    source: Connection, target: Connection, table: Table, progress: Progress | None
) -> int:
    keys = [column.key for column in table.columns]
    statement = insert(table).values(
        {c.key: bindparam(c.key, type_=_bind_type(c.type)) for c in table.columns}
    )
    rows = source.execution_options(yield_per=BATCH_ROWS).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    done = 0
    for part in rows.partitions(BATCH_ROWS):
        target.execute(statement, [dict(zip(keys, row, strict=True)) for row in part])
        done += len(part)
        if progress is not None:
            progress(table.name, done)
    return done


def _bind_type(type_: TypeEngine[object]) -> TypeEngine[object]:
    # A JSON column's None is SQL NULL on both sides (the default would write the text 'null').
    if isinstance(type_, JSON):
        return JSON(none_as_null=True)
    return type_


@contextmanager
def suspended_triggers(connection: Connection) -> Iterator[None]:
    """The target's triggers off for the copy, back on before the transaction commits."""
    if connection.dialect.name == "postgresql":
        names = [table.name for table in tables()]
        for name in names:
            connection.exec_driver_sql(f'ALTER TABLE "{name}" DISABLE TRIGGER USER')
        yield
        for name in names:
            connection.exec_driver_sql(f'ALTER TABLE "{name}" ENABLE TRIGGER USER')
        return
    triggers = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).all()
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)


def reset_sequences(connection: Connection) -> None:
    """PostgreSQL's id sequences continue after the copied ids (SQLite follows max(id))."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        connection.execute(
            text(
                "SELECT setval(seq, coalesce((SELECT max({col}) FROM {tab}), 0) + 1, false) "
                "FROM (SELECT pg_get_serial_sequence(:tab, :col) AS seq) s "
                "WHERE seq IS NOT NULL".format(col=f'"{key[0].name}"', tab=f'"{table.name}"')
            ),
            {"tab": table.name, "col": key[0].name},
        )


def rebuild_search(connection: Connection) -> None:
    """The case search index is derived data outside the ORM tables: built anew from the cases."""
    ids = list(connection.execute(select(Case.id).order_by(Case.id)).scalars())
    for start in range(0, len(ids), BATCH_ROWS):
        reindex_cases(connection, ids[start : start + BATCH_ROWS])
