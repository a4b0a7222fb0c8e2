"""A case's documents: those issued (有效 / 已作废) and the kinds that may be drafted now, with
one button to issue the set a decision needs (审批表 + 决定书 + 告知书) in one confirmation.

Shown on the 办理跟踪 page (tab 文书) and on the 文书 page under the case list. Double-clicking
a row asks for that kind's draft on the 文书 page (`document_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.case_documents import CaseDocuments, case_documents
from nanmu_desktop.services.documents import DocumentTarget, KindChoice
from nanmu_desktop.services.issuing import IssuedDocumentInfo
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl

HEADERS = ("文书", "文号", "状态", "签发日期")
KIND_ROLE = Qt.ItemDataRole.UserRole
DRAFTABLE = "可拟稿"
_GREY = QColor(120, 120, 120)


class CaseDocumentsPanel(QWidget):
    document_requested = Signal(object)  # DocumentTarget

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.case_id: int | None = None
        self.documents: CaseDocuments | None = None
        self.caption = QLabel("本案文书：", self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("caseDocuments")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.set_button = QPushButton("签发决定文书一套(&J)…", self)
        self.set_button.setObjectName("issueDecisionSet")
        self.set_button.setToolTip("审批表、决定书、告知书连续编号，一次签发")
        self.set_button.clicked.connect(self.issue_set)
        self.table.itemDoubleClicked.connect(self._double_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        context.signals.documents_changed.connect(self._documents_changed)
        self.show_case(None)

    def show_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.documents = (
            case_documents(self._context.database, case_id) if case_id is not None else None
        )
        self._fill()

    def choice(self, kind: DocumentKind) -> KindChoice | None:
        if self.documents is None:
            return None
        return next((c for c in self.documents.kinds if c.kind is kind), None)

    def _documents_changed(self, case_id: object) -> None:
        if self.case_id is not None and case_id in (None, self.case_id):
            self.show_case(self.case_id)

    def _fill(self) -> None:
        self.table.setRowCount(0)
        docs = self.documents
        # Offered while the decision document may still be issued (not validly issued yet).
        self.set_button.setEnabled(
            docs is not None and any(c.kind.is_decision and c.ready for c in docs.kinds))
        if docs is None:
            self.caption.setText("本案文书：请先选择案件。")
            return
        issued = docs.issued
        ready = [c for c in docs.kinds if c.ready]
        valid = sum(1 for d in issued if not d.voided)
        self.caption.setText(f"本案文书：有效 {valid} 份，已作废 {len(issued) - valid} 份，"
                             f"可拟稿 {len(ready)} 种")
        rows: list[tuple[tuple[str, str, str, str], str, bool]] = [
            ((d.kind_label, d.number, d.status_label, _day(d)), d.kind, d.voided) for d in issued
        ]
        rows += [((c.label, "—", DRAFTABLE, ""), c.kind.value, False) for c in ready]
        self.table.setRowCount(len(rows))
        for row, (values, kind, voided) in enumerate(rows):
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(KIND_ROLE, kind)
                if voided:
                    cell.setForeground(QBrush(_GREY))
                self.table.setItem(row, column, cell)

    def row_texts(self) -> list[tuple[str, ...]]:
        texts: list[tuple[str, ...]] = []
        for r in range(self.table.rowCount()):
            items = (self.table.item(r, c) for c in range(len(HEADERS)))
            texts.append(tuple(item.text() if item else "" for item in items))
        return texts

    def _double_clicked(self, item: QTableWidgetItem) -> None:
        if self.case_id is not None:
            kind = DocumentKind(item.data(KIND_ROLE))
            self.document_requested.emit(DocumentTarget(kind, case_id=self.case_id))

    def issue_set(self) -> None:
        """审批表 + 决定书 + 告知书: one confirmation listing the numbers, then one transaction."""
        from nanmu_desktop.services.decision_set import issue_decision_set, plan_decision_set

        case_id = self.case_id
        if case_id is None:
            return
        database = self._context.database
        try:
            plan = plan_decision_set(database, case_id)
        except NanmuError as err:
            dialogs.show_error(self, err.message)
            return
        lines = "\n".join(f"　{p.kind.label}：{p.number}" for p in plan)
        question = (f"一并签发以下文书（连续编号）：\n\n{lines}\n\n"
                    "签发后文书内容不能再修改，如有错误只能作废后重新签发。是否签发？")
        if not dialogs.confirm(self, "签发决定文书", question, ok_text="签发"):
            return

        def work(control: TaskControl) -> list[IssuedDocumentInfo]:
            return issue_decision_set(database, case_id)

        def done(infos: list[IssuedDocumentInfo]) -> None:
            numbers = "、".join(i.number for i in infos)
            self._context.signals.status_message.emit(f"已签发：{numbers}")
            self._context.signals.documents_changed.emit(case_id)

        self._context.tasks.run(work, title="正在签发文书…", parent=self, on_done=done)


def _day(info: IssuedDocumentInfo) -> str:
    moment = info.issued_at
    return f"{moment.year}年{moment.month}月{moment.day}日"
