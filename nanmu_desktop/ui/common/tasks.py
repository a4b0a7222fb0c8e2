"""The one background-work helper: long work runs off the GUI thread, results come back on it.

A work function receives a `TaskControl` (progress reports, cooperative cancel flag) and
calls services only, which return frozen dataclasses — no ORM object ever crosses a thread.
Work that writes goes to a single-thread queue, so database writes never overlap; read-only
work (rendering a preview) runs beside it. A `NanmuError` becomes a Chinese message box;
any other exception is re-raised on the GUI thread so the application's hook reports it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from nanmu_desktop.errors import NanmuError

T = TypeVar("T")

PROGRESS_DELAY_MS = 400  # short work finishes before a dialog would flash up


class TaskCancelled(Exception):
    """Raised by `TaskControl.raise_if_cancelled()`; ends the task as cancelled, not failed."""


class TaskControl:
    """What a work function gets: report progress, and stop early when asked to."""

    def __init__(self, handle: TaskHandle[Any]) -> None:
        self._handle = handle
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """Thread-safe: queued to the GUI thread (e.g. `report(3, 100, "正在签发第 3 份")`)."""
        self._handle.progress_posted.emit(done, total, text)


class TaskHandle(QObject, Generic[T]):
    """One running task. Lives on the GUI thread; the worker only emits its `*_posted` signals."""

    progress_posted = Signal(int, int, str)
    result_posted = Signal(object)
    error_posted = Signal(object)
    cancel_posted = Signal()

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the NanmuError, after it has been shown
    cancelled = Signal()
    finished = Signal()  # always last, whatever the ending

    def __init__(
        self,
        title: str | None,
        parent_widget: QWidget | None,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[NanmuError], None] | None,
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self.control = TaskControl(self)
        self._owner_gone = False
        if owner is not None:  # callbacks would touch a deleted widget: skip them then
            owner.destroyed.connect(self._forget_owner)
        self._parent_widget = parent_widget
        self._on_done = on_done
        self._on_error = on_error
        self._dialog: QProgressDialog | None = None
        self.is_running = True
        queued = Qt.ConnectionType.QueuedConnection
        self.progress_posted.connect(self._show_progress, queued)
        self.result_posted.connect(self._deliver_result, queued)
        self.error_posted.connect(self._deliver_error, queued)
        self.cancel_posted.connect(self._deliver_cancel, queued)
        if title is not None:
            self._dialog = _progress_dialog(title, parent_widget)
            self._dialog.canceled.connect(self.cancel)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._dialog

    @Slot()
    def cancel(self) -> None:
        self.control.cancel()
        if self._dialog is not None and self.is_running:
            self._dialog.setLabelText("正在取消，请稍候…")

    @Slot()
    def _forget_owner(self) -> None:
        self._owner_gone = True
        self._parent_widget = None
        self.control.cancel()

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is not None and not self.control.cancelled:
            if text:
                dialog.setLabelText(text)
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
        self.progressed.emit(done, total, text)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._end()
        if self._on_done is not None and not self._owner_gone:
            self._on_done(result)  # type: ignore[arg-type]  # the work function's own T
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._end()
        if not isinstance(error, NanmuError):
            self.finished.emit()
            assert isinstance(error, BaseException)
            raise error  # a bug: let the application's exception hook report it
        if self._owner_gone:
            pass  # whoever asked is gone; nobody is left to tell
        elif self._on_error is not None:
            self._on_error(error)
        else:
            show_error(self._parent_widget, error)
        self.failed.emit(error)
        self.finished.emit()

    @Slot()
    def _deliver_cancel(self) -> None:
        self._end()
        self.cancelled.emit()
        self.finished.emit()

    def _end(self) -> None:
        self.is_running = False
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None


class _Job(QRunnable):
    def __init__(self, work: Callable[[TaskControl], Any], handle: TaskHandle[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._handle = handle

    def run(self) -> None:
        handle = self._handle
        try:
            handle.control.raise_if_cancelled()
            result = self._work(handle.control)
        except TaskCancelled:
            handle.cancel_posted.emit()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            handle.error_posted.emit(exc)
        else:
            handle.result_posted.emit(result)


class TaskRunner(QObject):
    """Starts work in the background. One per application (held by the `UiContext`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)  # the one writer queue: writes run one after another
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._running: set[TaskHandle[Any]] = set()

    def run(
        self,
        work: Callable[[TaskControl], T],
        *,
        on_done: Callable[[T], None] | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
        writes: bool = True,
        on_error: Callable[[NanmuError], None] | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle[T]:
        """Run `work(control)` in the background; `on_done(result)` then runs on the GUI thread.

        `title` shows a cancellable progress dialog (after a short delay) over `parent`;
        without it the work runs quietly. `writes=False` marks read-only work, which may run
        beside the writer queue. A `NanmuError` goes to `on_error`, else to a message box.
        When `owner` (default: `parent`) is deleted first, the callbacks are skipped.
        """
        handle: TaskHandle[T] = TaskHandle(title, parent, on_done, on_error, owner or parent)
        self._running.add(handle)
        handle.finished.connect(lambda: self._running.discard(handle))
        pool = self._writer if writes else self._readers
        pool.start(_Job(work, handle))
        return handle

    @property
    def active_count(self) -> int:
        return len(self._running)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Ask every task to stop and wait for the threads; True when all have ended."""
        for handle in list(self._running):
            handle.control.cancel()
        done_writer = self._writer.waitForDone(timeout_ms)
        done_readers = self._readers.waitForDone(timeout_ms)
        return done_writer and done_readers


def _progress_dialog(title: str, parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(title, "取消", 0, 0, parent)
    dialog.setWindowTitle("请稍候")
    # Not modal: a modal dialog's setValue() runs a nested event loop, in which the task's
    # result (and the dialog's own deletion) could arrive mid-call. Writes queue anyway.
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)  # starts the minimum-duration timer
    return dialog


def show_error(parent: QWidget | None, error: NanmuError) -> QMessageBox:
    """A non-blocking warning box with the error's Chinese message (tests find it by name)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "无法完成操作", error.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("taskErrorBox")
    box.button(QMessageBox.StandardButton.Ok).setText("确定")  # Chinese even without a translator
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
