"""Issuing benchmark: 100 notices issued through the service — numbered, rendered, stored with
their register and audit rows, each in its own BEGIN IMMEDIATE transaction (target ≤ 4 s).

    .venv/bin/python bench/bench_issue.py [--count N]

Font loading happens in the first issue and is counted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_S = 4.0


def main() -> int:
    parser = argparse.ArgumentParser(description="文书签发基准")
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "documents"))
    from issuing_db import add_case, new_database

    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.issuing import issue_document

    db = new_database(Path(tempfile.mkdtemp(prefix="nanmu-issue-")) / "issue.sqlite3")
    case_id = add_case(db)
    kinds = (
        DocumentKind.exemption_decision,
        DocumentKind.notification,
        DocumentKind.determination_worksheet,
    )
    timings = []
    started = time.perf_counter()
    for n in range(args.count):
        begin = time.perf_counter()
        issue_document(db, DocumentTarget(kinds[n % len(kinds)], case_id), on=date(2026, 1, 12))
        timings.append(time.perf_counter() - begin)
    total = time.perf_counter() - started
    db.close()
    verdict = "OK" if total <= TARGET_S else "SLOW"
    print(f"first issue (with font loading): {timings[0] * 1000:.0f} ms")
    print(f"later issues: median {statistics.median(timings[1:]) * 1000:.1f} ms")
    print(f"{args.count} notices issued: {total:.2f} s (target ≤ {TARGET_S:.0f} s) {verdict}")
    return 0 if total <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
