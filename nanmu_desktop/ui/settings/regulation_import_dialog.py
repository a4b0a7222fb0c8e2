"""The check before a township's own regulation is kept: its structure, the article-by-article
diff against the model, and whether determinations can run under it (else which article differs).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.regulation_diff import Change
from nanmu_desktop.services.regulation_import import ImportPreview


class RegulationImportDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"导入规定：{preview.file_name}")
        self.resize(960, 680)
        reg = preview.regulation
        self.version_edit = QLineEdit(reg.version, self)
        self.effective_edit = QDateEdit(self)
        self.effective_edit.setDisplayFormat("yyyy-MM-dd")
        self.effective_edit.setCalendarPopup(True)
        day = reg.effective_date
        self.effective_edit.setDate(QDate(day.year, day.month, day.day))
        form = QFormLayout()
        form.addRow("版本编号(&V)：", self.version_edit)
        form.addRow("施行日期(&E)：", self.effective_edit)

        self.state_label = QLabel(preview.state_line(), self)
        self.state_label.setWordWrap(True)
        self.state_label.setObjectName("stateLabel")
        color = "#1b5e20" if preview.usable else "#b71c1c"
        self.state_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.structure_view = QPlainTextEdit("\n".join(preview.structure_lines()), self)
        self.structure_view.setReadOnly(True)

        self.diff_table = QTableWidget(len(preview.diffs), 3, self)
        self.diff_table.setHorizontalHeaderLabels(["条", "与范本比较", "说明"])
        self.diff_table.verticalHeader().hide()
        self.diff_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.diff_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        for row, diff in enumerate(preview.diffs):
            cells = (diff.heading, diff.change.value, diff.detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if diff.change is not Change.same:
                    item.setForeground(QColor("#b71c1c" if diff.change is Change.structure
                                              else "#0d47a1"))
                self.diff_table.setItem(row, column, item)
        self.model_text = QPlainTextEdit(self)
        self.own_text = QPlainTextEdit(self)
        for view in (self.model_text, self.own_text):
            view.setReadOnly(True)
        self.diff_table.currentCellChanged.connect(lambda row, *_: self._show_article(row))

        texts = QSplitter(Qt.Orientation.Horizontal, self)
        for title, view in ((f"范本（{preview.model.number}）", self.model_text),
                            (f"本制度（{reg.number}）", self.own_text)):
            box = QWidget(texts)
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(title, box))
            layout.addWidget(view)
            texts.addWidget(box)
        top = QHBoxLayout()
        top.addWidget(self.structure_view, 1)
        top.addWidget(self.diff_table, 2)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            "保存为规定版本(&S)", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(QLabel(preview.summary, self))
        layout.addLayout(top, 2)
        layout.addWidget(texts, 1)
        layout.addWidget(self.buttons)
        first_change = next(
            (i for i, d in enumerate(preview.diffs) if d.change is not Change.same), 0)
        self.diff_table.setCurrentCell(first_change, 0)

    def _show_article(self, row: int) -> None:
        if 0 <= row < len(self.preview.diffs):
            diff = self.preview.diffs[row]
            self.model_text.setPlainText(diff.model_text or "（范本没有此条）")
            self.own_text.setPlainText(diff.own_text or "（本制度没有此条）")

    @property
    def version(self) -> str:
        return self.version_edit.text().strip()

    @property
    def effective_date(self) -> date:
        value = self.effective_edit.date()
        return date(value.year(), value.month(), value.day())
