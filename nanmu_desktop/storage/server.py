"""Opening an office's database on a PostgreSQL server (`postgresql://user@host/db`): connect,
check it is ours (or empty), upgrade to head under the write lock, hand out a `Database`."""

from __future__ import annotations

from sqlalchemy import Engine, exc, make_url

from nanmu_desktop.errors import DatabaseOpenError
from nanmu_desktop.paths import user_data_dir

from . import migrate
from .backends.postgresql import PostgreSQLBackend, display_url, normalise_url
from .db import Database, check_ours

_POSTGRESQL = PostgreSQLBackend()


def open_server(
    url: str, *, create: bool = True, read_only: bool = False, chain_hash: str = "sha256"
) -> Database:
    """Open and upgrade the server database at `url`, or raise DatabaseOpenError.

    `create=False` refuses a database that has no schema of ours yet (read-only commands)."""
    try:
        parsed = make_url(normalise_url(url))
    except exc.ArgumentError as err:
        raise DatabaseOpenError(
            f"数据库地址“{url}”格式不正确（应如 postgresql://用户@主机/库名）。"
        ) from err
    shown = display_url(url)
    engine = _POSTGRESQL.make_engine(url, read_only=read_only)
    named = f"数据库服务器上的数据库“{shown}”"
    try:
        _open_checked(engine, named, create=create, read_only=read_only)
    except exc.DBAPIError as err:
        engine.dispose()
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise DatabaseOpenError(f"无法连接{named}：{reason}") from err
    except DatabaseOpenError:
        engine.dispose()
        raise
    folder = user_data_dir() / f"server-{parsed.host or 'local'}-{parsed.database or ''}"
    return Database(
        folder,
        engine,
        read_only=read_only,
        chain_hash=chain_hash,
        backend=_POSTGRESQL,
        location=shown,
    )


def _open_checked(engine: Engine, named: str, *, create: bool, read_only: bool) -> None:
    with engine.connect() as connection:
        tables = _POSTGRESQL.table_names(connection)
        check_ours(connection, tables, named, "该数据库")
        current = migrate.current_revision(connection)
    if current == migrate.head_revision():
        return
    if current is None and not create:
        raise DatabaseOpenError(f"{named}还没有本系统的数据（查看类命令不会建立数据）。")
    if read_only:
        raise DatabaseOpenError(f"{named}需要升级结构，只读方式无法打开；请先以读写方式打开一次。")
    # Under the write lock, so two PCs opening an old database upgrade it once.
    with engine.connect() as connection:
        connection.begin()
        _POSTGRESQL.lock_writes(connection)
        if migrate.current_revision(connection) != migrate.head_revision():
            migrate.upgrade_to_head(connection)
        connection.commit()
