"""调查核实: the investigation before the determination — investigators ticked from the people
list, the dates, what was found, the evidence (one item a line) and which of the case's
attachments belong to it (files added here go into the case's attachments, in the background).

Fewer than two investigators is warned of beside the list, never refused; the order of dates
is checked by the service, whose Chinese message (naming both dates) is shown in the dialog,
which stays open until the service accepts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.investigation import MIN_INVESTIGATORS
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services.case_types import AttachmentInfo, CaseDetail
from nanmu_desktop.services.cases import add_attachment, get_case
from nanmu_desktop.services.investigations import (
    InvestigationInfo,
    InvestigationInput,
    record_investigation,
)
from nanmu_desktop.services.people import sorted_officers
from nanmu_desktop.ui.common.attachments_panel import write_for_viewing
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import show_error
from nanmu_desktop.ui.common.tasks import TaskControl

_ID_ROLE = Qt.ItemDataRole.UserRole
WARN_STYLE = "color: #8a5a00;"
ERROR_STYLE = "color: #c62828;"
ATTACHMENT_NOTE = "调查核实材料"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class InvestigationDialog(QDialog):
    """Records (or revises) the investigation of `case`; Accepted once saved."""

    def __init__(
        self,
        context: UiContext,
        case: CaseDetail,
        current: InvestigationInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._case = case
        self.saved: InvestigationInfo | None = None
        self.setWindowTitle("调查核实")
        self._build()
        self._load(current)
        self.resize(760, 640)

    def _build(self) -> None:
        case = self._case
        names = "、".join(o.officer.name for o in case.officers)
        heading = QLabel(f"<b>{case.number}</b>　{case.title}　当事执法人员：{names}"
                         f"　登记日期：{case.reported_on}", self)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.investigator_list = QListWidget(self)
        self.investigator_list.setObjectName("investigatorList")
        self.investigator_list.itemChanged.connect(lambda _item: self._count_changed())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("investigatorCount")
        self.count_label.setWordWrap(True)
        self.start_edit = QDateEdit(self)
        self.end_edit = QDateEdit(self)
        for edit, name in ((self.start_edit, "startDate"), (self.end_edit, "endDate")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(QDate.currentDate())
        dates = QHBoxLayout()
        start_label = QLabel("自(&A)", self)
        start_label.setBuddy(self.start_edit)
        end_label = QLabel("至(&E)", self)
        end_label.setBuddy(self.end_edit)
        for widget in (start_label, self.start_edit, end_label, self.end_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        self.findings_edit = QPlainTextEdit(self)
        self.findings_edit.setObjectName("findingsEdit")
        self.findings_edit.setPlaceholderText("经调查核实查明的事实")
        self.evidence_edit = QPlainTextEdit(self)
        self.evidence_edit.setObjectName("evidenceEdit")
        self.evidence_edit.setPlaceholderText("每行一项，如：询问笔录2份")
        self.attachment_list = QListWidget(self)
        self.attachment_list.setObjectName("investigationAttachments")
        self.attachment_list.itemActivated.connect(self._open_attachment)
        self.add_button = QPushButton("添加附件(&F)…", self)
        self.add_button.setObjectName("addInvestigationAttachment")
        self.add_button.clicked.connect(self._choose_files)
        attachments = QVBoxLayout()
        attachments.addWidget(self.attachment_list)
        row = QHBoxLayout()
        hint = QLabel("勾选属于本次调查的附件；双击打开。", self)
        row.addWidget(hint)
        row.addStretch(1)
        row.addWidget(self.add_button)
        attachments.addLayout(row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("investigationError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        people = QVBoxLayout()
        people.addWidget(self.investigator_list)
        people.addWidget(self.count_label)
        investigators_label = QLabel("调查人员(&R)：", self)
        investigators_label.setBuddy(self.investigator_list)
        form.addRow(investigators_label, people)
        form.addRow("调查日期：", dates)
        form.addRow(self._buddy("查明的事实(&T)：", self.findings_edit), self.findings_edit)
        form.addRow(self._buddy("证据清单(&V)：", self.evidence_edit), self.evidence_edit)
        form.addRow(self._buddy("附件(&M)：", self.attachment_list), attachments)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _load(self, current: InvestigationInfo | None) -> None:
        chosen = [i.officer_id for i in current.investigators] if current else []
        officers = [o for o in sorted_officers(self._context.database)
                    if o.active or o.id in chosen]
        # The investigators chosen first, in their order; then the others in pinyin order.
        officers.sort(key=lambda o: chosen.index(o.id) if o.id in chosen else len(chosen))
        for officer in officers:
            text = officer.name + (f"（{officer.department_name}）" if officer.department_name
                                   else "")
            item = QListWidgetItem(text, self.investigator_list)
            item.setData(_ID_ROLE, officer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if officer.id in chosen
                               else Qt.CheckState.Unchecked)
        start = current.started_on if current else self._case.reported_on
        end = current.ended_on if current else date.today()
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))
        if current is not None:
            self.findings_edit.setPlainText(current.findings)
            self.evidence_edit.setPlainText("\n".join(current.evidence))
        linked = {a.id for a in current.attachments} if current else set()
        self._show_attachments(self._case.attachments, linked)
        self._count_changed()

    def _show_attachments(self, infos: tuple[AttachmentInfo, ...], linked: set[int]) -> None:
        self.attachment_list.clear()
        for info in infos:
            text = info.file_name + (f"（{info.description}）" if info.description else "")
            item = QListWidgetItem(text, self.attachment_list)
            item.setData(_ID_ROLE, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.id in linked
                               else Qt.CheckState.Unchecked)

    # reading the form ----------------------------------------------------------------------

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[int, ...]:
        return tuple(
            int(item.data(_ID_ROLE))
            for n in range(widget.count())
            if (item := widget.item(n)) is not None and item.checkState() == Qt.CheckState.Checked
        )

    def investigator_ids(self) -> tuple[int, ...]:
        return self._checked(self.investigator_list)

    def inputs(self) -> InvestigationInput:
        evidence = tuple(line.strip() for line in self.evidence_edit.toPlainText().splitlines()
                         if line.strip())
        return InvestigationInput(
            investigators=self.investigator_ids(),
            started_on=_day(self.start_edit),
            ended_on=_day(self.end_edit),
            findings=self.findings_edit.toPlainText(),
            evidence=evidence,
            attachment_ids=self._checked(self.attachment_list),
        )

    def _count_changed(self) -> None:
        count = len(self.investigator_ids())
        if count < MIN_INVESTIGATORS:
            self.count_label.setStyleSheet(WARN_STYLE)
            self.count_label.setText(
                f"已选 {count} 名。调查核实一般应不少于{MIN_INVESTIGATORS}名调查人员（可以保存，"
                "认定时会提示）。"
            )
        else:
            self.count_label.setStyleSheet("")
            self.count_label.setText(f"已选 {count} 名。")

    # attachments ---------------------------------------------------------------------------

    def _open_attachment(self, item: QListWidgetItem) -> None:
        try:
            path = write_for_viewing(self._context, int(item.data(_ID_ROLE)))
        except (NanmuError, OSError) as err:
            show_error(self, err if isinstance(err, NanmuError) else f"无法打开附件：{err}")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "选择调查核实的附件")
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Store the files as the case's attachments (in the background) and tick them."""
        database, case_id = self._context.database, self._case.id

        def work(control: TaskControl) -> list[int]:
            added = []
            for done, path in enumerate(paths):
                control.raise_if_cancelled()
                control.report(done, len(paths), f"正在添加 {path.name}")
                try:
                    content = path.read_bytes()
                except OSError as err:
                    raise NanmuError(f"无法读取文件“{path}”：{err.strerror or err}") from err
                added.append(add_attachment(database, case_id, path.name, content,
                                            description=ATTACHMENT_NOTE).id)
            return added

        self._context.tasks.run(work, on_done=self._files_added, title="添加附件", parent=self,
                                on_error=lambda error: show_error(self, error, "添加附件失败"))

    def _files_added(self, added: list[int]) -> None:
        linked = set(self._checked(self.attachment_list)) | set(added)
        self._case = get_case(self._context.database, self._case.id)
        self._show_attachments(self._case.attachments, linked)
        self._context.signals.case_changed.emit(self._case.id)

    # saving --------------------------------------------------------------------------------

    def _save(self) -> None:
        self.error_label.hide()
        data = self.inputs()
        database, case_id = self._context.database, self._case.id
        self.buttons.setEnabled(False)
        self._context.tasks.run(
            lambda _control: record_investigation(database, case_id, data),
            on_done=self._saved,
            on_error=self._refused,
            parent=self,
        )

    def _saved(self, info: InvestigationInfo) -> None:
        self.saved = info
        self._context.signals.case_changed.emit(self._case.id)
        self._context.signals.status_message.emit("调查核实情况已保存")
        self.accept()

    def _refused(self, error: NanmuError) -> None:
        self.buttons.setEnabled(True)
        problems = error.problems if isinstance(error, ValidationError) else ()
        self.error_label.setText("\n".join(str(p) for p in problems) or error.message)
        self.error_label.show()
