"""The protective triggers and the search table in each engine's own SQL, for the migrations.

SQLite: `RAISE(ABORT, …)` triggers and an FTS5 table. PostgreSQL: PL/pgSQL trigger functions
raising `integrity_constraint_violation` with the same Chinese message (so the app reports the
refusal the same way), TRUNCATE refused too, and a table with a GIN-indexed tsvector."""

from __future__ import annotations

PG_FUNCTIONS = (
    # The refusal: the trigger's argument is the Chinese message.
    "CREATE OR REPLACE FUNCTION nanmu_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], "
    "ERRCODE = 'integrity_constraint_violation'; END $$",
    # Removal from the search index needs no tokenising: the database does it.
    "CREATE OR REPLACE FUNCTION nanmu_unindex_case() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN DELETE FROM case_search_index WHERE case_id = OLD.id; RETURN NULL; END $$",
)


def functions(dialect: str) -> list[str]:
    """What the triggers call (PostgreSQL only; SQLite's triggers hold their own body)."""
    return list(PG_FUNCTIONS) if dialect == "postgresql" else []


def refusal_trigger(
    dialect: str, table: str, verb: str, message: str, when: str | None = None
) -> list[str]:
    """`{table}_no_{verb}`: refuses UPDATE or DELETE of a row (`when`: only if it holds).
    On PostgreSQL a DELETE refusal also refuses TRUNCATE (`{table}_no_truncate`), which
    skips row triggers."""
    name = f"{table}_no_{verb.lower()}" if when is None else f"{table}_no_lower"
    if dialect == "postgresql":
        condition = f"WHEN ({when}) " if when else ""
        statements = [
            f"CREATE TRIGGER {name} BEFORE {verb} ON {table} FOR EACH ROW {condition}"
            f"EXECUTE FUNCTION nanmu_refuse('{message}')"
        ]
        if verb == "DELETE":
            statements.append(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION nanmu_refuse('{message}')"
            )
        return statements
    condition = f"WHEN {when} " if when else ""
    return [
        f"CREATE TRIGGER {name} BEFORE {verb} ON {table} {condition}"
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    ]


def drop_trigger(dialect: str, name: str, table: str) -> str:
    if dialect == "postgresql":
        return f"DROP TRIGGER {name} ON {table}"
    return f"DROP TRIGGER {name}"


def search_index(dialect: str) -> list[str]:
    """The case search table (rows kept by storage/search_index.py) and its delete trigger."""
    if dialect == "postgresql":
        return [
            "CREATE TABLE case_search_index (case_id integer PRIMARY KEY, "
            "body text NOT NULL, grams tsvector NOT NULL)",
            "CREATE INDEX case_search_index_grams ON case_search_index USING gin (grams)",
            "CREATE TRIGGER cases_unindex AFTER DELETE ON cases FOR EACH ROW "
            "EXECUTE FUNCTION nanmu_unindex_case()",
        ]
    return [
        # Bigram-tokenised copy of each case's text; rowid = cases.id.
        "CREATE VIRTUAL TABLE case_search_index USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 0', prefix = '1')",
        "CREATE TRIGGER cases_unindex AFTER DELETE ON cases "
        "BEGIN DELETE FROM case_search_index WHERE rowid = old.id; END",
    ]


def raises_high_water(dialect: str) -> list[str]:
    """Every number drawn raises the register's high-water mark, whoever inserts it."""
    upsert = (
        "INSERT INTO number_high_water (prefix, year, seq) VALUES (NEW.prefix, NEW.year, NEW.seq) "
        "ON CONFLICT (prefix, year) DO UPDATE SET seq = excluded.seq "
        "WHERE excluded.seq > number_high_water.seq"
    )
    if dialect == "postgresql":
        return [
            "CREATE OR REPLACE FUNCTION nanmu_raise_high_water() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN {upsert}; RETURN NULL; END $$",
            "CREATE TRIGGER number_register_raises_high_water AFTER INSERT ON number_register "
            "FOR EACH ROW EXECUTE FUNCTION nanmu_raise_high_water()",
        ]
    return [
        "CREATE TRIGGER number_register_raises_high_water AFTER INSERT ON number_register "
        f"BEGIN {upsert}; END"
    ]
