"""What every page shares: the open database, app-wide signals, settings and the task runner.

Every page is constructed as `Page(context, parent=None)` and talks to the rest of the
application only through this object: services get `context.database`, cross-page requests go
through `context.signals`, remembered UI state through `context.settings`, long work through
`context.tasks` (the one background helper, nanmu_desktop/ui/common/tasks.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from nanmu_desktop.storage.db import Database
    from nanmu_desktop.ui.common.tasks import TaskRunner


class AppSignals(QObject):
    """Requests and notifications that cross pages; emitted and received on the GUI thread."""

    #: case id — show this case (the main window switches to 案件 and opens its form)
    open_case = Signal(int)
    #: a `nanmu_desktop.domain.citations.Citation` — the 条文 page selects that article/item
    open_citation = Signal(object)
    #: case id — the case or anything under it was written; lists and detail views reload
    case_changed = Signal(int)
    #: case id, or None for documents tied to no case — drafts/issued documents changed
    documents_changed = Signal(object)
    #: a short Chinese line for the main window's status bar
    status_message = Signal(str)
    #: another user logged in (切换用户): pages re-check which actions the roles allow
    user_changed = Signal()


class UiContext:
    """The application's shared state, built once by `ui.app.run` (and by the test fixtures)."""

    def __init__(self, database: Database | None, db_path: Path, settings: QSettings) -> None:
        """`database` None: it is opened from `db_path` on first use (start-up paints the
        window before paying for the database layer)."""
        self._database = database
        self.db_path = db_path
        self.settings = settings
        self.read_only = False  # set when another copy of the app holds the database
        self.signals = AppSignals()
        self._tasks: TaskRunner | None = None

    @property
    def database(self) -> Database:
        """The open database; may raise DatabaseOpenError the first time when opened lazily."""
        if self._database is None:
            from nanmu_desktop.storage.db import open_database

            self._database = open_database(self.db_path, read_only=self.read_only)
        return self._database

    def close_database(self) -> None:
        """Close the file (e.g. to restore a backup over it); the next use opens it again."""
        if self._database is not None:
            self._database.close()
            self._database = None

    @property
    def database_open(self) -> bool:
        return self._database is not None

    @property
    def tasks(self) -> TaskRunner:
        """The background runner, created on first use so start-up does not pay for it."""
        if self._tasks is None:
            from nanmu_desktop.ui.common.tasks import TaskRunner

            self._tasks = TaskRunner(self.signals)  # parented: lives as long as the context
        return self._tasks
