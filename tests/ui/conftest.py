"""Fixtures for UI tests: offscreen Qt, throwaway settings, real SQLite files in tmp_path.

- `qt_settings`   — a QSettings INI file in tmp_path (window geometry, column state …)
- `db_path`       — where the test database lives (tmp_path / "nanmu.sqlite3")
- `database`      — that file opened through storage (empty, migrated); closed afterwards
- `ui_context`    — a UiContext over `database`
- `demo_context`  — a UiContext over a database filled with the demo data through services
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Must be set before pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from nanmu_desktop.storage.db import Database
    from nanmu_desktop.ui.common.context import UiContext


# The offscreen platform plugin warns about window-manager features it lacks (when a dialog
# or a popup shows); they say nothing about our code, so they alone are not failures.
OFFSCREEN_NOISE = (
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, extend=True))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any QSettings made without an explicit file lands in a temp folder, never in $HOME."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)


@pytest.fixture
def qt_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nanmu.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    from nanmu_desktop.storage.db import open_database

    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def ui_context(database: Database, db_path: Path, qt_settings: QSettings) -> UiContext:
    from nanmu_desktop.ui.common.context import UiContext

    return UiContext(database, db_path, qt_settings)


@pytest.fixture
def demo_context(ui_context: UiContext) -> UiContext:
    from nanmu_desktop.services.demo import fill_demo

    fill_demo(ui_context.database)
    return ui_context
