"""What differs between the database engines, behind one small interface.

Everything above `storage/` is engine-neutral SQLAlchemy; the few things only an engine can do
— opening and checking the store, taking the write lock, locking a number series, the search
index, the schema and integrity checks — are methods of a `Backend`, chosen from the location
(`backends.backend_for`) or from a session's bind (`backends.backend_of`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from sqlalchemy import Engine, Select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

# Execution option our SQLite "begin" hook reads (DEFERRED for reads, IMMEDIATE for writers).
BEGIN_OPTION = "nanmu_begin"


class Backend(ABC):
    """One database engine. Stateless: one shared instance per engine kind."""

    name: str  # "sqlite" or "postgresql" (the SQLAlchemy dialect name)
    # Whether the case list writes a large id set `id + 0 IN (…)`, so the engine walks the
    # sort column's index testing each row (SQLite) instead of looking every id up; a planner
    # with statistics (PostgreSQL) chooses between the two itself.
    tests_ids_while_scanning = True

    @abstractmethod
    def write_options(self) -> dict[str, object]:
        """Execution options of the engine that write sessions use."""

    @abstractmethod
    def read_options(self) -> dict[str, object]:
        """Execution options of the engine that read sessions use (a consistent snapshot)."""

    @abstractmethod
    def take_write_lock(self, session: Session) -> None:
        """Begin `session`'s transaction holding the database's one write lock (every writer
        waits for the one before it), retrying a transient refusal; raise if it stays busy."""

    @abstractmethod
    def lock_series(self, session: Session, prefix: str, year: int) -> None:
        """Lock the number series (代字, year) until the transaction ends, so the number read
        next is still the last one when the new one is written."""

    @abstractmethod
    def table_names(self, connection: Connection) -> set[str]:
        """The tables of our schema as they exist now."""

    @abstractmethod
    def trigger_names(self, session: Session) -> set[str]:
        """The names of the protective triggers present in the database."""

    @abstractmethod
    def structure_problems(self, session: Session) -> list[str]:
        """The engine's own check of its storage (empty when sound), in Chinese or as the
        engine words it."""

    @abstractmethod
    def foreign_key_problems(self, session: Session) -> list[str]:
        """Rows that reference a record that does not exist (Chinese)."""

    # The case search index (see storage/search_index.py for the tokenising).
    @abstractmethod
    def index_cases(self, connection: Connection, rows: Sequence[tuple[int, list[str]]]) -> None:
        """Replace the index rows of these (case id, pieces of text)."""

    @abstractmethod
    def unindex_cases(self, connection: Connection, case_ids: Sequence[int]) -> None:
        """Remove these cases from the index."""

    @abstractmethod
    def matching_case_ids(self, query: str) -> Select[int] | None:
        """The ids of cases whose text holds every word of `query`; None when it has no word."""

    def refresh_statistics(self, connection: Connection, tables: Sequence[str]) -> None:
        """After a bulk load: let the planner see the new rows (no-op where plans do not
        depend on gathered statistics)."""
        return None

    def dispose(self, engine: Engine) -> None:
        engine.dispose()
