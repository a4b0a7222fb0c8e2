"""The command line as whole processes: `bench_cli.py [--runs N]`.

Targets: `nanmu-desktop determine` ≤ 0.5 s (it must not import SQLAlchemy or reportlab);
`nanmu-desktop demo` into a new database ≤ 3 s (every record through the services, with
the documents the demo issues). Prints, for N runs, the median wall-clock time (judged
against the target), the worst, and the median CPU time (the cost when the machine is busy).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DETERMINE_TARGET_S = 0.5
DEMO_TARGET_S = 3.0
FACTS = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


def timed(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `python -m nanmu_desktop` process."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nanmu_desktop", *args], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"nanmu-desktop {' '.join(args)} failed: {done.stderr}")
    return elapsed, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report(name: str, runs: list[tuple[float, float]], target: float) -> bool:
    wall = [r[0] for r in runs]
    median = statistics.median(wall)
    cpu = statistics.median(r[1] for r in runs)
    ok = median <= target
    print(
        f"{name:<10} median {median:6.3f} s  worst {max(wall):6.3f} s  CPU {cpu:6.3f} s  "
        f"target ≤ {target:.1f} s  {'OK' if ok else 'MISSED'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / "facts.json"
        facts.write_text(json.dumps(FACTS), encoding="utf-8")
        determine = [timed(["determine", "--facts", str(facts)]) for _ in range(runs)]
        demo = [timed(["--db", str(Path(tmp) / f"demo{i}.sqlite3"), "demo"]) for i in range(runs)]
    ok = report("determine", determine, DETERMINE_TARGET_S)
    ok = report("demo", demo, DEMO_TARGET_S) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
