"""kill -9 at random points of every kind of write: `crash_trials.py [--trials 200]`.

Run from the repository root with PYTHONPATH=. (it reuses tests/storage/crash_trials.py).
Target: 0 lost committed writes, 0 numbers taken without a document, `check` passing after
every kill. Prints the trials, in which write each kill landed, and the three counts.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from tests.storage.crash_trials import run_trials


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("NANMU_CONFIG_DIR", str(Path(folder) / "config"))
        started = time.monotonic()
        report = run_trials(Path(folder), args.trials, args.seed)
        elapsed = time.monotonic() - started
    print(f"kill -9 试验 {report.trials} 次，用时 {elapsed:.0f} s")
    print("中断时正在进行的写入：" + "、".join(f"{k} {v}" for k, v in
                                     sorted(report.killed_during.items())))
    print(f"丢失的已提交写入：{len(report.lost)}", *report.lost[:10])
    print(f"无文书的文号：{len(report.orphan_numbers)}", *report.orphan_numbers[:10])
    print(f"check 未通过：{len(report.check_problems)}", *report.check_problems[:5])
    print(f"遗留的临时 PDF（.part）：{report.stray_partials}")
    ok = not (report.lost or report.orphan_numbers or report.check_problems)
    print("结论：" + ("达标" if ok else "未达标"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
