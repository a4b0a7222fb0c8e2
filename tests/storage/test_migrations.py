"""Alembic: one linear history, applied on open, skipped when current, reversible."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from nanmu_desktop.errors import DatabaseOpenError
from nanmu_desktop.storage import migrate, open_database
from nanmu_desktop.storage.models import Base


def test_history_is_one_linear_chain() -> None:
    script = migrate.script_directory()
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    for revision in revisions:
        assert not isinstance(revision.down_revision, tuple | list), revision.revision
    # Walking down from the head reaches every revision once.
    assert len({r.revision for r in revisions}) == len(revisions)


def test_the_head_constant_is_alembics_head() -> None:
    """Start-up compares files against HEAD_REVISION without importing Alembic."""
    assert migrate.script_directory().get_current_head() == migrate.HEAD_REVISION


def test_open_creates_folder_and_upgrades_to_head(db_path: Path) -> None:
    assert not db_path.parent.exists()
    db = open_database(db_path)
    try:
        with db.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            tables = set(inspect(connection).get_table_names())
    finally:
        db.close()
    assert set(Base.metadata.tables) <= tables
    assert "case_search_index" in tables


def _schema_cookie(path: Path) -> tuple[int, list[tuple[str, str]]]:
    with sqlite3.connect(path) as raw:
        cookie = raw.execute("PRAGMA schema_version").fetchone()[0]
        objects = raw.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    return cookie, objects


def test_the_models_match_the_migrated_schema(new_location: Path | str) -> None:
    """A model change without its migration shows up here as a difference (on each engine)."""
    db = open_database(new_location)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": migrate.is_managed}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_reopening_a_current_database_changes_nothing(db_path: Path) -> None:
    open_database(db_path).close()
    before = _schema_cookie(db_path)
    open_database(db_path).close()
    assert _schema_cookie(db_path) == before


def test_migrations_go_down_to_empty_and_back_up(new_location: Path | str) -> None:
    db = open_database(new_location)
    try:
        with db.engine.connect() as connection:
            command.downgrade(migrate.alembic_config(connection), "base")
            connection.commit()
            assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    finally:
        db.close()
    db = open_database(new_location)
    try:
        with db.session() as session:
            names = db.backend.table_names(session.connection())
            triggers = db.backend.trigger_names(session)
    finally:
        db.close()
    assert {"cases", "audit_log", "case_search_index"} <= names
    assert "issued_documents_no_update" in triggers


def test_a_schema_newer_than_the_app_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseOpenError, match="更新版本") as caught:
        open_database(db_path)
    assert str(db_path) in caught.value.message


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "案件.sqlite3"
    path.write_text("这不是数据库文件，而是一份文本。" * 20, encoding="utf-8")
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    assert str(path) in caught.value.message
    assert path.read_text(encoding="utf-8").startswith("这不是数据库文件")


def test_a_corrupt_database_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over every page after the first: the header still says SQLite.
    data[page_size:] = bytes([0xA5]) * (len(data) - page_size)
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(db_path)
    assert str(db_path) in caught.value.message


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(DatabaseOpenError, match="不是本系统的数据库"):
        open_database(path)
    with sqlite3.connect(path) as raw:
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    assert names == {"contacts"}


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="文件夹"):
        open_database(tmp_path)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    open_database(path).close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_path_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "备份.txt"
    blocker.write_text("x", encoding="utf-8")
    path = blocker / "子目录" / "nanmu.sqlite3"
    with pytest.raises(DatabaseOpenError, match="不是文件夹") as caught:
        open_database(path)
    assert str(path) in caught.value.message


def test_a_file_name_with_url_characters_is_used_as_is(tmp_path: Path) -> None:
    path = tmp_path / "案件#1?备份.sqlite3"
    open_database(path).close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
