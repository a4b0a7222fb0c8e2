"""Small entry dialogs of the 办理跟踪 page: 公开, 整改通知, 延期申请, 批复, 回访.

记录送达 (告知) is in deliveries.py.

Each dialog collects one input and hands it to a `submit` callable (the page's service call).
A ValidationError from the service is shown inline and the dialog stays open, so the clerk
never loses what was typed; success closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.errors import NanmuError, Problem, ValidationError
from nanmu_desktop.services.notices import PublicationInput
from nanmu_desktop.services.rectification import ExtensionInput, FollowUpInput, OrderInput

Submit = Callable[[Any], object]


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy年M月d日")
    return edit


def _day(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


def _methods(parent: QWidget, choices: tuple[str, ...]) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(choices)
    return box


class EntryDialog(QDialog):
    """A form, an inline problem list and 确定/取消; subclasses add rows and build the input."""

    def __init__(self, title: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.result_value: object = None
        self.form = QFormLayout()
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("problemsLabel")
        self.problems_label.setStyleSheet("color: #b00020;")
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

    def build_input(self) -> object:
        """The service input; raises ValidationError for what can be checked here."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self._submit(self.build_input())
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        except NanmuError as error:
            self.show_problems((Problem("", str(error)),))
            return
        super().accept()

    def show_problems(self, problems: tuple[Problem, ...]) -> None:
        self.problems_label.setText("\n".join(str(p) for p in problems))
        self.problems_label.show()


def _required(text: str, field: str, problems: list[Problem]) -> str:
    value = text.strip()
    if not value:
        problems.append(Problem(field, "不能为空"))
    return value


class PublicationDialog(EntryDialog):
    """记录公开 (第十三条): where it was published and for how many days."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("记录公开", submit, parent)
        self.scope_edit = QLineEdit(self)
        self.scope_edit.setPlaceholderText("例如：政府公示栏、政务公开网站")
        self.date_edit = _date_edit(self)
        self.method_box = _methods(self, ("张贴公示", "网站公开", "会议通报"))
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, 90)
        self.days_spin.setValue(7)
        self.days_spin.setSuffix(" 天")
        self.notes_edit = QLineEdit(self)
        self.form.addRow("公开范围：", self.scope_edit)
        self.form.addRow("公开日期：", self.date_edit)
        self.form.addRow("公开方式：", self.method_box)
        self.form.addRow("公示期：", self.days_spin)
        self.form.addRow("备注：", self.notes_edit)

    def build_input(self) -> PublicationInput:
        problems: list[Problem] = []
        scope = _required(self.scope_edit.text(), "公开范围", problems)
        if problems:
            raise ValidationError(problems)
        return PublicationInput(
            scope=scope,
            done_on=_day(self.date_edit),
            method=self.method_box.currentText().strip(),
            days=self.days_spin.value(),
            notes=self.notes_edit.text().strip(),
        )


class OrderDialog(EntryDialog):
    """新建整改通知 (第十五条): reasons, one item per line, requirements, deadline in days."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("新建整改通知", submit, parent)
        self.reasons_edit = QPlainTextEdit(self)
        self.items_edit = QPlainTextEdit(self)
        self.items_edit.setPlaceholderText("每行一项纠错事项")
        self.requirements_edit = QPlainTextEdit(self)
        self.date_edit = _date_edit(self)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, 365)
        self.days_spin.setValue(30)
        self.days_spin.setSuffix(" 天")
        self.form.addRow("纠错事由：", self.reasons_edit)
        self.form.addRow("纠错事项：", self.items_edit)
        self.form.addRow("整改要求：", self.requirements_edit)
        self.form.addRow("下达日期：", self.date_edit)
        self.form.addRow("整改期限：", self.days_spin)

    def build_input(self) -> OrderInput:
        problems: list[Problem] = []
        reasons = _required(self.reasons_edit.toPlainText(), "纠错事由", problems)
        items = tuple(
            line.strip() for line in self.items_edit.toPlainText().splitlines() if line.strip()
        )
        if not items:
            problems.append(Problem("纠错事项", "至少填写一项"))
        requirements = _required(self.requirements_edit.toPlainText(), "整改要求", problems)
        if problems:
            raise ValidationError(problems)
        return OrderInput(
            reasons=reasons,
            items=items,
            requirements=requirements,
            ordered_on=_day(self.date_edit),
            deadline_days=self.days_spin.value(),
        )


class ExtensionDialog(EntryDialog):
    """申请延期 (第十六条): how many more days and why."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("申请延期", submit, parent)
        self.date_edit = _date_edit(self)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, 180)
        self.days_spin.setValue(15)
        self.days_spin.setSuffix(" 天")
        self.reason_edit = QPlainTextEdit(self)
        self.form.addRow("申请日期：", self.date_edit)
        self.form.addRow("延长天数：", self.days_spin)
        self.form.addRow("延期理由：", self.reason_edit)

    def build_input(self) -> ExtensionInput:
        problems: list[Problem] = []
        reason = _required(self.reason_edit.toPlainText(), "延期理由", problems)
        if problems:
            raise ValidationError(problems)
        return ExtensionInput(
            requested_on=_day(self.date_edit), days=self.days_spin.value(), reason=reason
        )


class ReplyDialog(EntryDialog):
    """批复 an extension request: approve or refuse, with the reply text."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("批复延期申请", submit, parent)
        self.approve_radio = QRadioButton("同意延期", self)
        self.refuse_radio = QRadioButton("不同意", self)
        self.approve_radio.setChecked(True)
        self.reply_edit = QPlainTextEdit(self)
        self.date_edit = _date_edit(self)
        self.form.addRow("批复结果：", self.approve_radio)
        self.form.addRow("", self.refuse_radio)
        self.form.addRow("批复意见：", self.reply_edit)
        self.form.addRow("批复日期：", self.date_edit)

    def build_input(self) -> tuple[bool, str, date]:
        problems: list[Problem] = []
        reply = _required(self.reply_edit.toPlainText(), "批复意见", problems)
        if problems:
            raise ValidationError(problems)
        return (self.approve_radio.isChecked(), reply, _day(self.date_edit))


class FollowUpDialog(EntryDialog):
    """记录回访 (第十六条): date, method, findings and whether the order is 核实销号."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("记录回访", submit, parent)
        self.date_edit = _date_edit(self)
        self.method_box = _methods(self, ("实地回访", "电话回访", "书面"))
        self.findings_edit = QPlainTextEdit(self)
        self.verified_check = QCheckBox("整改到位，核实销号", self)
        self.form.addRow("回访日期：", self.date_edit)
        self.form.addRow("回访方式：", self.method_box)
        self.form.addRow("回访情况：", self.findings_edit)
        self.form.addRow("", self.verified_check)

    def build_input(self) -> FollowUpInput:
        problems: list[Problem] = []
        findings = _required(self.findings_edit.toPlainText(), "回访情况", problems)
        if problems:
            raise ValidationError(problems)
        return FollowUpInput(
            followed_on=_day(self.date_edit),
            method=self.method_box.currentText().strip(),
            findings=findings,
            verified=self.verified_check.isChecked(),
        )
