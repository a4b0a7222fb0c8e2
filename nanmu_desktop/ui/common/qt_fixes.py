"""Work-arounds for defects of the Qt binding in use, each switched on only when detected.

PySide6 6.12.0's `SignalInstance.emit()` returns `True` without owning a reference to it, so
every emit from Python takes one reference away from `True`. After a few hundred emits the
interpreter aborts ("Fatal Python error: bool_dealloc"). The fix gives back exactly the
reference the call took; it is installed only if one probe emit shows the loss, so a fixed
PySide6 runs untouched.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    fired = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()
    lost = sys.getrefcount(True) < before
    if lost:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # undo the probe's own loss
    return lost


def install() -> bool:
    """Patch `SignalInstance.emit` when it is defective; True when the fix is active."""
    global _installed
    if _installed:
        return True
    if not _emit_loses_a_reference():
        return False
    original = SignalInstance.emit
    increment = ctypes.pythonapi.Py_IncRef
    true_object = ctypes.py_object(True)

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            increment(true_object)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
