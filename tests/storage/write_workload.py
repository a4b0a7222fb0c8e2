"""Mixed writes against one database (a file, or a PostgreSQL URL) from threads and processes,
and the verdict.

Each worker loops until its deadline: register a case, determine it, record the decision, issue
the decision document, void every third one, and save a shared case's form from the version it
read (a stale one is an explicit conflict). Every write a worker saw succeed is reported, so the
verdict can tell lost writes from failed ones. Used by tests/storage/test_write_path.py (a few
seconds) and bench/bench_concurrency.py (60 s).
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

J1_FACTS = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


@dataclass
class Tally:
    """What one worker saw: successes by kind, explicit conflicts, failures (repr)."""

    done: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0
    failures: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    voided: list[str] = field(default_factory=list)
    shared_updates: int = 0

    def merge(self, other: Tally) -> None:
        self.done.update(other.done)
        self.conflicts += other.conflicts
        self.failures += other.failures
        self.cases += other.cases
        self.numbers += other.numbers
        self.voided += other.voided
        self.shared_updates += other.shared_updates


def case_input(officer_id: int, text: str) -> Any:
    from nanmu_desktop.services.case_types import CaseInput

    today = date.today()
    return CaseInput(
        source="个人申请",
        enforcement_type="行政检查",
        field="林业和草原",
        occurred_on=today - timedelta(days=10),
        reported_on=today - timedelta(days=5),
        description=f"暴雪天气下查封木材堆放场，后查明许可有效，已当即解封并致歉。{text}",
        officer_ids=(officer_id,),
    )


def prepare(path: Path | str) -> tuple[int, int]:
    """A new database with one officer and the shared case; returns their ids."""
    from nanmu_desktop.services.cases import register_case
    from nanmu_desktop.services.officers import (
        OfficerInput,
        add_officer,
        ensure_default_departments,
    )
    from nanmu_desktop.services.settings import ProfileInput, update_profile
    from nanmu_desktop.storage.db import open_database

    db = open_database(path)
    try:
        update_profile(db, ProfileInput(name_zh="南木乡", signer="刘晓伟"))
        departments = ensure_default_departments(db)
        person = OfficerInput("关永军", departments[1].id, None, "鄂伦春族", "队员")
        officer = add_officer(db, person)
        shared = register_case(db, case_input(officer.id, "共享案件"))
    finally:
        db.close()
    return officer.id, shared.id


def run_worker(
    path: Path | str, officer_id: int, shared_id: int, name: str, seconds: float
) -> Tally:
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.case_conflicts import StaleEditError
    from nanmu_desktop.services.cases import get_case, register_case, update_case
    from nanmu_desktop.services.decisions import DecisionInput, record_decision
    from nanmu_desktop.services.determinations import save_proposal
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.issuing import issue_document, void_document
    from nanmu_desktop.storage.db import open_database

    tally = Tally()
    db = open_database(path)
    deadline = time.monotonic() + seconds
    meeting = date.today()
    i = 0
    try:
        while time.monotonic() < deadline:
            i += 1
            step = "register"
            try:
                case = register_case(db, case_input(officer_id, f"{name}-{i}"), actor=name)
                tally.cases.append(case.number)
                tally.done[step] += 1
                step = "determine"
                save_proposal(db, case.id, J1_FACTS, actor=name)
                tally.done[step] += 1
                step = "decide"
                record_decision(db, case.id, DecisionInput(meeting, ("乌力吉",)), actor=name)
                tally.done[step] += 1
                step = "issue"
                target = DocumentTarget(DocumentKind.exemption_decision, case.id)
                issued = issue_document(db, target, actor=name)
                tally.numbers.append(issued.number)
                tally.done[step] += 1
                if i % 3 == 0:
                    step = "void"
                    void_document(db, issued.number, "并发测试作废", actor=name)
                    tally.voided.append(issued.number)
                    tally.done[step] += 1
                step = "edit"
                seen = get_case(db, shared_id)
                data = case_input(officer_id, f"{name}-{i}")
                try:
                    update_case(db, shared_id, data, actor=name, expected_version=seen.version)
                    tally.shared_updates += 1
                    tally.done[step] += 1
                except StaleEditError:
                    tally.conflicts += 1
            except Exception as err:  # counted: that is the point
                tally.failures.append(f"{step}: {type(err).__name__}: {err}")
    finally:
        db.close()
    return tally


def _process_main(args: tuple[str, int, int, str, float], results: Any) -> None:
    from nanmu_desktop.storage.backends import database_location

    path, officer_id, shared_id, name, seconds = args
    results.put(run_worker(database_location(path), officer_id, shared_id, name, seconds))


def run_mixed(path: Path | str, threads: int, processes: int, seconds: float) -> Tally:
    """Prepare `path`, run the workers together, return what they saw in total."""
    officer_id, shared_id = prepare(path)
    total = Tally()
    lock = threading.Lock()

    def thread_main(name: str) -> None:
        tally = run_worker(path, officer_id, shared_id, name, seconds)
        with lock:
            total.merge(tally)

    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=_process_main,
            args=((str(path), officer_id, shared_id, f"进程{n}", seconds), results),
        )
        for n in range(processes)
    ]
    for proc in procs:
        proc.start()
    workers = [threading.Thread(target=thread_main, args=(f"线程{n}",)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for _ in procs:
        total.merge(results.get(timeout=seconds + 300))
    for proc in procs:
        proc.join(timeout=60)
    total.done["shared_case_id"] = shared_id
    return total


@dataclass(frozen=True)
class Verdict:
    failed: list[str]
    lost: list[str]
    check_problems: list[str]


def verdict(path: Path | str, tally: Tally) -> Verdict:
    """Compare what the workers saw with what the file holds."""
    from sqlalchemy import func, select

    from nanmu_desktop.storage.checks import run_checks
    from nanmu_desktop.storage.db import open_database
    from nanmu_desktop.storage.models import AuditEntry, Case, DocumentVoid, IssuedDocument

    shared_id = tally.done["shared_case_id"]
    db = open_database(path)
    try:
        with db.session() as session:
            cases = set(session.scalars(select(Case.number)))
            numbers = set(session.scalars(select(IssuedDocument.number)))
            voided = set(
                session.scalars(
                    select(IssuedDocument.number).join(
                        DocumentVoid, DocumentVoid.document_id == IssuedDocument.id
                    )
                )
            )
            shared = session.get(Case, shared_id)
            assert shared is not None
            updates = session.scalar(
                select(func.count()).where(
                    AuditEntry.entity == "case",
                    AuditEntry.entity_id == str(shared_id),
                    AuditEntry.action == "update",
                )
            )
            shared_version = shared.version
        problems = [f"{r.label}：{r.details}" for r in run_checks(db) if not r.ok]
    finally:
        db.close()
    lost = [f"案件 {n}" for n in set(tally.cases) - cases]
    lost += [f"文书 {n}" for n in set(tally.numbers) - numbers]
    lost += [f"作废 {n}" for n in set(tally.voided) - voided]
    if len(tally.numbers) != len(set(tally.numbers)):
        lost.append("同一文号发给了两份文书")
    if updates != tally.shared_updates or shared_version != 1 + tally.shared_updates:
        lost.append(
            f"共享案件：成功保存 {tally.shared_updates} 次，"
            f"审计 {updates} 次，版本 {shared_version}"
        )
    return Verdict(tally.failures, lost, problems)
