"""The three 信访举报 dialogs: 登记, 调查结论, 回应 (第十八条). Each returns a service input."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from nanmu_desktop.services.case_types import CaseSummary
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.services.petitions import (
    CONCLUSION_LABELS,
    RESPONSE_LABELS,
    FindingsInput,
    PetitionInfo,
    PetitionInput,
    ResponseInput,
    response_rules,
)

CHANNELS = ("来信", "来访", "电话", "网络", "上级转办")
_OFFICER_ID = Qt.ItemDataRole.UserRole


def allowed_responses(petition: PetitionInfo) -> list[str]:
    """The answers 第十八条 allows for `petition` (domain/petition_rules, via the service)."""
    return [rule.kind for rule in response_rules(petition) if rule.allowed]


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _buttons(dialog: RegisterPetitionDialog | FindingsDialog | ResponseDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    box.accepted.connect(dialog.submitted.emit)
    box.rejected.connect(dialog.reject)
    return box


class RegisterPetitionDialog(QDialog):
    submitted = Signal()  # 确定: the page saves, and closes the dialog only on success

    def __init__(self, officers: list[OfficerInfo], cases: Sequence[CaseSummary] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("登记信访举报")
        # The case the report concerns: "经认定予以容错免责" needs it (第十八条).
        self.case = QComboBox()
        self.case.addItem("（不关联案件）", None)
        for case in cases:
            self.case.addItem(f"{case.number}　{case.officers}　{case.title or case.summary}",
                              case.id)
        self.real_name = QCheckBox("实名举报")
        self.reporter_name = QLineEdit()
        self.reporter_contact = QLineEdit()
        self.received_on = _date_edit()
        self.channel = QComboBox()
        self.channel.addItems(CHANNELS)
        self.officers = QListWidget()
        for officer in officers:
            item = QListWidgetItem(f"{officer.display_name}　{officer.department_name}")
            item.setData(_OFFICER_ID, officer.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officers.addItem(item)
        self.allegations = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow(self.real_name)
        form.addRow("举报人姓名", self.reporter_name)
        form.addRow("联系方式", self.reporter_contact)
        form.addRow("收到日期", self.received_on)
        form.addRow("来源渠道", self.channel)
        form.addRow("被反映人员", self.officers)
        form.addRow("反映问题", self.allegations)
        form.addRow("关联案件", self.case)
        form.addRow(_buttons(self))
        self._form = form
        self.real_name.toggled.connect(self._show_reporter)
        self._show_reporter(False)

    def _show_reporter(self, real: bool) -> None:
        # Anonymous reports never carry (or show) a reporter's identity.
        self._form.setRowVisible(self.reporter_name, real)
        self._form.setRowVisible(self.reporter_contact, real)
        if not real:
            self.reporter_name.clear()
            self.reporter_contact.clear()

    def value(self) -> PetitionInput:
        chosen = tuple(
            int(self.officers.item(i).data(_OFFICER_ID)) for i in range(self.officers.count())
            if self.officers.item(i).checkState() == Qt.CheckState.Checked
        )
        real = self.real_name.isChecked()
        return PetitionInput(
            real_name=real,
            received_on=self.received_on.date().toPython(),  # type: ignore[arg-type]
            channel=self.channel.currentText(),
            allegations=self.allegations.toPlainText().strip(),
            accused_officer_ids=chosen,
            reporter_name=self.reporter_name.text().strip() if real else "",
            reporter_contact=self.reporter_contact.text().strip() if real else "",
            case_id=self.case.currentData(),
        )


class FindingsDialog(QDialog):
    submitted = Signal()  # 确定: the page saves, and closes the dialog only on success

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("记录调查结论")
        self.findings = QPlainTextEdit()
        self.conclusion = QComboBox()
        for code, label in CONCLUSION_LABELS.items():
            self.conclusion.addItem(label, code)
        self.malicious = QCheckBox("经查系恶意中伤、诬告陷害")
        form = QFormLayout(self)
        form.addRow("调查情况", self.findings)
        form.addRow("调查结论", self.conclusion)
        form.addRow(self.malicious)
        form.addRow(_buttons(self))

    def value(self) -> FindingsInput:
        return FindingsInput(self.findings.toPlainText().strip(),
                             str(self.conclusion.currentData()), self.malicious.isChecked())


class ResponseDialog(QDialog):
    submitted = Signal()  # 确定: the page saves, and closes the dialog only on success

    def __init__(self, petition: PetitionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("记录回应")
        self.kind = QComboBox()
        rules = response_rules(petition)
        for rule in rules:
            if rule.allowed:
                self.kind.addItem(RESPONSE_LABELS[rule.kind], rule.kind)
        # Why the other answers are not offered, so the clerk is never left guessing.
        self.not_offered = QLabel(
            "\n".join(f"不适用{rule.label}：{rule.reason}" for rule in rules if not rule.allowed)
        )
        self.not_offered.setWordWrap(True)
        self.responded_on = _date_edit()
        self.scope = QLineEdit()
        self.method = QLineEdit()
        self.text = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow("回应方式", self.kind)
        form.addRow("回应日期", self.responded_on)
        form.addRow("范围", self.scope)
        form.addRow("形式", self.method)
        form.addRow("内容", self.text)
        form.addRow(self.not_offered)
        form.addRow(_buttons(self))

    def value(self) -> ResponseInput:
        return ResponseInput(
            kind=str(self.kind.currentData()),
            responded_on=self.responded_on.date().toPython(),  # type: ignore[arg-type]
            scope=self.scope.text().strip(),
            method=self.method.text().strip(),
            text=self.text.toPlainText().strip(),
        )

