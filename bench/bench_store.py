"""Store benchmarks on 100,000 cases: prints each figure against its target.

    .venv/bin/python bench/bench_store.py [--db PATH] [--cases N] [--rebuild]

The database is built by make_big_db.py when missing (about 20 s) and reused after.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from make_big_db import build

from nanmu_desktop.storage import Database, open_database
from nanmu_desktop.storage.case_search import CaseQuery, search_cases

RUNS = 7


def _median_ms(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _search(db: Database, query: CaseQuery) -> Callable[[], object]:
    def run() -> object:
        with db.session() as session:
            return search_cases(session, query)

    return run


def store_queries(total: int) -> list[tuple[str, CaseQuery, float]]:
    """The case-list and search queries measured, with their targets in ms (bench_server.py
    runs the same ones on PostgreSQL)."""
    return [
        ("first page by date (50 rows)", CaseQuery(), 30),
        ("first page by date, status filter", CaseQuery(statuses=("correcting",)), 30),
        ("last page by date", CaseQuery(offset=max(0, total - 50)), 100),
        ("2-char search 容错 (page + count)", CaseQuery(text="容错"), 100),
        ("2-char search 查封 (page + count)", CaseQuery(text="查封"), 100),
        ("1-char search 雪 (page + count)", CaseQuery(text="雪"), 100),
        ("3-char search 暴风雪 + department", CaseQuery(text="暴风雪", department_id=2), 100),
        ("officer + date range", CaseQuery(officer_id=7, date_from=date(2024, 1, 1)), 100),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description="store benchmarks")
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "nanmu-bench.sqlite3"
    )
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        print(f"building {args.cases} cases in {args.db} …")
        build(args.db, args.cases)

    figures: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        small = build(Path(folder) / "office.sqlite3", 2_000)
        figures.append(
            (
                "open a 2,000-case file (with quick_check)",
                _median_ms(lambda: open_database(small).close()),
                100,
            )
        )
    figures.append(
        ("open an up-to-date database", _median_ms(lambda: open_database(args.db).close()), 100)
    )
    db = open_database(args.db)
    try:
        with db.session() as session:
            total = search_cases(session, CaseQuery(limit=1)).total
        print(f"{total} cases, {args.db.stat().st_size / 1e6:.0f} MB")
        for label, query, target in store_queries(total):
            figures.append((label, _median_ms(_search(db, query)), target))
    finally:
        db.close()

    failed = 0
    for label, figure, target in figures:
        ok = figure <= target
        failed += not ok
        print(
            f"{'OK  ' if ok else 'SLOW'} {label:<40} {figure:8.1f} ms  (target ≤ {target:.0f} ms)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
