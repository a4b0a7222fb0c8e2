"""The background helper: progress, cancel, results and errors delivered on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from nanmu_desktop.errors import ConflictError, NanmuError
from nanmu_desktop.ui.common.tasks import TaskControl, TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(5000)


def _on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


def test_result_arrives_on_gui_thread_and_work_ran_elsewhere(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: dict[str, object] = {}

    def work(control: TaskControl) -> int:
        seen["work_on_gui"] = _on_gui_thread()
        return 6 * 7

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_on_gui"] = _on_gui_thread()

    handle = runner.run(work, on_done=done)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert seen == {"work_on_gui": False, "result": 42, "done_on_gui": True}
    assert runner.active_count == 0


def test_progress_reports_reach_the_dialog(qtbot: QtBot, runner: TaskRunner) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    reports: list[tuple[int, int, str]] = []

    def work(control: TaskControl) -> str:
        for step in range(1, 4):
            control.report(step, 3, f"正在处理第 {step} 项")
        release.wait(5)
        return "完成"

    handle = runner.run(work, title="正在签发文书", parent=parent)
    handle.progressed.connect(lambda d, t, s: reports.append((d, t, s)))
    dialog = handle.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(reports) == 3, timeout=5000)
    assert dialog.maximum() == 3 and dialog.value() == 3
    assert dialog.labelText() == "正在处理第 3 项"
    release.set()
    with qtbot.waitSignal(handle.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["完成"]
    assert handle.progress_dialog is None


def test_cancel_stops_cooperative_work(qtbot: QtBot, runner: TaskRunner) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    processed: list[int] = []
    done_called: list[object] = []

    def work(control: TaskControl) -> None:
        started.set()
        for item in range(10_000):
            control.raise_if_cancelled()
            processed.append(item)
            threading.Event().wait(0.001)

    handle = runner.run(work, title="正在导出", parent=parent, on_done=done_called.append)
    assert started.wait(5)
    dialog = handle.progress_dialog
    assert dialog is not None
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "取消"
    with qtbot.waitSignal(handle.cancelled, timeout=5000):
        cancel_button.click()
    assert 0 < len(processed) < 10_000
    assert done_called == []
    assert not handle.is_running


def test_nanmu_error_is_shown_in_chinese_on_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def work(control: TaskControl) -> None:
        raise ConflictError("该文书已签发，不能修改")

    handle = runner.run(work, parent=parent)
    with qtbot.waitSignal(handle.failed, timeout=5000) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, NanmuError) and error.message == "该文书已签发，不能修改"
    box = parent.findChild(QMessageBox, "taskErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "该文书已签发，不能修改"
    assert box.button(QMessageBox.StandardButton.Ok).text() == "确定"
    box.accept()


def test_custom_error_handler_runs_on_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    received: list[tuple[str, bool]] = []

    def work(control: TaskControl) -> None:
        raise ConflictError("编号已被占用")

    handle = runner.run(work, on_error=lambda e: received.append((e.message, _on_gui_thread())))
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert received == [("编号已被占用", True)]


def test_writes_are_serialized(qtbot: QtBot, runner: TaskRunner) -> None:
    lock = threading.Lock()
    overlaps: list[bool] = []
    order: list[int] = []

    def writer(index: int):  # type: ignore[no-untyped-def]
        def work(control: TaskControl) -> None:
            got = lock.acquire(blocking=False)
            overlaps.append(not got)
            threading.Event().wait(0.02)
            order.append(index)
            if got:
                lock.release()

        return work

    handles = [runner.run(writer(i)) for i in range(5)]
    qtbot.waitUntil(lambda: all(not h.is_running for h in handles), timeout=5000)
    assert overlaps == [False] * 5
    assert order == [0, 1, 2, 3, 4]


def test_unexpected_error_is_raised_on_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(control: TaskControl) -> None:
        raise ValueError("bug")

    with qtbot.captureExceptions() as exceptions:
        handle = runner.run(work)
        qtbot.waitUntil(lambda: not handle.is_running, timeout=5000)
    assert len(exceptions) == 1
    assert isinstance(exceptions[0][1], ValueError)


def test_progress_reports_racing_the_end_of_the_task(qtbot: QtBot, runner: TaskRunner) -> None:
    """Reports still queued when the result arrives must not touch the closed dialog."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def work(control: TaskControl) -> int:
        threading.Event().wait(0.6)  # past the delay: the dialog is shown
        for step in range(300):
            control.report(step, 300, f"第 {step} 项")
        return 300

    with qtbot.captureExceptions() as exceptions:
        handle = runner.run(work, title="正在签发文书", parent=parent)
        with qtbot.waitSignal(handle.finished, timeout=10_000):
            pass
        qtbot.wait(50)  # let the reports queued behind the result arrive
    assert exceptions == []
    assert handle.progress_dialog is None


def test_callbacks_are_skipped_when_the_owner_is_gone(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QWidget()
    release = threading.Event()
    called: list[object] = []

    def work(control: TaskControl) -> str:
        release.wait(5)
        return "late"

    handle = runner.run(work, on_done=called.append, on_error=called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: handle.control.cancelled, timeout=5000)  # told to stop
    release.set()
    qtbot.waitUntil(lambda: not handle.is_running, timeout=5000)
    assert called == []
