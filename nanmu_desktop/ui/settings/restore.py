"""设置 › 数据与备份 › 从备份恢复: pick a backup, see what it holds (date, cases, last 文号, its
checks), confirm, and the database is replaced — the current file kept as a backup first and
the register's high-water mark carried over (services/restore.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QPushButton, QWidget

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services import restore
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext


def summary_text(summary: restore.BackupSummary) -> str:
    when = (
        summary.last_change.astimezone().strftime("%Y-%m-%d %H:%M")
        if summary.last_change
        else "（无记录）"
    )
    checks = "通过" if summary.ok else "未通过：" + "；".join(summary.problems)
    return (
        f"备份文件：{summary.path}\n最后修改：{when}\n案件：{summary.cases} 件；"
        f"已签发文书：{summary.documents} 份；最后文号：{summary.last_number or '（无）'}\n"
        f"检查：{checks}"
    )


class RestoreSection(QObject):
    """The 从备份恢复 button beside 立即备份."""

    def __init__(self, context: UiContext, row: QBoxLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self.button = QPushButton("从备份恢复(&R)…", parent)
        self.button.setObjectName("restoreButton")
        row.insertWidget(1, self.button)
        self.button.clicked.connect(self._choose)
        self.last_result: restore.RestoreResult | None = None

    @Slot()
    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, "选择备份文件", "", "容错纠错数据库备份 (*.sqlite3);;所有文件 (*)"
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, backup: Path) -> bool:
        """Show what `backup` holds, ask, restore; True when the database was replaced."""
        if self._context.read_only:
            dialogs.show_error(self._parent, "本窗口为只读方式打开，不能恢复备份。", "无法恢复")
            return False
        try:
            summary = restore.inspect_backup(backup)
        except NanmuError as error:
            dialogs.show_error(self._parent, error, "无法恢复")
            return False
        if not summary.ok:
            dialogs.show_error(self._parent, summary_text(summary) + "\n未恢复。", "备份未通过检查")
            return False
        question = (
            summary_text(summary)
            + "\n\n用此备份替换当前数据库？当前数据库会先备份到“恢复前备份”文件夹；"
            "已签发过的文号不会重用。"
        )
        if not dialogs.confirm(self._parent, "从备份恢复", question, ok_text="恢复", danger=True):
            return False
        self._context.close_database()
        try:
            result = restore.restore_database(self._context.db_path, backup)
        except NanmuError as error:
            dialogs.show_error(self._parent, error, "恢复失败")
            return False
        self.last_result = result
        self._context.signals.case_changed.emit(0)
        self._context.signals.documents_changed.emit(None)
        kept = f"原数据库已备份到：{result.kept.path}\n" if result.kept else ""
        carried = "".join(f"文号保留：{line}\n" for line in result.carried)
        dialogs.show_info(self._parent, "恢复完成", f"{kept}{carried}已恢复：{backup.name}")
        self._context.signals.status_message.emit(f"已从备份恢复：{backup.name}")
        return True
