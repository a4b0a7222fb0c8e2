"""kill -9 at random moments of a writer (crash_workload.py), then look at the file: every
write the writer saw committed is there, no number is taken without its document, and `check`
passes. Used by tests/storage/test_crash.py (a few trials) and bench/crash_trials.py (≥ 200)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class CrashReport:
    trials: int = 0
    killed_during: Counter[str] = field(default_factory=Counter)  # the write after the last seen
    lost: list[str] = field(default_factory=list)
    orphan_numbers: list[str] = field(default_factory=list)
    check_problems: list[str] = field(default_factory=list)
    stray_partials: int = 0


def template(folder: Path) -> Path:
    from .write_workload import prepare

    path = folder / "template.sqlite3"
    officer_id, _ = prepare(path)
    (folder / "officer_id").write_text(str(officer_id))
    return path


NEXT = {"ready": "register", "register": "determine", "determine": "decide", "decide": "issue",
        "issue": "void/edit", "void": "edit", "edit": "register"}


def one_trial(folder: Path, source: Path, rng: random.Random, report: CrashReport) -> None:
    trial = folder / f"trial-{report.trials}"
    trial.mkdir()
    db_path = trial / "nanmu.sqlite3"
    shutil.copyfile(source, db_path)
    shutil.copyfile(folder / "officer_id", trial / "officer_id")
    out = trial / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.crash_workload", str(db_path), str(out)],
        stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    assert child.stdout is not None
    lines = [child.stdout.readline()]  # "ready": imports done, database open
    time.sleep(rng.uniform(0.0, 2.5))
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    lines += rest.splitlines()
    seen = [line.strip().split(" ", 1) for line in lines if line.strip()]
    report.trials += 1
    report.killed_during[NEXT.get(seen[-1][0], "?") if seen else "start"] += 1
    judge(db_path, seen, report)
    report.stray_partials += sum(1 for p in out.iterdir() if p.name.endswith(".part"))
    shutil.rmtree(trial)


def judge(db_path: Path, seen: list[list[str]], report: CrashReport) -> None:
    from sqlalchemy import select

    from nanmu_desktop.storage.checks import run_checks
    from nanmu_desktop.storage.db import open_database
    from nanmu_desktop.storage.models import (
        Case,
        Determination,
        DocumentVoid,
        IssuedDocument,
        NumberRegister,
    )

    db = open_database(db_path)
    try:
        with db.session() as session:
            cases = set(session.scalars(select(Case.number)))
            determined = set(session.scalars(select(Determination.case_id)))
            decided = set(session.scalars(
                select(Determination.case_id).where(Determination.decided_outcome.is_not(None))
            ))
            numbers = set(session.scalars(select(IssuedDocument.number)))
            voided = set(session.scalars(
                select(IssuedDocument.number).join(
                    DocumentVoid, DocumentVoid.document_id == IssuedDocument.id)
            ))
            versions = {i: v for i, v in session.execute(select(Case.id, Case.version))}
            orphans = session.execute(
                select(NumberRegister.prefix, NumberRegister.year, NumberRegister.seq).where(
                    NumberRegister.document_id.is_(None))
            ).all()
        report.check_problems += [f"{r.label}：{r.details}" for r in run_checks(db) if not r.ok]
    finally:
        db.close()
    checks = {
        "ready": lambda key: True,
        "register": lambda key: key in cases,
        "determine": lambda key: int(key) in determined,
        "decide": lambda key: int(key) in decided,
        "issue": lambda key: key in numbers,
        "void": lambda key: key in voided,
        "edit": lambda key: _edited(versions, key),
    }
    for kind, key in seen:
        if not checks[kind](key):
            report.lost.append(f"{kind} {key}")
    report.orphan_numbers += [f"{p}〔{y}〕{s}号" for p, y, s in orphans]


def _edited(versions: dict[int, int], key: str) -> bool:
    case_id, version = key.split(":")
    return versions.get(int(case_id), 0) >= int(version)


def run_trials(folder: Path, trials: int, seed: int = 7) -> CrashReport:
    rng = random.Random(seed)
    source = template(folder)
    report = CrashReport()
    for _ in range(trials):
        one_trial(folder, source, rng, report)
    return report
