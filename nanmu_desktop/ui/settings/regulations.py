"""设置 › 制度版本: the regulation versions the office holds, and the import of its own.

Each version shows whether determinations can run under it; one that does not fit the rules
says which article differs (cases can still be registered under it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.regulation_import import import_regulation, prepare_import
from nanmu_desktop.services.regulations import VersionInfo, list_versions
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.settings.regulation_import_dialog import RegulationImportDialog

HEADERS = ("版本", "标题", "文号", "施行日期", "来源", "认定次数", "能否用于认定")


class RegulationVersionsSection(QWidget):
    imported = Signal(str)  # the version id just stored

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.versions: list[VersionInfo] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("versionsTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton("导入本单位的规定…(&I)", self)
        self.import_button.clicked.connect(self._choose_file)
        note = QLabel(
            "按印发的原文（.txt 或 .docx）导入：程序识别章、条、款、项和文号、发文机关、日期，"
            "与范本逐条比较，保存前先显示差异。条款结构与认定规则一致的版本可用于认定；"
            "不一致的版本可以登记案件，认定时会说明哪一条不同。每件案件按其行为发生日期"
            "（或另行设定的参照日期）适用当时施行的版本。", self)
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.versions = list_versions(self._database)
        self.table.setRowCount(len(self.versions))
        for row, v in enumerate(self.versions):
            state = "可以" if v.usable else "不能：" + "；".join(v.problems)
            cells = (v.version, v.title, v.number, v.effective_date.isoformat(), v.source,
                     str(v.cases), state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not v.usable:
                    item.setForeground(QColor("#b71c1c"))
                self.table.setItem(row, column, item)
        for column in range(len(HEADERS)):
            if column != 1:
                self.table.resizeColumnToContents(column)

    @Slot()
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "选择规定原文", "", "规定原文 (*.docx *.txt)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> str | None:
        """Read `path`, show the check dialog, and keep the version when the clerk saves it."""
        try:
            preview = prepare_import(path)
        except (NanmuError, OSError) as error:
            dialogs.show_error(self, error if isinstance(error, NanmuError) else str(error),
                               "无法读取规定")
            return None
        dialog = RegulationImportDialog(preview, self)
        if dialog.exec() != RegulationImportDialog.DialogCode.Accepted:
            return None
        try:
            if (dialog.version, dialog.effective_date) != (
                    preview.regulation.version, preview.regulation.effective_date):
                preview = prepare_import(path, version=dialog.version,
                                         effective_date=dialog.effective_date)
            regulation = import_regulation(self._database, preview)
        except NanmuError as error:
            dialogs.show_error(self, error, "无法保存规定版本")
            return None
        self.refresh()
        self.imported.emit(regulation.version)
        return regulation.version
