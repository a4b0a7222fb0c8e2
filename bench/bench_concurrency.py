"""Mixed writes from 8 threads and 4 processes on one database:
`bench_concurrency.py [--seconds 60] [--db postgresql://user@host/empty_db]` (default: a new file).

Run from the repository root with PYTHONPATH=. (it reuses tests/storage/write_workload.py).
Target: 0 failed writes except explicit conflicts (a stale form), 0 lost updates, numbers
gapless (`check` passes). Prints the operations done per kind, the conflicts, the failures and
what `check` says.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from tests.storage.write_workload import run_mixed, verdict


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--db", default=None, help="an empty PostgreSQL database's URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("NANMU_CONFIG_DIR", str(Path(folder) / "config"))
        path: Path | str = args.db or Path(folder) / "office.sqlite3"
        started = time.monotonic()
        tally = run_mixed(path, args.threads, args.processes, args.seconds)
        elapsed = time.monotonic() - started
        result = verdict(path, tally)
    done = {k: v for k, v in tally.done.items() if k != "shared_case_id"}
    writes = sum(done.values())
    print(f"{args.threads} 线程 + {args.processes} 进程，{elapsed:.1f} s")
    print(f"成功写入 {writes} 次（{writes / elapsed:.1f}/s）：{done}")
    print(f"显式冲突（过期表单被拒）：{tally.conflicts}")
    print(f"失败写入：{len(result.failed)}")
    for line in result.failed[:10]:
        print("  ", line)
    print(f"丢失的写入：{len(result.lost)}")
    for line in result.lost[:10]:
        print("  ", line)
    checked = "；".join(result.check_problems) or "全部通过"
    print(f"check：{checked}")
    ok = not result.failed and not result.lost and not result.check_problems
    print("结论：" + ("达标" if ok else "未达标"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
