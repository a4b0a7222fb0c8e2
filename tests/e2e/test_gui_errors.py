"""The desktop app as a process without stderr (like the windowed Windows executable, whose
sys.stderr is None): an unexpected error is logged beside the database and told in Chinese.

The error is injected from outside our code: a sitecustomize module on PYTHONPATH wraps
MainWindow.database_ready to raise once the window is ready, and answers the message box
(writing its text to a file) so that the app can quit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

INJECTION = '''
import sys
from pathlib import Path

OUT = Path(__file__).with_name("seen.txt")
OUT.write_text(f"stderr is None: {sys.stderr is None}\\n", encoding="utf-8")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import nanmu_desktop.ui.main_window as main_window

_ready = main_window.MainWindow.database_ready


def _answer_box():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        with OUT.open("a", encoding="utf-8") as out:
            out.write(f"title: {box.windowTitle()}\\ntext: {box.text()}\\n")
        box.done(0)
        QTimer.singleShot(100, QApplication.quit)


def _raise():
    raise RuntimeError("注入的意外错误")


def _broken_ready(self, *args, **kwargs):
    _ready(self, *args, **kwargs)
    watcher = QTimer(self)
    watcher.timeout.connect(_answer_box)
    watcher.start(100)
    QTimer.singleShot(0, _raise)


main_window.MainWindow.database_ready = _broken_ready
'''


def test_an_unexpected_error_without_stderr_is_logged_and_told_in_chinese(tmp_path):
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(INJECTION, encoding="utf-8")
    db = tmp_path / "office" / "nanmu.sqlite3"
    db.parent.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    demo = subprocess.run([sys.executable, "-m", "nanmu_desktop", "--db", str(db), "demo"],
                          env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=300,
                          check=False)
    assert demo.returncode == 0, demo.stderr[-2000:]
    app = subprocess.run(
        [sys.executable, "-m", "nanmu_desktop", "--db", str(db)],
        env={**env, "PYTHONPATH": os.pathsep.join([str(inject), str(ROOT)])},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),  # no stderr at all, as in the windowed .exe
        timeout=300, check=False,
    )
    seen = (inject / "seen.txt").read_text(encoding="utf-8")
    assert "stderr is None: True" in seen
    assert "title: 意外错误" in seen and "程序出现意外错误" in seen, seen
    log = db.parent / "error.log"  # beside the database in use
    assert str(log) in seen
    assert "RuntimeError: 注入的意外错误" in log.read_text(encoding="utf-8")
    assert app.returncode == 0
