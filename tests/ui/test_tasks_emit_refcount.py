"""Signals emitted from Python (the task runner emits many) must not eat references to True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import nanmu_desktop.ui  # noqa: F401  (installs the binding fixes)


class _Sender(QObject):
    ticked = Signal(int)


def test_many_emits_leave_the_refcount_of_true_alone() -> None:
    sender = _Sender()
    received: list[int] = []
    sender.ticked.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(2000):
        sender.ticked.emit(n)
    assert len(received) == 2000
    # unfixed PySide6 6.12.0 would have lost 2000; allow for unrelated references elsewhere
    assert abs(sys.getrefcount(True) - before) < 20
