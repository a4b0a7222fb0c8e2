"""Start-up benchmark: process start → first painted main window showing its start page (待办,
what the clerk sees first) on a 100,000-case database (target ≤ 600 ms), against a bare PySide6
window showing a table of cases read straight from SQLite in the same run (target ≤ 2 ×, issue
13). Median of several runs each. Figures swing with other load on the machine (printed).

    .venv/bin/python bench/bench_ui_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_ui_support import ROOT, big_database, verdict

TARGET_MS = 600
TARGET_RATIO = 2.0

APP_CHILD = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from nanmu_desktop.ui.app import create_application
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.main_window import MainWindow
FIRST_TABLE = sys.argv[2]

app = create_application(["bench"])
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
context = UiContext(None, Path(sys.argv[1]), settings)
window = MainWindow(context, open_first_page=False)

class Watch(QObject):
    stage = "frame"
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if self.stage == "frame" and getattr(watched, "window", lambda: None)() is window:
            self.stage = "rows"
            print("frame", flush=True)
            QTimer.singleShot(0, window.database_ready)
        elif self.stage == "rows":
            # The start page's table (待办) painted with what it holds, as the clerk sees it.
            table = window.findChild(QTableView, FIRST_TABLE)
            if table is not None and watched is table.viewport():
                self.stage = "done"
                print("rows", flush=True)
                QTimer.singleShot(0, app.quit)
        return False

watch = Watch()
app.installEventFilter(watch)
window.resize(1366, 768)
window.show()
app.exec()
context.database.close()
"""

BARE_CHILD = r"""
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(["bare"])
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT number, title, source, field, occurred_on, reported_on, status, outcome "
    "FROM cases ORDER BY reported_on DESC LIMIT 50").fetchall()

class Model(QAbstractTableModel):
    def rowCount(self, parent=None): return len(rows)
    def columnCount(self, parent=None): return 8
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(rows[index.row()][index.column()])
        return None

window = QMainWindow()
table = QTableView()
table.setModel(Model())
window.setCentralWidget(table)

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is table.viewport():
            print("rows", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

watch = Watch()
app.installEventFilter(watch)
window.resize(1366, 768)
window.show()
app.exec()
"""


def _time_child(code: str, db: Path, *extra: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, str(db), *extra], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        marks[line.strip()] = (time.perf_counter() - start) * 1000
    child.wait(timeout=60)
    if "rows" not in marks:
        raise SystemExit(f"child failed (exit {child.returncode})")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description="启动时间基准")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = big_database()
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    _time_child(APP_CHILD, db, "dueTable")  # warm the OS file cache, as a clerk's second start
    app_runs = [_time_child(APP_CHILD, db, "dueTable") for _ in range(args.runs)]
    bare_runs = [_time_child(BARE_CHILD, db) for _ in range(args.runs)]
    frame = statistics.median(r["frame"] for r in app_runs)
    rows = statistics.median(r["rows"] for r in app_runs)
    bare = statistics.median(r["rows"] for r in bare_runs)
    ratio = rows / bare
    print(f"main window frame painted: {frame:.0f} ms (median of {args.runs})")
    print(f"main window with the 待办 page painted: {rows:.0f} ms "
          f"(target ≤ {TARGET_MS} ms) {verdict(rows <= TARGET_MS)}")
    print(f"bare PySide6 window, same table: {bare:.0f} ms")
    print(f"ratio: {ratio:.2f} × (target ≤ {TARGET_RATIO} ×) {verdict(ratio <= TARGET_RATIO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
