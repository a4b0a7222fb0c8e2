"""A second copy of the app on the same database is told who holds it and opens read-only or
not at all; a lock left by a process that is gone is taken over."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from helpers import answer_message_box
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from nanmu_desktop.storage.instance_lock import InstanceLock, lock_path
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.instance import take_instance_lock


def _held_by(db_path: Path, pid: int) -> None:
    lock_path(db_path).write_text(json.dumps(
        {"user": "莫日根", "host": socket.gethostname(), "pid": pid, "since": "2026-11-30 08:00"}
    ), encoding="utf-8")


def test_a_second_copy_is_told_who_holds_the_database_and_opens_read_only(
    qtbot: object, db_path: Path, qt_settings: QSettings
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _held_by(db_path, holder.pid)
        context = UiContext(None, db_path, qt_settings)
        answer = answer_message_box(QMessageBox.StandardButton.Open)
        assert take_instance_lock(context, None) is None
        assert answer.handled and "莫日根" in answer.text and str(holder.pid) in answer.text
        assert context.read_only
        quit_answer = answer_message_box(QMessageBox.StandardButton.Close)
        second = UiContext(None, db_path, qt_settings)
        assert take_instance_lock(second, None) is None
        assert quit_answer.handled and not second.read_only
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_of_a_process_that_is_gone_is_taken_over(db_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    _held_by(db_path, gone.pid)
    lock = InstanceLock.acquire(db_path)
    assert json.loads(lock_path(db_path).read_text("utf-8"))["user"] != "莫日根"
    lock.release()
    assert not lock_path(db_path).exists()
