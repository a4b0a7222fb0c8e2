"""The database engines behind one interface (`Backend`): SQLite (a file, the default for a
one-PC office) and PostgreSQL (an office server, `postgresql://user@host/db`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from .base import Backend

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_location(location: Path | str) -> bool:
    """True for a server URL (`postgresql://…`), False for a file path."""
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def database_location(value: str) -> Path | str:
    """A `--db` argument or NANMU_DB value: a server URL stays text, anything else is a path."""
    return value if is_server_location(value) else Path(value)


@cache
def backend_named(name: str) -> Backend:
    if name == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend()
    if name == "postgresql":
        from .postgresql import PostgreSQLBackend

        return PostgreSQLBackend()
    raise ValueError(f"unsupported database engine: {name}")


def backend_of(bind: Session | Connection) -> Backend:
    """The backend of the engine a session or connection is bound to."""
    return backend_named(bind.get_bind().dialect.name if isinstance(bind, Session)
                         else bind.dialect.name)
