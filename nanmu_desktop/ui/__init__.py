"""PySide6 widgets: the only package that imports Qt."""

from nanmu_desktop.ui.common import qt_fixes

qt_fixes.install()  # before any widget emits a signal
