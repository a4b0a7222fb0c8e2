"""台账 benchmark: the ledger of 10,000 cases to Excel through the service (target ≤ 5 s).

    .venv/bin/python bench/bench_ledger.py [--cases N] [--db PATH]

The database comes from make_big_db.py; decided cases get a determination row (basis,
meeting date, 从轻/减轻) so the ledger reads what a real year's office would have.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from make_big_db import build

from nanmu_desktop.storage import open_database

TARGET_S = 5.0
BASIS = {
    "exempt": "第十条第一款第（四）项、第十条第二款第（一）（二）（三）项",
    "mitigated": "第十一条第（一）项",
    "duty_fulfilled": "第九条第（二）项",
    "not_tolerated": "第十二条",
}


def add_determinations(path: Path) -> int:
    """One decided determination per case that has an outcome."""
    rng = random.Random(127)
    with sqlite3.connect(path) as raw:
        cases = raw.execute(
            "SELECT id, outcome, reported_on FROM cases WHERE outcome IS NOT NULL"
        ).fetchall()
        raw.executemany(
            "INSERT INTO determinations (case_id, facts, regulation_version, proposal, outcome,"
            " basis, citations, made_at, made_by, meeting_date, attendees, decided_outcome,"
            " leniency, differing_reason, decision_notes, decided_at, decided_by)"
            " VALUES (?, '{}', '2024-127', '{}', ?, ?, ?, ?, '', ?, ?, ?, ?, '', '', ?, '')",
            [
                (
                    case_id,
                    outcome,
                    BASIS[outcome],
                    json.dumps(BASIS[outcome].split("、"), ensure_ascii=False),
                    f"{reported} 09:00:00",
                    reported,
                    json.dumps(["刘晓伟"], ensure_ascii=False),
                    outcome,
                    rng.choice(("lighter", "reduced")) if outcome == "mitigated" else None,
                    f"{reported} 10:00:00",
                )
                for case_id, outcome, reported in cases
            ],
        )
    return len(cases)


def main() -> int:
    parser = argparse.ArgumentParser(description="台账导出基准")
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nanmu-ledger-"))
    path = args.db or folder / "ledger.sqlite3"
    if not path.exists():
        build(path, args.cases)
        decided = add_determinations(path)
        print(f"built {args.cases} cases ({decided} decided) in {path}")

    from nanmu_desktop.services.ledger import export_ledger, ledger_rows

    db = open_database(path)
    started = time.perf_counter()
    rows = ledger_rows(db)
    read_s = time.perf_counter() - started
    target = folder / "台账.xlsx"
    started = time.perf_counter()
    count = export_ledger(db, target)
    total_s = time.perf_counter() - started
    db.close()
    print(f"rows read: {len(rows)} in {read_s:.2f} s")
    verdict = "OK" if total_s <= TARGET_S else "SLOW"
    print(
        f"ledger of {count} cases to Excel: {total_s:.2f} s (target ≤ {TARGET_S:.0f} s) {verdict}"
        f"; {target.stat().st_size / 1e6:.1f} MB"
    )
    return 0 if total_s <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
