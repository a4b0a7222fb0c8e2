"""Two processes issuing against one SQLite file at the same time never share a number."""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from issuing_db import add_case, new_database

PER_PROCESS = 4
PROCESSES = 2


def _issue_many(
    db_path: str, case_id: int, start: multiprocessing.synchronize.Event, index: int
) -> list[str]:
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.documents import DocumentTarget, draft_pdf
    from nanmu_desktop.services.issuing import issue_document
    from nanmu_desktop.storage.db import open_database

    db = open_database(Path(db_path))
    target = DocumentTarget(DocumentKind.notification, case_id)
    draft_pdf(db, target, on=date(2026, 1, 12))  # warm up fonts before the race
    start.wait()
    # A distinct day per document: the same document asked for again on the same day is a
    # retry and finds the first one.
    first = date(2026, 1, 12) + timedelta(days=index * PER_PROCESS)
    days = [first + timedelta(days=i) for i in range(PER_PROCESS)]
    numbers = [issue_document(db, target, on=day).number for day in days]
    db.close()
    return numbers


def _worker(
    db_path: str,
    case_id: int,
    start: multiprocessing.synchronize.Event,
    results: multiprocessing.Queue[object],
    index: int,
) -> None:
    results.put(_issue_many(db_path, case_id, start, index))


def test_concurrent_issuing_draws_distinct_consecutive_numbers(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    db = new_database(path)
    case_id = add_case(db)
    db.close()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    results: multiprocessing.Queue[object] = ctx.Queue()
    workers = [
        ctx.Process(target=_worker, args=(str(path), case_id, start, results, index))
        for index in range(PROCESSES)
    ]
    for w in workers:
        w.start()
    start.set()
    collected = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    numbers = [n for batch in collected for n in batch]  # type: ignore[attr-defined]
    assert len(numbers) == len(set(numbers)) == PROCESSES * PER_PROCESS
    with sqlite3.connect(path) as raw:
        seqs = [s for (s,) in raw.execute("SELECT seq FROM number_register ORDER BY seq")]
        docs = raw.execute("SELECT count(*) FROM issued_documents").fetchone()[0]
    total = PROCESSES * PER_PROCESS  # the warm-up renders a draft: no number
    assert seqs == list(range(1, total + 1))  # no gap, no duplicate
    assert docs == total
