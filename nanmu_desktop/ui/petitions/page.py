"""信访举报 (第十八条): the petitions list with search, the detail, and the three dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.officers import list_officers
from nanmu_desktop.services.petitions import (
    PetitionInfo,
    list_petitions,
    record_findings,
    record_response,
    register_petition,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl
from nanmu_desktop.ui.petitions.dialogs import (
    FindingsDialog,
    RegisterPetitionDialog,
    ResponseDialog,
    allowed_responses,
)

_In = TypeVar("_In")
_Dialog = RegisterPetitionDialog | FindingsDialog | ResponseDialog

_DOCUMENT_FOR = {
    "feedback": (DocumentKind.report_feedback, "生成反馈函"),
    "explanation": (DocumentKind.report_explanation, "生成情况说明"),
    "clarification": (DocumentKind.clarification, "生成澄清正名通报"),
}


def summary_line(p: PetitionInfo) -> str:
    accused = "、".join(o.name for o in p.accused) or "—"
    done = "、".join(r.kind_label for r in p.responses) or "未回应"
    conclusion = p.conclusion_label if p.conclusion else "待调查"
    kind = "实名" if p.real_name else "匿名"
    return f"{p.received_on.isoformat()}　{kind}　{accused}　{conclusion}　{done}"


class PetitionsPage(QWidget):
    document_requested = Signal(object)  # a DocumentTarget for the 文书 page

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._petitions: list[PetitionInfo] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索被反映人员、反映问题、结论…")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.detail = QTextBrowser()
        self.register_button = QPushButton("登记信访举报…")
        self.findings_button = QPushButton("记录调查结论…")
        self.response_button = QPushButton("记录回应…")
        self.document_bar = QHBoxLayout()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(self.document_bar)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        buttons = QHBoxLayout()
        for button in (self.register_button, self.findings_button, self.response_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self._fill_list)
        self.list.currentRowChanged.connect(self._show_current)
        self.register_button.clicked.connect(self.open_register_dialog)
        self.findings_button.clicked.connect(self.open_findings_dialog)
        self.response_button.clicked.connect(self.open_response_dialog)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self, select_id: int | None = None) -> None:
        database = self._context.database
        keep = select_id if select_id is not None else self.current_id()

        def work(control: TaskControl) -> list[PetitionInfo]:
            return list_petitions(database)

        def done(rows: list[PetitionInfo]) -> None:
            self._petitions = rows
            self._fill_list(select_id=keep)

        self._context.tasks.run(work, writes=False, on_done=done, owner=self)

    def current(self) -> PetitionInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self._petitions if p.id == wanted), None)

    def current_id(self) -> int | None:
        petition = self.current()
        return petition.id if petition else None

    def _fill_list(self, _text: str = "", select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_id()
        needle = self.search.text().strip()
        self.list.blockSignals(True)
        self.list.clear()
        for petition in self._petitions:
            line = summary_line(petition)
            if needle and needle not in line + petition.allegations:
                continue
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, petition.id)
            self.list.addItem(item)
            if petition.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        petition = self.current()
        self.findings_button.setEnabled(petition is not None)
        self.response_button.setEnabled(petition is not None and bool(allowed_responses(petition)))
        while self.document_bar.count():
            taken = self.document_bar.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        if petition is None:
            self.detail.setPlainText("请选择或登记一件信访举报。")
            return
        self.detail.setPlainText(_detail_text(petition))
        for kind in allowed_responses(petition):
            document, label = _DOCUMENT_FOR[kind]
            button = QPushButton(label)
            target = DocumentTarget(document, petition_id=petition.id)
            button.clicked.connect(lambda _=False, t=target: self.document_requested.emit(t))
            self.document_bar.addWidget(button)

    def open_register_dialog(self) -> RegisterPetitionDialog:
        database = self._context.database
        cases = list_cases(database, CaseQuery(limit=LINKABLE_CASES)).rows
        dialog = RegisterPetitionDialog(list_officers(database), cases, self)
        self._open(dialog, dialog.value, lambda db, data: register_petition(db, data).id)
        return dialog

    def open_findings_dialog(self) -> FindingsDialog | None:
        petition_id = self.current_id()
        if petition_id is None:
            return None
        dialog = FindingsDialog(self)
        self._open(dialog, dialog.value,
                   lambda db, data: record_findings(db, petition_id, data).id)
        return dialog

    def open_response_dialog(self) -> ResponseDialog | None:
        petition = self.current()
        if petition is None or not allowed_responses(petition):
            return None
        dialog = ResponseDialog(petition, self)
        self._open(dialog, dialog.value,
                   lambda db, data: record_response(db, petition.id, data).petition_id)
        return dialog

    def _open(self, dialog: _Dialog, value: Callable[[], _In],
              save: Callable[[Database, _In], int]) -> None:
        """On accept, read the dialog's input here (the GUI thread) and run
        `save(db, input) -> petition id` in the background; a refused input keeps the
        dialog open with the Chinese message, so nothing typed is lost."""
        database = self._context.database
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved(petition_id: int) -> None:
            dialog.accept()
            self.refresh(petition_id)

        def submitted() -> None:
            data = value()

            def work(control: TaskControl) -> int:
                return save(database, data)

            self._context.tasks.run(work, parent=dialog, on_done=saved, owner=self)

        dialog.submitted.connect(submitted)
        dialog.open()


LINKABLE_CASES = 200  # the latest cases offered as the one a report concerns


def _detail_text(p: PetitionInfo) -> str:
    lines = [f"收到日期：{p.received_on.isoformat()}　来源：{p.channel}"]
    # The reporter's identity is shown only here, and only for a real-name report.
    reporter = f"实名举报：{p.reporter_name}（{p.reporter_contact}）"
    lines.append(reporter if p.real_name else "匿名举报")
    lines.append("被反映人员：" + ("、".join(o.name for o in p.accused) or "—"))
    lines.append(f"反映问题：{p.allegations}")
    lines.append(f"调查情况：{p.findings or '—'}")
    lines.append(f"调查结论：{p.conclusion_label if p.conclusion else '待调查'}"
                 + ("（经查系恶意中伤、诬告陷害）" if p.malicious else ""))
    if p.linked is not None:
        lines.append(f"关联案件党委决定：{p.linked[0].label}")
    for r in p.responses:
        when = r.responded_on.isoformat()
        lines.append(f"{r.kind_label}：{when}　{r.scope}　{r.method}　{r.text}")
    return "\n".join(lines)
