"""The case list and search on PostgreSQL beside SQLite, on the same 100,000 cases, in one run.

    .venv/bin/python bench/bench_server.py [--pg URL] [--cases N] [--rebuild]

The SQLite file is built by make_big_db.py (reused when present); the server database
`nanmu_bench` is made on the server of `--pg` (default NANMU_TEST_PG_URL, e.g. from
`scripts/pg_cluster.sh start`) by `migrate-to` from that file — so the move of 100,000 cases is
timed too. Without a server only the SQLite column is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench_store import _median_ms, _search, store_queries
from make_big_db import build
from sqlalchemy import create_engine, make_url

from nanmu_desktop.services.office_move import migrate_office
from nanmu_desktop.storage import Database, open_database
from nanmu_desktop.storage.backends.postgresql import normalise_url
from nanmu_desktop.storage.case_search import CaseQuery, search_cases

BENCH_DATABASE = "nanmu_bench"


def _padded(label: str, width: int = 40) -> str:
    """`label` padded for a terminal, where a Chinese character takes two columns."""
    wide = sum(1 for c in label if ord(c) > 0x2E80)
    return label + " " * max(0, width - len(label) - wide)


def _server(base: str, source: Database, rebuild: bool) -> Database:
    """The bench database on the server, moved there from `source` when new."""
    url = make_url(normalise_url(base))
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %(name)s", {"name": BENCH_DATABASE}
        ).first()
        if rebuild or not exists:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
            connection.exec_driver_sql(f'CREATE DATABASE "{BENCH_DATABASE}"')
    admin.dispose()
    target = url.set(database=BENCH_DATABASE).render_as_string(hide_password=False)
    if rebuild or not exists:
        started = time.perf_counter()
        result = migrate_office(source, target)
        seconds = time.perf_counter() - started
        state = "checks pass" if not result.problems else "; ".join(result.problems)
        print(f"migrate-to: {result.total} rows onto the server in {seconds:.1f} s ({state})")
    return open_database(target)


def main() -> int:
    parser = argparse.ArgumentParser(description="PostgreSQL beside SQLite")
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "nanmu-bench.sqlite3"
    )
    parser.add_argument("--pg", default=os.environ.get("NANMU_TEST_PG_URL", ""))
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        print(f"building {args.cases} cases in {args.db} …")
        build(args.db, args.cases)
    sqlite = open_database(args.db)
    server = _server(args.pg, sqlite, args.rebuild) if args.pg else None
    if server is None:
        print("no server (--pg or NANMU_TEST_PG_URL): PostgreSQL column skipped")
    try:
        with sqlite.session() as session:
            total = search_cases(session, CaseQuery(limit=1)).total
        print(f"{total} cases; median of runs in ms\n")
        print(f"{'':<40} {'SQLite':>9} {'PostgreSQL':>11}  target")
        slow = 0
        for label, query, target in store_queries(total):
            on_file = _median_ms(_search(sqlite, query))
            on_server = _median_ms(_search(server, query)) if server is not None else None
            shown = f"{on_server:11.1f}" if on_server is not None else f"{'—':>11}"
            worst = max(on_file, on_server or 0.0)
            slow += worst > target
            mark = "OK  " if worst <= target else "SLOW"
            print(f"{_padded(label)} {on_file:9.1f} {shown}  ≤ {target:.0f}  {mark}")
    finally:
        sqlite.close()
        if server is not None:
            server.close()
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
