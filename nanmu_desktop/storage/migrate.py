"""Alembic run from code: the scripts ship inside the package, so a frozen bundle has them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.environment import NameFilterParentNames, NameFilterType
from alembic.runtime.migration import MigrationContext
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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in script_directory().walk_revisions())


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
