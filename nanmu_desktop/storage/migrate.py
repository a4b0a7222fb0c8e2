"""Alembic run from code: the scripts ship inside the package, so a frozen bundle has them."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

# The newest migration's id, in a module of its own: 待办's start-up reader checks it before
# SQLAlchemy loads.
from nanmu_desktop.schema_revision import HEAD_REVISION as HEAD_REVISION

if TYPE_CHECKING:  # Alembic costs ~0.1 s to import: only an upgrade needs it at run time.
    from alembic.config import Config
    from alembic.environment import NameFilterParentNames, NameFilterType
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Schema objects written by hand in the migrations, outside the ORM metadata (FTS5 and its
# shadow tables): autogenerate must not propose to drop them.
UNMANAGED_PREFIXES = ("case_search_index",)


def is_managed(name: str | None, type_: NameFilterType, _parents: NameFilterParentNames) -> bool:
    """Alembic `include_name` hook: False for the hand-written FTS tables."""
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_PREFIXES))


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in script_directory().walk_revisions())


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision read directly (None for a new, empty one)."""
    from .backends import backend_of

    if "alembic_version" not in backend_of(connection).table_names(connection):
        return None
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
