"""One window per database: the instance lock at start (a second copy is told who holds the
file and opens read-only or not at all), warnings about the file's location, and the automatic
backups — daily while the app runs, and on exit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.ui.common.dialogs import show_error

if TYPE_CHECKING:
    from nanmu_desktop.services.backup import BackupInfo
    from nanmu_desktop.storage.instance_lock import InstanceLock
    from nanmu_desktop.ui.common.context import UiContext
    from nanmu_desktop.ui.common.tasks import TaskControl

AUTO_BACKUP_FOLDER_KEY = "backup/auto_folder"
CHECK_EVERY_MS = 60_000  # refresh the lock; a new day's backup is taken within a minute


def take_instance_lock(context: UiContext, parent: QWidget | None) -> InstanceLock | None:
    """The lock, or None: then `context.read_only` says whether to go on read-only."""
    from nanmu_desktop.storage.instance_lock import DatabaseInUseError, InstanceLock

    try:
        return InstanceLock.acquire(context.db_path)
    except DatabaseInUseError as err:
        context.read_only = ask_read_only(parent, err.message)
        if context.read_only and parent is not None:
            parent.setWindowTitle(f"{parent.windowTitle()}（只读）")
        return None


def ask_read_only(parent: QWidget | None, held_by: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "数据库正在使用中",
        f"{held_by}\n两处同时修改会相互覆盖，因此本窗口只能以只读方式打开（可查看、打印、备份，"
        "不能修改）。",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.addButton(QMessageBox.StandardButton.Open).setText("只读打开")
    box.addButton(QMessageBox.StandardButton.Close).setText("退出")
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Open


def show_open_warnings(context: UiContext, parent: QWidget | None) -> None:
    for warning in context.database.warnings:
        show_error(parent, warning, "数据库位置警告")


def auto_backup_folder(context: UiContext) -> Path:
    from nanmu_desktop.services.auto_backup import default_folder

    stored = context.settings.value(AUTO_BACKUP_FOLDER_KEY, "")
    return Path(str(stored)) if stored else default_folder(context.db_path)


def start_automatic_backups(context: UiContext, lock: InstanceLock, parent: QWidget) -> QTimer:
    """Today's backup now if it has none, then a check every minute (and the lock refreshed)."""
    timer = QTimer(parent)
    timer.setInterval(CHECK_EVERY_MS)

    def tick() -> None:
        lock.refresh()
        if not context.database_open:
            return
        database, folder = context.database, auto_backup_folder(context)

        def work(_control: TaskControl) -> BackupInfo | None:
            from nanmu_desktop.services.auto_backup import auto_backup

            return auto_backup(database, folder, only_if_due=True)

        def failed(error: NanmuError) -> None:
            context.signals.status_message.emit(f"自动备份未完成：{error.message}")

        context.tasks.run(work, on_error=failed, owner=parent)

    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(0, tick)
    return timer


def backup_on_exit(context: UiContext) -> None:
    """On exit: one more automatic backup; a failure is reported, never blocks quitting."""
    from nanmu_desktop.services.auto_backup import auto_backup

    try:
        auto_backup(context.database, auto_backup_folder(context))
    except NanmuError as err:
        sys.stderr.write(f"退出时自动备份未完成：{err.message}\n")
