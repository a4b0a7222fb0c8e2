"""文书 page: pick a case and a kind, preview the draft, issue it; the register of issued ones.

Left: a tab for drafting (case search, kind) and a tab for the 发文登记簿. Right: the PDF
preview with 打印 / 另存为 / 签发 / 作废. Drafts render in the background; issuing and voiding
go through the writer queue and ask first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, NanmuError
from nanmu_desktop.files import write_atomically
from nanmu_desktop.services import font_choice, issuing
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.case_types import CaseSummary
from nanmu_desktop.services.document_series import draws_number
from nanmu_desktop.services.documents import DocumentTarget, draft_pdf
from nanmu_desktop.services.issuing import IssuedDocumentInfo
from nanmu_desktop.services.preprinted import preprinted_draft, preprinted_issued
from nanmu_desktop.services.statistics import RiskSelection
from nanmu_desktop.ui.common import dialogs, user_access
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.places import suggested_path
from nanmu_desktop.ui.common.tasks import TaskControl, TaskHandle
from nanmu_desktop.ui.documents.case_documents import CaseDocumentsPanel
from nanmu_desktop.ui.documents.pdf_preview import PdfPreview
from nanmu_desktop.ui.documents.printing import Printed, ask_printer, start_printing
from nanmu_desktop.ui.documents.register_view import RegisterView, VoidDialog

CASE_MATCHES = 30
SEARCH_DELAY_MS = 250


class DocumentsPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._case: CaseSummary | None = None
        self._petition_id: int | None = None  # set: the draft is a petition's (第十八条)
        # The statistics row a 易错风险警示提醒 was asked for with (第十七条); kept until the
        # clerk picks another case, so the memo states the page's figures.
        self._risk: RiskSelection | None = None
        self._shown: IssuedDocumentInfo | None = None  # None: the preview shows a draft
        self._generation = 0
        self.print_job: TaskHandle[Printed] | None = None  # the last print job started

        self.preview = PdfPreview(self)
        self.caption = QLabel(self)
        self.caption.setObjectName("previewCaption")
        self.caption.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_draft_tab(), "拟稿签发")
        self.register = RegisterView(self)
        self.tabs.addTab(self.register, "发文登记簿")

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.preview, 1)
        right_layout.addLayout(self._build_actions())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_cases)
        self.case_search.textChanged.connect(self._search_timer.start)
        self.case_list.currentItemChanged.connect(self._case_chosen)
        self.kind_box.currentIndexChanged.connect(self.refresh_preview)
        self.register.selected.connect(self._register_selected)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.preview.loaded.connect(lambda _pages: self._update_actions())
        context.signals.documents_changed.connect(lambda _case: self.reload_register())
        context.signals.case_changed.connect(lambda _case: self.search_cases())
        context.signals.user_changed.connect(self._update_actions)

        self.search_cases()
        self.reload_register()
        self._update_actions()

    # ---- building ----------------------------------------------------------------------

    def _build_draft_tab(self) -> QWidget:
        tab = QWidget(self)
        self.case_search = QLineEdit(tab)
        self.case_search.setObjectName("caseSearch")
        self.case_search.setPlaceholderText("输入案件编号、当事人或关键词")
        self.case_search.setClearButtonEnabled(True)
        self.case_list = QListWidget(tab)
        self.case_list.setObjectName("caseList")
        self.kind_box = QComboBox(tab)
        self.kind_box.setObjectName("kindBox")
        for kind in DocumentKind:
            self.kind_box.addItem(kind.label, kind.value)
        form = QFormLayout()
        form.addRow("文书种类(&K)：", self.kind_box)
        layout = QVBoxLayout(tab)
        search_caption = QLabel("案件(&C)：", tab)
        search_caption.setBuddy(self.case_search)
        layout.addWidget(search_caption)
        layout.addWidget(self.case_search)
        layout.addWidget(self.case_list, 1)
        layout.addLayout(form)
        # The chosen case's documents (有效 / 已作废 / 可拟稿) and its decision set.
        self.case_documents = CaseDocumentsPanel(self._context, tab)
        self.case_documents.document_requested.connect(self.show_target)
        layout.addWidget(self.case_documents, 1)
        return tab

    def _build_actions(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.issue_button = QPushButton("签发(&I)…", self)
        self.void_button = QPushButton("作废(&V)…", self)
        self.print_button = QPushButton("打印(&P)…", self)
        self.preprinted_button = QPushButton("套打(&T)…", self)
        self.preprinted_button.setToolTip("打印到已印好红头的公文纸：不印红色版头和红线，其余位置不变")
        self.save_button = QPushButton("另存为(&S)…", self)
        self.issue_button.clicked.connect(self.issue_current)
        self.void_button.clicked.connect(self.void_current)
        self.print_button.clicked.connect(self.print_current)
        self.preprinted_button.clicked.connect(self.print_preprinted)
        self.save_button.clicked.connect(self._save_clicked)
        bar.addStretch(1)
        for button in (self.issue_button, self.void_button, self.print_button,
                       self.preprinted_button, self.save_button):
            bar.addWidget(button)
        return bar

    # ---- drafting ----------------------------------------------------------------------

    @Slot()
    def search_cases(self) -> None:
        query = CaseQuery(text=self.case_search.text().strip(), limit=CASE_MATCHES)
        page = list_cases(self._context.database, query)
        chosen = self._case.id if self._case else None
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for case in page.rows:
            detail = f"{case.status_label}　{case.title}" if case.title else case.status_label
            item = QListWidgetItem(f"{case.number}　{case.officers}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, case)
            self.case_list.addItem(item)
            if case.id == chosen:
                self.case_list.setCurrentItem(item)
        self.case_list.blockSignals(False)

    def show_case(self, case_id: int, kind: DocumentKind | None = None) -> None:
        """Select a case (e.g. from the case form) and optionally a kind; previews the draft."""
        for row in range(self.case_list.count()):
            case = self.case_list.item(row).data(Qt.ItemDataRole.UserRole)
            if case.id == case_id:
                break
        else:
            self.case_search.setText("")
            self._search_timer.stop()
            self.search_cases()
        if kind is not None:
            self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))
        for row in range(self.case_list.count()):
            item = self.case_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).id == case_id:
                self.tabs.setCurrentIndex(0)
                self.case_list.setCurrentItem(item)
                return

    def show_target(self, target: DocumentTarget) -> None:
        """Draft `target`: a case's document, or a petition's (反馈函, 情况说明, 澄清正名通报)."""
        if target.petition_id is None:
            if target.case_id is not None:
                self.show_case(target.case_id, target.kind)
            if target.risk is not None:
                self._risk = target.risk
                self.refresh_preview()
            return
        self.case_list.blockSignals(True)
        self.case_list.setCurrentRow(-1)
        self.case_list.blockSignals(False)
        self._case, self._petition_id = None, target.petition_id
        self.tabs.setCurrentIndex(0)
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(self.kind_box.findData(target.kind.value))
        self.kind_box.blockSignals(False)
        self.refresh_preview()

    def _target(self) -> tuple[DocumentTarget, str] | None:
        """What the draft is of, and how to name it to the clerk."""
        if self._petition_id is not None:
            return (DocumentTarget(self.kind, petition_id=self._petition_id),
                    f"信访举报第{self._petition_id}号")
        if self._case is not None:
            risk = self._risk if self.kind is DocumentKind.risk_warning else None
            subject = f"案件 {self._case.number}"
            if risk is not None:
                subject += f"（{risk.start.isoformat()}至{risk.end.isoformat()} {risk.citation}）"
            return DocumentTarget(self.kind, case_id=self._case.id, risk=risk), subject
        return None

    def select_case(self, case_id: int) -> None:
        """The main window's "work on this case" request."""
        self.show_case(case_id)

    def refresh(self) -> None:
        """F5: the case list, the register and the shown draft, from the database again."""
        self.search_cases()
        self.reload_register()
        if self.tabs.currentIndex() == 0:
            self.refresh_preview()

    def focus_search(self) -> None:
        """Ctrl+F: the case search on the drafting tab, the register's search otherwise."""
        if self.tabs.currentWidget() is self.register:
            self.register.search.setFocus()
        else:
            self.case_search.setFocus()
            self.case_search.selectAll()

    @property
    def kind(self) -> DocumentKind:
        return DocumentKind(self.kind_box.currentData())

    @Slot(QListWidgetItem, QListWidgetItem)
    def _case_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._case = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self._petition_id = None
        self._risk = None
        self.case_documents.show_case(self._case.id if self._case is not None else None)
        self.refresh_preview()

    @Slot()
    def refresh_preview(self) -> None:
        """Render the draft of the chosen case and kind in the background."""
        self._generation += 1
        generation = self._generation
        self._shown = None
        chosen = self._target()
        if chosen is None:
            self.caption.setText("草稿预览")
            self.preview.clear("请先在左侧选择案件。")
            self._update_actions()
            return
        target, subject = chosen
        self.caption.setText(f"草稿（未编号）：{self.kind.label} — {subject}")
        self.preview.clear("正在生成预览…")
        self._update_actions()
        database = self._context.database

        def work(control: TaskControl) -> tuple[bytes, str]:
            # The caption says when a face of another design stands in for a role (e.g. 小标宋).
            return draft_pdf(database, target), font_choice.fonts_for(database).stand_in_note

        def failed(error: NanmuError) -> None:
            if generation == self._generation:
                self.preview.clear(error.message)
                self._update_actions()

        def done(result: tuple[bytes, str]) -> None:
            if generation == self._generation:
                pdf, note = result
                if note:
                    self.caption.setText(f"{self.caption.text()}\n{note}")
                self.preview.show_pdf(pdf)

        self._context.tasks.run(work, writes=False, on_done=done, on_error=failed, owner=self)

    # ---- issuing and the register ------------------------------------------------------

    @Slot()
    def issue_current(self) -> None:
        chosen = self._target()
        if chosen is None or self._shown is not None or not self.preview.pdf_bytes:
            return
        target, subject = chosen
        kind = self.kind
        try:
            number = issuing.next_number(self._context.database, kind, target=target)
        except NanmuError as error:
            dialogs.show_error(self, error, "无法签发")
            return
        if draws_number(kind):
            series = number.split("〔", 1)[0]
            which = f"将使用文号：{number}（{series}系列，按年份单独编号）"
        else:
            which = f"审批表为内部表格，不占用发文字号，存档编号：{number}"
        question = (f"签发《{kind.label}》（{subject}）。\n\n{which}\n\n"
                    "签发后文书内容不能再修改，如有错误只能作废后重新签发。是否签发？")
        if not dialogs.confirm(self, "签发文书", question, ok_text="签发"):
            return
        database = self._context.database

        def work(control: TaskControl) -> IssuedDocumentInfo:
            return issuing.issue_document(database, target)

        self._context.tasks.run(work, title="正在签发文书…", parent=self, on_done=self._issued)

    def _issued(self, info: IssuedDocumentInfo) -> None:
        self._context.signals.status_message.emit(f"已签发：{info.kind_label} {info.number}")
        self._context.signals.documents_changed.emit(info.case_id)
        self.reload_register()
        self.tabs.setCurrentWidget(self.register)
        self.register.select_number(info.number)

    @Slot()
    def reload_register(self) -> None:
        self.register.set_documents(issuing.list_documents(self._context.database))

    @Slot(object)
    def _register_selected(self, info: IssuedDocumentInfo | None) -> None:
        if self.tabs.currentWidget() is not self.register:
            return
        self._generation += 1
        self._shown = info
        if info is None:
            self.caption.setText("发文登记簿")
            self.preview.clear("在登记簿中选择一份文书查看。")
        else:
            status = f"已作废（{info.void_reason}）" if info.voided else "有效"
            self.caption.setText(f"{info.number}　{info.kind_label}　{status}")
            _, pdf = issuing.document_pdf(self._context.database, info.number)
            note = font_choice.stand_in_note_of_pdf(pdf)  # the faces it was printed with
            if note:
                self.caption.setText(f"{self.caption.text()}\n{note}")
            self.preview.show_pdf(pdf)
        self._update_actions()

    @Slot(int)
    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.register:
            self._register_selected(self.register.current())
        else:
            self.refresh_preview()

    @Slot()
    def void_current(self) -> None:
        info = self._shown
        if info is None or info.voided:
            return
        dialog = VoidDialog(info, self)
        dialog.accepted.connect(lambda: self._void(info, dialog.reason))
        dialog.open()

    def _void(self, info: IssuedDocumentInfo, reason: str) -> None:
        database = self._context.database

        def work(control: TaskControl) -> IssuedDocumentInfo:
            return issuing.void_document(database, info.number, reason)

        def done(voided: IssuedDocumentInfo) -> None:
            self._context.signals.status_message.emit(f"已作废：{voided.number}")
            self._context.signals.documents_changed.emit(voided.case_id)

        self._context.tasks.run(work, parent=self, on_done=done)

    # ---- print and save ----------------------------------------------------------------

    def _document_title(self) -> str:
        if self._shown is not None:
            return f"{self._shown.kind_label} {self._shown.number}"
        chosen = self._target()
        return f"{self.kind.label}（草稿）{chosen[1] if chosen else ''}"

    @Slot()
    def print_current(self) -> None:
        if self.preview.pdf_bytes:
            self._print_bytes(self.preview.pdf_bytes, self.preview.document.pageCount(),
                              self._document_title(), "已送打印")

    @Slot()
    def print_preprinted(self) -> None:
        """套打: the shown document drawn for 红头纸 (in the background), then printed."""
        database, shown, target = self._context.database, self._shown, self._target()
        page_count = self.preview.document.pageCount()  # 套打 moves nothing: same pages
        title = f"{self._document_title()}（套打）"

        def work(_control: object) -> bytes:
            if shown is not None:
                return preprinted_issued(database, shown.number)
            if target is None:
                raise ConflictError("请先选择案件或信访举报。")
            return preprinted_draft(database, target[0])

        self._context.tasks.run(work, title="正在生成套打版…", parent=self,
                                on_done=lambda pdf: self._print_bytes(
                                    pdf, page_count, title, "已送打印（套打）"))

    def _print_bytes(self, pdf: bytes, page_count: int, title: str, done_text: str) -> None:
        """The print dialog, then the job in the background (progress, 取消)."""
        printer = ask_printer(page_count, title, self)
        if printer is None:
            return

        def done(printed: Printed) -> None:
            where = f"已保存：{printed.path}" if printed.path is not None else done_text
            self._context.signals.status_message.emit(f"{where}（{printed.pages} 页）")

        self.print_job = start_printing(self._context.tasks, pdf, printer, parent=self,
                                        on_done=done)

    @Slot()
    def _save_clicked(self) -> None:
        if not self.preview.pdf_bytes:
            return
        suggested = str(suggested_path(f"{self._document_title()}.pdf"))
        path, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", suggested, "PDF 文件 (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the previewed PDF to `path` (a failure is shown, never half-written)."""
        try:
            write_atomically(path, self.preview.pdf_bytes)
        except OSError as err:
            dialogs.show_error(self, f"无法保存到 {path}：{err.strerror or err}")
            return
        self._context.signals.status_message.emit(f"已保存：{path}")

    def _update_actions(self) -> None:
        has_pdf = bool(self.preview.pdf_bytes)
        self.print_button.setEnabled(has_pdf)
        self.preprinted_button.setEnabled(has_pdf)
        self.save_button.setEnabled(has_pdf)
        may_issue = self._role_allows(self.issue_button, Operation.issue, "签发当前草稿")
        may_void = self._role_allows(self.void_button, Operation.void, "作废选中的已签发文书")
        self.issue_button.setEnabled(may_issue and has_pdf and self._shown is None)
        # A kind already validly issued for the case is not offered again (作废 first).
        choice = self.case_documents.choice(self.kind) if self._case is not None else None
        refused = choice is not None and self._petition_id is None and not choice.ready
        if refused and choice is not None:
            self.issue_button.setToolTip(choice.reason)
            self.issue_button.setEnabled(False)
        self.void_button.setEnabled(
            may_void and self._shown is not None and not self._shown.voided
        )

    def _role_allows(self, button: QPushButton, operation: Operation, tip: str) -> bool:
        """Whether the logged-in user's roles allow `operation`; if not, the tip says why."""
        refusal = user_access.refusal(self._context, operation)
        button.setToolTip(refusal or tip)
        return refusal is None
