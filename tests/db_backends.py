"""The database engines the storage and services suites run on: SQLite files in tmp folders,
and PostgreSQL databases on the server named by NANMU_TEST_PG_URL (scripts/pg_cluster.sh
starts a private one). Each PostgreSQL test gets a fresh database copied from a template made
once per session (CREATE DATABASE … TEMPLATE), dropped afterwards.

Without NANMU_TEST_PG_URL the PostgreSQL cases are skipped, saying why; with NANMU_REQUIRE_PG=1
(CI) they fail instead. A test that reaches into SQLite itself is marked `sqlite_only`."""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import make_url

from nanmu_desktop.storage.db import Database

PG_URL_ENV = "NANMU_TEST_PG_URL"
REQUIRE_ENV = "NANMU_REQUIRE_PG"
BACKENDS = ("sqlite", "postgresql")
_names = itertools.count(1)


def server_url() -> str:
    """The superuser-capable URL of the test server, or skip (fail when it is required)."""
    url = os.environ.get(PG_URL_ENV, "")
    if not url:
        reason = (
            f"{PG_URL_ENV} is not set: PostgreSQL cases skipped "
            "(export NANMU_TEST_PG_URL=\"$(bash scripts/pg_cluster.sh start)\")"
        )
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}")
        pytest.skip(reason)
    return url


def database_url(name: str) -> str:
    return make_url(server_url()).set(database=name).render_as_string(hide_password=False)


def _admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(server_url(), autocommit=True) as connection:
        connection.execute(statement)  # type: ignore[arg-type]


def new_database_name(kind: str) -> str:
    return f"nanmu_{kind}_{os.getpid()}_{next(_names)}"


def create_database(name: str, template: str | None = None) -> str:
    """CREATE DATABASE (a copy of `template` when given); returns its URL."""
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    # FILE_COPY: a small template copies ~10 times faster than PostgreSQL 15's WAL_LOG default.
    copy = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
    _admin(f'CREATE DATABASE "{name}"{copy}')
    return database_url(name)


def drop_database(name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def raw_rows(db: Database, sql: str, params: dict[str, Any] | None = None) -> list[Sequence[Any]]:
    """Run `sql` on its own connection, outside the app's sessions and write path, as another
    program would (a repair tool, a hand edit); commits; rows of a query, else []."""
    with db.engine.connect() as connection:
        result = connection.exec_driver_sql(sql, params or {})
        rows = [tuple(row) for row in result] if result.returns_rows else []
        connection.commit()
    return rows


def raw_execute(db: Database, sql: str, params: dict[str, Any] | None = None) -> None:
    raw_rows(db, sql, params)


def server_database_url(db: Database) -> str:
    """The URL another program would use to reach `db` (PostgreSQL only)."""
    return db.engine.url.render_as_string(hide_password=False)


@contextmanager
def raw_connection(db: Database) -> Iterator[Any]:
    """A plain DB-API connection to `db` that knows nothing of the application (sqlite3 on
    the file, psycopg on the server), each statement committed on its own. Its errors are
    `RAW_ERRORS`; parameters are written `?` on SQLite and `%s` on PostgreSQL."""
    if db.backend.name == "postgresql":
        import psycopg

        url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url, autocommit=True) as connection:
            yield connection
        return
    connection = sqlite3.connect(db.path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        yield connection
    finally:
        connection.close()


def raw_errors() -> tuple[type[Exception], ...]:
    import psycopg

    return (sqlite3.DatabaseError, psycopg.Error)
