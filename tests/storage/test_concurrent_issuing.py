"""Two PCs issuing at once: two processes issue 100 documents each into one database; the
register holds 200 consecutive numbers and neither clerk saw an error. On PostgreSQL (the
office server; the series is locked row by row, see storage/numbering.py): SQLite's one file
is covered by test_write_path's processes and threads."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .write_workload import J1_FACTS, prepare

EACH = 100


def _issue_many(location: str, case_id: int, clerk: str, results: Any) -> None:
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.issuing import issue_document
    from nanmu_desktop.storage.backends import database_location
    from nanmu_desktop.storage.db import open_database

    db = open_database(database_location(location))
    numbers, failures = [], []
    try:
        for n in range(EACH):
            # One 告知书 per addressee: a different document each time (its issue key).
            target = DocumentTarget(DocumentKind.notification, case_id, recipient=f"{clerk}{n}")
            try:
                numbers.append(issue_document(db, target, actor=clerk).number)
            except Exception as err:  # counted: that is the point
                failures.append(f"{type(err).__name__}: {err}")
    finally:
        db.close()
    results.put((numbers, failures))


@pytest.mark.slow
@pytest.mark.postgresql_only
def test_two_pcs_issuing_at_once_get_consecutive_numbers(new_location: Path | str) -> None:
    from nanmu_desktop.domain.numbering import parse_number
    from nanmu_desktop.services.decisions import DecisionInput, record_decision
    from nanmu_desktop.services.determinations import save_proposal
    from nanmu_desktop.storage.checks import run_checks
    from nanmu_desktop.storage.db import open_database

    _, case_id = prepare(new_location)
    db = open_database(new_location)
    try:
        save_proposal(db, case_id, J1_FACTS)
        record_decision(db, case_id, DecisionInput(date.today(), ("乌力吉",)))
    finally:
        db.close()
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_issue_many, args=(str(new_location), case_id, clerk, results))
        for clerk in ("甲", "乙")
    ]
    for proc in procs:
        proc.start()
    seen = [results.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    failures = [f for _, found in seen for f in found]
    numbers = [n for found, _ in seen for n in found]
    assert failures == []
    seqs = sorted(parse_number(n).serial for n in numbers)
    assert seqs == list(range(seqs[0], seqs[0] + 2 * EACH))
    assert all(len(found) == EACH for found, _ in seen)
    db = open_database(new_location)
    try:
        assert [r.details for r in run_checks(db) if not r.ok] == []
    finally:
        db.close()
