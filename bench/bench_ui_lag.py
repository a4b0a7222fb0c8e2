"""Event-loop lag while work runs in the background through the TaskRunner: a 10 ms QTimer on
the GUI thread records the longest gap between its ticks (target ≤ 100 ms).

Three jobs, each on its own:
- print: a 3-page document printed to a file (打印到文件 / 另存为 PDF) as the 文书 page does it
  — the issued bytes written, never a raster (the file must equal the issued PDF);
- raster: the same 3 pages rendered for a printer at 600 dpi and drawn on the worker thread
  (a PDF printer stands in for the real one; its file size shows what a raster costs);
- issue: N notices issued in the writer queue.

    .venv/bin/python bench/bench_ui_lag.py [--count N] [--dpi D] [--only print|raster|issue]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_ui_support import verdict

TARGET_MS = 100
TICK_MS = 10
PAGES = 3


def _measure(app: Any, start: Callable[[], Any]) -> tuple[float, list[float]]:
    """(seconds, gaps between ticks in ms) while the task started by `start` runs."""
    from PySide6.QtCore import QTimer

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
    began = time.perf_counter()
    handle = start()
    handle.finished.connect(app.quit)
    app.exec()
    elapsed = time.perf_counter() - began
    timer.stop()
    return elapsed, gaps[1:]  # the first gap includes the loop's own start


def _report(what: str, elapsed: float, gaps: list[float]) -> bool:
    worst = max(gaps, default=0.0)
    p99 = sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0.0
    print(f"{what}: {elapsed:.2f} s; GUI ticks {len(gaps) + 1}, longest gap {worst:.0f} ms "
          f"(target ≤ {TARGET_MS} ms) {verdict(worst <= TARGET_MS)}, 99th percentile "
          f"{p99:.0f} ms")
    return worst <= TARGET_MS


def main() -> int:
    parser = argparse.ArgumentParser(description="后台打印、签发时界面响应基准")
    parser.add_argument("--count", type=int, default=100, help="签发份数")
    parser.add_argument("--dpi", type=int, default=600, help="打印机分辨率")
    parser.add_argument("--only", choices=("print", "raster", "issue"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.case_list import CaseQuery, list_cases
    from nanmu_desktop.services.demo import fill_demo
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.issuing import document_pdf, issue_document
    from nanmu_desktop.services.pdf_pages import pick_pages
    from nanmu_desktop.storage.db import open_database
    from nanmu_desktop.ui.common.tasks import TaskControl, TaskRunner
    from nanmu_desktop.ui.documents import printing

    if hasattr(os, "getloadavg"):  # gaps grow with other work on the machine: say how much
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    app = QApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="nanmu-lag-"))
    db = open_database(folder / "lag.sqlite3")
    fill_demo(db)
    runner = TaskRunner()
    ok = True
    cases = [c for c in list_cases(db, CaseQuery(limit=100)).rows if c.outcome == "exempt"
             and c.status not in ("registered", "investigating", "determining")]
    wanted = {args.only} if args.only else {"print", "raster", "issue"}

    if wanted & {"print", "raster"}:
        # A decision runs to 4 pages; its first 3 are the 3-page document, issued as such.
        info = issue_document(db, DocumentTarget(DocumentKind.exemption_decision,
                                                 case_id=cases[0].id))
        issued = pick_pages(document_pdf(db, info.number)[1], list(range(PAGES)))
        print(f"document: {info.kind_label} {info.number}, first {PAGES} pages, "
              f"{len(issued) / 1024:.0f} KB")

    if "print" in wanted:
        target = folder / "printed.pdf"
        printer = printing.a4_printer()
        printer.setOutputFileName(str(target))  # 打印到文件 (PDF), as the dialog leaves it
        elapsed, gaps = _measure(
            app, lambda: printing.start_printing(runner, issued, printer))
        same = target.read_bytes() == issued
        ok &= _report(f"print to file ({PAGES} pages)", elapsed, gaps)
        print(f"  file {target.stat().st_size / 1024:.0f} KB, equals the issued bytes: "
              f"{verdict(same)}")
        ok &= same

    if "raster" in wanted:
        target = folder / "raster.pdf"
        printer = printing.a4_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for a printer
        printer.setOutputFileName(str(target))
        printer.setResolution(args.dpi)

        def raster(control: TaskControl) -> int:  # what start_printing runs for a printer
            document = printing.load_pdf(issued)
            try:
                return printing.print_pdf(document, printer, control)
            finally:
                document.close()

        elapsed, gaps = _measure(
            app, lambda: runner.run(raster, title="正在打印…", writes=False))
        ok &= _report(f"printer job at {args.dpi} dpi ({PAGES} pages)", elapsed, gaps)
        print(f"  the raster a printer gets would be a {target.stat().st_size / 1e6:.1f} MB file")

    if "issue" in wanted:
        notice = DocumentTarget(DocumentKind.notification, case_id=cases[-1].id)

        def work(control: TaskControl) -> int:
            for n in range(args.count):
                control.raise_if_cancelled()
                issue_document(db, notice)
                control.report(n + 1, args.count, f"正在签发第 {n + 1} 份")
            return args.count

        elapsed, gaps = _measure(
            app, lambda: runner.run(work, title="正在签发文书…"))
        ok &= _report(f"{args.count} notices issued", elapsed, gaps)

    runner.shutdown()
    db.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
