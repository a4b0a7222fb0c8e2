"""The 认定向导 page: pick a case, run or re-run the wizard, see the proposal, record the decision.

Reads (one page of cases, one case's determination) are single quick queries and run on the
GUI thread; writes happen in the wizard and the decision dialog through the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.determinations import DeterminationInfo, current_determination
from nanmu_desktop.services.investigations import InvestigationInfo, get_investigation
from nanmu_desktop.services.regulations import get_version
from nanmu_desktop.ui.common.case_picker import CASE_ID_ROLE, LIST_LIMIT, fill_case_list, row_of
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.user_access import refusal as refusal_for
from nanmu_desktop.ui.wizard import DeterminationWizard
from nanmu_desktop.ui.wizard.decision_dialog import DecisionDialog
from nanmu_desktop.ui.wizard.investigation_dialog import InvestigationDialog
from nanmu_desktop.ui.wizard.review_dialog import ReviewDialog, reviews_html
from nanmu_desktop.ui.wizard.summary import (
    citation_from_link,
    decision_html,
    investigation_html,
    proposal_html,
)
from nanmu_desktop.ui.wizard.version_dialog import VersionDialog

PENDING = (
    CaseStatus.registered,
    CaseStatus.investigating,
    CaseStatus.determining,
    CaseStatus.decided,
)
# The wizard may (re)propose only before the committee has decided.
PROPOSABLE = (CaseStatus.registered, CaseStatus.investigating, CaseStatus.determining)
SEARCH_DELAY_MS = 250


class DeterminationPage(QWidget):
    """Cases awaiting determination on the left; the chosen case's proposal and decision."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._case: CaseDetail | None = None
        self._info: DeterminationInfo | None = None
        self._investigation: InvestigationInfo | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.pending_only.toggled.connect(self.refresh)
        self.case_list.currentItemChanged.connect(self._case_chosen)
        self.investigate_button.clicked.connect(self.open_investigation)
        self.wizard_button.clicked.connect(self.open_wizard)
        self.decision_button.clicked.connect(self.open_decision)
        self.correct_button.clicked.connect(self.open_correction)
        self.version_button.clicked.connect(self.open_version)
        self.review_button.clicked.connect(self.open_review)
        context.signals.user_changed.connect(self._show_case)
        context.signals.case_changed.connect(self._case_changed)
        self.refresh()

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("determinationSearch")
        self.search_edit.setPlaceholderText("查找案件：编号、当事人、关键词")
        self.search_edit.setClearButtonEnabled(True)
        self.pending_only = QCheckBox("只显示待认定、待决定的案件", self)
        self.pending_only.setChecked(True)
        self.count_label = QLabel(self)
        self.case_list = QListWidget(self)
        self.case_list.setObjectName("determinationCases")
        self.case_list.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search_edit, self.pending_only, self.case_list, self.count_label):
            left_layout.addWidget(widget)
        self.header = QLabel("请在左侧选择案件。", self)
        self.header.setObjectName("determinationHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("determinationDetail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._follow)
        self.investigate_button = QPushButton("调查核实(&I)…", self)
        self.investigate_button.setObjectName("investigateButton")
        self.wizard_button = QPushButton("开始认定(&W)…", self)
        self.decision_button = QPushButton("记录党委决定(&D)…", self)
        self.correct_button = QPushButton("更正党委决定(&G)…", self)
        self.version_button = QPushButton("参照日期与版本(&B)…", self)
        self.review_button = QPushButton("审核意见(&R)…", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.investigate_button)
        buttons.addWidget(self.wizard_button)
        buttons.addWidget(self.decision_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.version_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.detail, 1)
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
        statuses = tuple(s.value for s in PENDING) if self.pending_only.isChecked() else ()
        page = list_cases(
            self._context.database,
            CaseQuery(text=self.search_edit.text().strip(), statuses=statuses, limit=LIST_LIMIT),
        )
        keep = self._case.id if self._case is not None else None
        fill_case_list(self.case_list, self.count_label, page)
        if keep is not None and self._row_of(keep) is not None:
            self.case_list.setCurrentRow(self._row_of(keep) or 0)
        self._load(keep)

    def _row_of(self, case_id: int) -> int | None:
        return row_of(self.case_list, case_id)

    def select_case(self, case_id: int) -> None:
        """Show `case_id` (the main window's 认定 action); widens the list if it is filtered out."""
        if self._row_of(case_id) is None:
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.pending_only.setChecked(False)  # refreshes
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

    # the chosen case ----------------------------------------------------------------------

    def _load(self, case_id: int | None) -> None:
        database = self._context.database
        self._case = get_case(database, case_id) if case_id is not None else None
        self._info = current_determination(database, case_id) if case_id is not None else None
        self._investigation = (
            get_investigation(database, case_id) if case_id is not None else None
        )
        self._show_case()

    def _show_case(self) -> None:
        case, info = self._case, self._info
        if case is None:
            self.header.setText("请在左侧选择案件。")
            self.detail.clear()
        else:
            names = "、".join(o.officer.name for o in case.officers)
            self.header.setText(
                f"<b>{case.number}</b>　{case.title}<br/>当事执法人员：{names}"
                f"　　状态：{case.status_label}"
            )
            investigation = investigation_html(self._investigation)
            if info is None:
                pending = "<h3>认定建议</h3><p>尚未认定。点击“开始认定”，按向导逐项回答。</p>"
                self.detail.setHtml(investigation + pending)
            else:
                self.detail.setHtml(
                    investigation + proposal_html(info, self._regulation(info))
                    + decision_html(info) + reviews_html(self._context, case.id)
                )
        proposable = case is not None and CaseStatus(case.status) in PROPOSABLE
        self.wizard_button.setEnabled(proposable)
        record_refusal = refusal_for(self._context, Operation.record)
        self.investigate_button.setEnabled(case is not None and record_refusal is None)
        self.investigate_button.setToolTip(
            record_refusal or "录入调查核实：调查人员、起止日期、查明的事实、证据和附件"
        )
        self.wizard_button.setText("重新认定(&W)…" if info is not None else "开始认定(&W)…")
        self.decision_button.setEnabled(
            case is not None
            and info is not None
            and not info.decided
            and CaseStatus(case.status) is CaseStatus.determining
        )
        self.correct_button.setEnabled(info is not None and info.decided)
        self.version_button.setEnabled(case is not None)
        refusal = refusal_for(self._context, Operation.review)
        self.review_button.setEnabled(info is not None and refusal is None)
        self.review_button.setToolTip(refusal or "审核当前的认定建议：通过，或写明意见退回")

    def open_review(self) -> ReviewDialog | None:
        if self._case is None:
            return None
        dialog = ReviewDialog(self._context, self._case.id, self._case.number, self)
        dialog.open()
        return dialog

    def _regulation(self, info: DeterminationInfo) -> Regulation:
        """The version the proposal was made under (kept in the database once used)."""
        return get_version(self._context.database, info.regulation_version)

    def open_investigation(self) -> InvestigationDialog | None:
        """调查核实 of the chosen case (window-modal, non-blocking); None when none is chosen."""
        if self._case is None:
            return None
        dialog = InvestigationDialog(self._context, self._case, self._investigation, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_wizard(self) -> DeterminationWizard | None:
        """Open the wizard (window-modal, non-blocking) on the chosen case; None when none."""
        if self._case is None:
            return None
        facts = self._info.facts if self._info is not None else None
        wizard = DeterminationWizard(self._context, self._case.id, facts, parent=self,
                                     investigation=self._investigation)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_decision(self) -> DecisionDialog | None:
        """Open the decision dialog on the chosen case's proposal; None when there is none."""
        if self._case is None or self._info is None:
            return None
        return self._open_dialog(correcting=False)

    def open_correction(self) -> DecisionDialog | None:
        """更正: the decision dialog on the recorded decision; None when there is none."""
        if self._case is None or self._info is None or not self._info.decided:
            return None
        return self._open_dialog(correcting=True)

    def open_version(self) -> VersionDialog | None:
        """The case's reference date, and the explicit switch to the version in force."""
        if self._case is None:
            return None
        dialog = VersionDialog(
            self._context, self._case, self._info,
            may_redetermine=CaseStatus(self._case.status) in PROPOSABLE, parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_dialog(self, *, correcting: bool) -> DecisionDialog:
        assert self._info is not None
        dialog = DecisionDialog(self._context, self._info, parent=self, correcting=correcting)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _follow(self, url: QUrl) -> None:
        scheme, _, target = url.toString().partition(":")
        citation = citation_from_link(target) if scheme == "cite" else None
        if citation is not None:
            self._context.signals.open_citation.emit(citation)
