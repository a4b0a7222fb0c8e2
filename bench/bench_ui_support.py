"""Shared by the UI benchmarks: the 100,000-case database (built once, reused) and RSS."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIG_CASES = 100_000


def big_database(cases: int = BIG_CASES) -> Path:
    """bench/out/ui-<cases>.sqlite3, built with B1's make_big_db the first time."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"ui-{cases}.sqlite3"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from make_big_db import build

        partial = path.with_suffix(".building")
        for leftover in OUT.glob(partial.name + "*"):
            leftover.unlink()
        build(partial, cases)
        shutil.move(partial, path)
    return path


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; elsewhere psutil-free fallback: 0)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"
