"""Event-loop lag while 100 notices are issued in the background through the TaskRunner: a
10 ms QTimer on the GUI thread records the longest gap between its ticks (target ≤ 100 ms).

    .venv/bin/python bench/bench_ui_lag.py [--count N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench_ui_support import verdict

TARGET_MS = 100
TICK_MS = 10


def main() -> int:
    parser = argparse.ArgumentParser(description="后台签发时界面响应基准")
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.case_list import CaseQuery, list_cases
    from nanmu_desktop.services.demo import fill_demo
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.issuing import issue_document
    from nanmu_desktop.storage.db import open_database
    from nanmu_desktop.ui.common.tasks import TaskControl, TaskRunner

    app = QApplication(["bench"])
    db = open_database(Path(tempfile.mkdtemp(prefix="nanmu-lag-")) / "lag.sqlite3")
    fill_demo(db)
    case = next(c for c in list_cases(db, CaseQuery(limit=100)).rows if c.outcome == "exempt"
                and c.status not in ("registered", "investigating", "determining"))
    target = DocumentTarget(DocumentKind.notification, case_id=case.id)

    def work(control: TaskControl) -> int:
        for n in range(args.count):
            control.raise_if_cancelled()
            issue_document(db, target)
            control.report(n + 1, args.count, f"正在签发第 {n + 1} 份")
        return args.count

    gaps: list[float] = []
    last = time.perf_counter()

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    runner = TaskRunner()
    started = time.perf_counter()
    handle = runner.run(work, title="正在签发文书…")
    handle.finished.connect(app.quit)
    app.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    runner.shutdown()
    db.close()
    worst = max(gaps[1:])  # the first gap includes the loop's own start
    print(f"{args.count} notices issued in the background in {elapsed:.1f} s")
    print(f"GUI ticks: {len(gaps)}, longest gap {worst:.0f} ms "
          f"(target ≤ {TARGET_MS} ms) {verdict(worst <= TARGET_MS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
