"""发文登记簿: every issued document with number, kind, case, date, signer and status.

`RegisterModel` is a table model over the service's `IssuedDocumentInfo` rows; `RegisterView`
adds a search box and the selection signal; `VoidDialog` asks for the reason before a number
is voided (the number stays in the register, marked 已作废).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.services.issuing import IssuedDocumentInfo

COLUMNS = ("文号", "文书种类", "案件", "签发日期", "签发人", "状态")
VOIDED_COLOUR = QColor("#9a9a9a")
_Index = QModelIndex | QPersistentModelIndex


def _cell(doc: IssuedDocumentInfo, column: int) -> str:
    if column == 0:
        return doc.number
    if column == 1:
        return doc.kind_label
    if column == 2:
        return doc.case_number or "—"
    if column == 3:
        moment = doc.issued_at
        return f"{moment.year}年{moment.month}月{moment.day}日"
    if column == 4:
        return doc.signer or "—"
    return doc.status_label


class RegisterModel(QAbstractTableModel):
    """Issued documents in register order (newest number first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IssuedDocumentInfo] = []

    def set_documents(self, documents: Sequence[IssuedDocumentInfo]) -> None:
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def document(self, row: int) -> IssuedDocumentInfo:
        return self._rows[row]

    def row_of(self, number: str) -> int:
        for row, doc in enumerate(self._rows):
            if doc.number == number:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(doc, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if doc.voided:
                return f"作废理由：{doc.void_reason}"
            return doc.title
        if role == Qt.ItemDataRole.ForegroundRole and doc.voided:
            return QBrush(VOIDED_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None


class RegisterView(QWidget):
    """The register table with a search box; `selected(info | None)` follows the selection."""

    selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegisterModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText("按文号、种类、案件、签发人查找")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)

        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def set_documents(self, documents: Sequence[IssuedDocumentInfo]) -> None:
        current = self.current()
        self.model.set_documents(documents)
        voided = sum(1 for d in documents if d.voided)
        self.count_label.setText(f"共 {len(documents)} 份，其中已作废 {voided} 份")
        if current is not None:
            self.select_number(current.number)

    def current(self) -> IssuedDocumentInfo | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.document(self.proxy.mapToSource(index).row())

    def select_number(self, number: str) -> bool:
        row = self.model.row_of(number)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.selected.emit(self.current() if current.isValid() else None)


class VoidDialog(QDialog):
    """作废 asks why; the button stays disabled until a reason is written."""

    def __init__(self, document: IssuedDocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("作废文书")
        self.setModal(True)
        intro = QLabel(
            f"作废《{document.kind_label}》{document.number}。\n"
            "作废后该文号仍保留在登记簿中，注明作废理由，不再重新使用；"
            "如需更正，请另行签发新文书。",
            self,
        )
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("voidReason")
        self.reason_edit.setPlaceholderText("作废理由（必填），例如：当事人姓名有误，已重新签发")
        self.reason_edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(self)
        self.void_button = self.buttons.addButton("作废", QDialogButtonBox.ButtonRole.AcceptRole)
        self.void_button.setObjectName("voidButton")
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("作废理由：", self))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self._update_button()

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    @Slot()
    def _update_button(self) -> None:
        self.void_button.setEnabled(bool(self.reason))
