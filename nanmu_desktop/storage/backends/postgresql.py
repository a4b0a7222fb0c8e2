"""An office's PostgreSQL server (several PCs, one database): psycopg 3, one database role for
the app. Writers queue on one transaction-level advisory lock (the audit chain is one sequence,
as on SQLite); a number series is also locked row by row (SELECT … FOR UPDATE on its high-water
row). The case search index is a table of each case's normalised text with a GIN-indexed
tsvector of its character bigrams (the tokenising of storage/search_index.py)."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from sqlalchemy import (
    Engine,
    Integer,
    Select,
    Text,
    bindparam,
    column,
    create_engine,
    exc,
    make_url,
    select,
    text,
)
from sqlalchemy import table as table_clause
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..search_index import FTS_TABLE, index_body, index_grams, query_runs
from .base import Backend

# pg_advisory_xact_lock key of the one write lock ("NANM").
WRITE_LOCK_KEY = 0x4E414E4D
LOCK_TIMEOUT_MS = 10_000
WRITE_ATTEMPTS = 4
WRITE_BACKOFF_S = 0.05
# Waiting for the lock may end in these (lock timeout, a serialization failure or deadlock of a
# transaction the server chose to cancel): all transient, all retried before the clerk hears.
TRANSIENT_STATES = frozenset({"55P03", "40001", "40P01"})
SCHEME = "postgresql+psycopg"

_INDEX = table_clause(
    FTS_TABLE, column("case_id", Integer), column("body", Text), column("grams")
)


def normalise_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3 (SQLAlchemy's default is psycopg2)."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return SCHEME + "://" + url[len(scheme) :]
    return url


def display_url(url: str) -> str:
    """The URL without its password, for messages and titles."""
    return make_url(normalise_url(url)).render_as_string(hide_password=True).replace(
        SCHEME + "://", "postgresql://", 1
    )


class PostgreSQLBackend(Backend):
    name = "postgresql"
    tests_ids_while_scanning = False

    def make_engine(self, url: str, *, read_only: bool = False) -> Engine:
        engine = create_engine(
            normalise_url(url),
            pool_pre_ping=True,
            connect_args={"connect_timeout": 10, "application_name": "nanmu-desktop"},
        )
        if read_only:
            engine = engine.execution_options(postgresql_readonly=True)
        return engine

    def write_options(self) -> dict[str, object]:
        return {"isolation_level": "READ COMMITTED"}

    def read_options(self) -> dict[str, object]:
        return {"isolation_level": "REPEATABLE READ"}

    def take_write_lock(self, session: Session) -> None:
        """Wait (up to LOCK_TIMEOUT_MS per attempt) for the one write lock; READ COMMITTED
        then sees everything the writer before committed, so no serialization failure can
        reach the clerk."""
        for attempt in range(WRITE_ATTEMPTS):
            session.begin()
            try:
                self.lock_writes(session.connection())
                return
            except exc.DBAPIError as err:
                session.rollback()
                state = getattr(err.orig, "sqlstate", None)
                if state not in TRANSIENT_STATES or attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(WRITE_BACKOFF_S * (2**attempt) * (1 + random.random()))

    def lock_writes(self, connection: Connection) -> None:
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}")
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})

    def lock_series(self, session: Session, prefix: str, year: int) -> None:
        values = {"prefix": prefix, "year": year}
        session.execute(
            text(
                "INSERT INTO number_high_water (prefix, year, seq) VALUES (:prefix, :year, 0) "
                "ON CONFLICT (prefix, year) DO NOTHING"
            ),
            values,
        )
        session.execute(
            text(
                "SELECT seq FROM number_high_water WHERE prefix = :prefix AND year = :year "
                "FOR UPDATE"
            ),
            values,
        )

    def table_names(self, connection: Connection) -> set[str]:
        query = text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return set(connection.execute(query).scalars())

    def trigger_names(self, session: Session) -> set[str]:
        # A disabled trigger (ALTER TABLE … DISABLE TRIGGER) protects nothing: not present.
        query = text(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' "
            "AND c.relnamespace = current_schema()::regnamespace"
        )
        return set(session.execute(query).scalars())

    def structure_problems(self, session: Session) -> list[str]:
        """PostgreSQL checks its pages itself (checksums, WAL); what we can see from the app's
        role: indexes left invalid (a failed build) and, with the amcheck extension, the
        B-tree indexes' structure."""
        problems = [
            f"索引 {name} 无效（需重建：REINDEX INDEX {name}）"
            for name in session.execute(
                text(
                    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "WHERE c.relnamespace = current_schema()::regnamespace "
                    "AND NOT (i.indisvalid AND i.indisready)"
                )
            ).scalars()
        ]
        has_amcheck = session.execute(
            text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")
        ).first()
        if has_amcheck is not None:
            indexes = session.execute(
                text(
                    "SELECT c.oid, c.relname FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                    "WHERE c.relnamespace = current_schema()::regnamespace "
                    "AND a.amname = 'btree' AND i.indisvalid"
                )
            ).all()
            for oid, name in indexes:
                try:
                    with session.begin_nested():
                        session.execute(text("SELECT bt_index_check(:oid)"), {"oid": oid})
                except exc.DBAPIError as err:
                    problems.append(f"索引 {name}：{err.orig}")
        return problems

    def foreign_key_problems(self, session: Session) -> list[str]:
        """PostgreSQL enforces references itself, unless a constraint was added NOT VALID or
        a table's triggers (which carry the checks) were switched off."""
        problems = [
            f"表 {table} 的引用约束 {name} 未经校验（NOT VALID）"
            for table, name in session.execute(
                text(
                    "SELECT c.relname, k.conname FROM pg_constraint k "
                    "JOIN pg_class c ON c.oid = k.conrelid "
                    "WHERE k.contype = 'f' AND NOT k.convalidated "
                    "AND c.relnamespace = current_schema()::regnamespace"
                )
            )
        ]
        problems += [
            f"表 {table} 的引用检查被关闭（DISABLE TRIGGER）"
            for table in session.execute(
                text(
                    "SELECT DISTINCT c.relname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgisinternal AND t.tgenabled = 'D' "
                    "AND c.relnamespace = current_schema()::regnamespace"
                )
            ).scalars()
        ]
        return problems

    def refresh_statistics(self, connection: Connection, tables: Sequence[str]) -> None:
        # Autovacuum would analyse only after 10 % of a table changed, and until then the
        # planner guesses from the old row counts (a seq scan where an index is right).
        if tables:
            connection.exec_driver_sql("ANALYZE " + ", ".join(f'"{t}"' for t in tables))

    def index_cases(self, connection: Connection, rows: Sequence[tuple[int, list[str]]]) -> None:
        self.unindex_cases(connection, [case_id for case_id, _ in rows])
        if rows:
            insert = text(
                f"INSERT INTO {FTS_TABLE} (case_id, body, grams) "
                "VALUES (:id, :body, array_to_tsvector(:grams))"
            ).bindparams(bindparam("grams", type_=ARRAY(Text)))
            connection.execute(
                insert,
                [
                    {"id": case_id, "body": index_body(parts), "grams": index_grams(parts)}
                    for case_id, parts in rows
                ],
            )

    def unindex_cases(self, connection: Connection, case_ids: Sequence[int]) -> None:
        if case_ids:
            delete = text(f"DELETE FROM {FTS_TABLE} WHERE case_id = ANY(:ids)").bindparams(
                bindparam("ids", type_=ARRAY(Integer))
            )
            connection.execute(delete, {"ids": list(case_ids)})

    def matching_case_ids(self, query: str) -> Select[int] | None:
        """Every word: its bigrams through the GIN index (a single character: any gram that
        starts with it), then the word itself in the normalised text, so the bigrams must
        stand together and in order — what the FTS5 phrase asks on SQLite."""
        runs = query_runs(query)
        if not runs:
            return None
        terms = []
        for run in runs:
            if len(run) == 1:
                terms.append(f"{_quoted(run)}:*")
            else:
                terms.extend(_quoted(run[i : i + 2]) for i in range(len(run) - 1))
        grams = text("grams @@ CAST(:match AS tsquery)").bindparams(match=" & ".join(terms))
        conditions = [grams]
        for i, run in enumerate(r for r in runs if len(r) > 2):
            conditions.append(
                text(f"body LIKE :like_{i}").bindparams(
                    bindparam(f"like_{i}", "%" + _like_escaped(run) + "%")
                )
            )
        return select(_INDEX.c.case_id).where(*conditions)


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _like_escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
