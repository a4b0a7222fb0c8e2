"""Running `python -m nanmu_desktop` as a separate process, as a clerk or a script would."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str | Path, stdin: str | None = None, env: dict[str, str] | None = None) -> Run:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "nanmu_desktop", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=120,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_refused(run: Run) -> None:
    """Exit 2, a Chinese message on stderr, no traceback."""
    assert run.code == 2, run
    assert CJK.search(run.err), run.err
    assert "Traceback" not in run.err and "Traceback" not in run.out


def db_state(path: Path) -> tuple[int, int, int]:
    """(cases, officers, audit rows) read with plain sqlite3."""
    with sqlite3.connect(path) as con:
        counts = [
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("cases", "officers", "audit_log")
        ]
    con.close()
    return counts[0], counts[1], counts[2]
