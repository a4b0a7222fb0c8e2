"""Which document kinds a case may draft: `allowed_kinds` (from the rules) against
`document_choices` (composing every kind), on the demo data: `bench_allowed_kinds.py [--runs N]`.

Prints per way the median milliseconds and SQL statements per case, over every demo case.
Target: the rules way well under the 53 ms / 116 statements measured for composing (issue 13).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from nanmu_desktop.services.case_documents import allowed_kinds
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.documents import document_choices
from nanmu_desktop.storage.db import Database, open_database


def measure(db: Database, way: Callable[[Database, int], Any], case_ids: list[int],
            runs: int) -> tuple[float, float]:
    statements = 0

    def count(*_args: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        times = []
        for _ in range(runs):
            statements = 0
            for case_id in case_ids:
                start = time.perf_counter()
                way(db, case_id)
                times.append((time.perf_counter() - start) * 1000)
            per_case = statements / len(case_ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return statistics.median(times), per_case


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "demo.sqlite3")
        case_ids = fill_demo(db).case_ids
        for name, way in (("allowed_kinds (rules)", allowed_kinds),
                          ("document_choices (compose)", document_choices)):
            ms, sql = measure(db, way, case_ids, args.runs)
            print(f"{name:28} median {ms:6.1f} ms per case, {sql:5.1f} SQL statements per case")
        db.close()


if __name__ == "__main__":
    main()
