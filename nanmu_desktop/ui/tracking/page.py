"""The 办理跟踪 page (第十三至十六条): decided cases on the left; for the chosen case a header
and tabs for 告知与公开, 纠错整改, 办理状态 and 本案文书, plus a jump to the 文书 page.

Reads are single quick queries on the GUI thread; the writes are one small service call each
and run directly from the entry dialogs, as on the 认定向导 page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.case_documents import allowed_kinds
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.ui.common.case_picker import CASE_ID_ROLE, LIST_LIMIT, fill_case_list, row_of
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.documents.case_documents import CaseDocumentsPanel
from nanmu_desktop.ui.tracking.panels import NoticesPanel, OrdersPanel
from nanmu_desktop.ui.tracking.status import StatusPanel

TRACKED = (
    CaseStatus.decided,
    CaseStatus.notified,
    CaseStatus.correcting,
    CaseStatus.following_up,
)
SEARCH_DELAY_MS = 250


class TrackingPage(QWidget):
    """Cases past the committee decision and, for the chosen one, notices, orders, status."""

    document_requested = Signal(object)  # the DocumentTarget to draft on the 文书 page

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._case: CaseDetail | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.show_closed.toggled.connect(self.refresh)
        self.case_list.currentItemChanged.connect(self._case_chosen)
        self.document_menu.aboutToShow.connect(self._fill_document_menu)
        context.signals.case_changed.connect(self._case_changed)
        self.refresh()

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("trackingSearch")
        self.search_edit.setPlaceholderText("查找案件：编号、当事人、关键词")
        self.search_edit.setClearButtonEnabled(True)
        self.show_closed = QCheckBox("同时显示已办结的案件", self)
        self.count_label = QLabel(self)
        self.case_list = QListWidget(self)
        self.case_list.setObjectName("trackingCases")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search_edit, self.show_closed, self.case_list, self.count_label):
            left_layout.addWidget(widget)
        self.header = QLabel("请在左侧选择案件。", self)
        self.header.setObjectName("trackingHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document_button = QPushButton("生成文书(&G)", self)
        self.document_menu = QMenu(self.document_button)
        self.document_button.setMenu(self.document_menu)
        self.notices = NoticesPanel(self._context, self._written, self)
        self.orders = OrdersPanel(self._context, self._written, self)
        self.status = StatusPanel(self._context, self._written, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.notices, "告知与公开")
        self.tabs.addTab(self.orders, "纠错整改")
        self.tabs.addTab(self.status, "办理状态")
        self.documents = CaseDocumentsPanel(self._context, self)
        self.documents.document_requested.connect(self.document_requested)
        self.tabs.addTab(self.documents, "本案文书")
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.document_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_case()

    # the case list ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (keeping the chosen case when it is still listed) and its detail."""
        wanted = TRACKED + ((CaseStatus.closed,) if self.show_closed.isChecked() else ())
        page = list_cases(
            self._context.database,
            CaseQuery(
                text=self.search_edit.text().strip(),
                statuses=tuple(s.value for s in wanted),
                limit=LIST_LIMIT,
            ),
        )
        keep = self._case.id if self._case is not None else None
        fill_case_list(self.case_list, self.count_label, page)
        row_of_keep = self._row_of(keep) if keep is not None else None
        if row_of_keep is not None:
            self.case_list.setCurrentRow(row_of_keep)
        self._load(keep)

    def _row_of(self, case_id: int) -> int | None:
        return row_of(self.case_list, case_id)

    def select_case(self, case_id: int) -> None:
        """Show `case_id`; clears the search and shows closed cases if it is filtered out."""
        if self._row_of(case_id) is None:
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            if self.show_closed.isChecked():
                self.refresh()
            else:
                self.show_closed.setChecked(True)  # refreshes
        row = self._row_of(case_id)
        if row is not None:
            self.case_list.setCurrentRow(row)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _case_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._load(current.data(CASE_ID_ROLE) if current is not None else None)

    def _case_changed(self, case_id: int) -> None:
        if self._case is not None and self._case.id == case_id:
            self.refresh()

    def _written(self) -> None:
        """After a write: re-read, and tell the other pages (which refresh through the signal)."""
        if self._case is not None:
            self._context.signals.case_changed.emit(self._case.id)

    # the chosen case ----------------------------------------------------------------------

    def _load(self, case_id: int | None) -> None:
        self._case = get_case(self._context.database, case_id) if case_id is not None else None
        self._show_case()

    @property
    def case(self) -> CaseDetail | None:
        return self._case

    def _show_case(self) -> None:
        case = self._case
        self.document_button.setEnabled(case is not None)
        self.tabs.setEnabled(case is not None)
        if case is None:
            self.header.setText("请在左侧选择案件。")
        else:
            officers = "、".join(o.officer.name for o in case.officers) or "（未填写）"
            tolerated = (
                "　<b>不作为执法错误认定（第十四条）</b>" if case.not_an_enforcement_error else ""
            )
            self.header.setText(
                f"<b>{case.number}</b>　{case.title}<br>当事人：{officers}　"
                f"认定结果：{case.outcome_label or '未决定'}　"
                f"办理状态：{case.status_label}{tolerated}"
            )
        for panel in (self.notices, self.orders, self.status):
            panel.show_case(case)
        self.documents.show_case(case.id if case is not None else None)

    def show_tab(self, name: str) -> None:
        """The tab of a step: "notices", "orders", "status" or "documents" (待办's 下一步)."""
        panels = {"notices": self.notices, "orders": self.orders, "status": self.status,
                  "documents": self.documents}
        panel = panels.get(name)
        if panel is not None:
            self.tabs.setCurrentWidget(panel)

    def _fill_document_menu(self) -> None:
        self.document_menu.clear()
        if self._case is None:
            return
        # From the rules (allowed_kinds), not by composing every kind on the GUI thread.
        for choice in allowed_kinds(self._context.database, self._case.id):
            action = self.document_menu.addAction(choice.label)
            action.setEnabled(choice.ready)
            action.setToolTip(choice.reason)
            action.triggered.connect(lambda _=False, k=choice.kind.value: self.request_document(k))

    def request_document(self, kind_id: str) -> None:
        """Ask the main window to open the 文书 page for this case and kind."""
        if self._case is not None:
            target = DocumentTarget(DocumentKind(kind_id), case_id=self._case.id)
            self.document_requested.emit(target)
