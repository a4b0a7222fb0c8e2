"""参照日期与规定版本: the date that selects the regulation version of a case, and the explicit
switch of a determination to the version in force on it, showing what would change first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import set_reference_date
from nanmu_desktop.services.determinations import (
    DeterminationInfo,
    save_proposal,
    version_choice,
)
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext


class VersionDialog(QDialog):
    """Accepted after the reference date was saved or the determination switched version."""

    def __init__(
        self,
        context: UiContext,
        case: CaseDetail,
        info: DeterminationInfo | None,
        *,
        may_redetermine: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("参照日期与规定版本")
        self._context, self._case, self._info = context, case, info
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.date_edit.setMaximumDate(QDate.currentDate())
        day = case.reference_date or case.occurred_on
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.reason_edit = QLineEdit(case.reference_reason, self)
        self.reason_edit.setPlaceholderText("修改参照日期的理由（必填）")
        form = QFormLayout()
        form.addRow("参照日期(&D)：", self.date_edit)
        form.addRow("理由(&R)：", self.reason_edit)
        hint = QLabel("参照日期决定适用的规定版本，默认为行为发生日期。已作出的认定沿用原版本，"
                      "只有明确选择“按现行版本重新认定”才会改用新版本。", self)
        hint.setWordWrap(True)
        self.comparison = QLabel(self)
        self.comparison.setWordWrap(True)
        self.switch_button = QPushButton("按现行版本重新认定(&V)", self)
        self.switch_button.clicked.connect(self.switch_version)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton("保存参照日期(&S)", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save_date)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.comparison)
        layout.addWidget(self.switch_button)
        layout.addWidget(buttons)
        self._in_force: str | None = None
        self._show_comparison(may_redetermine)

    def _show_comparison(self, may_redetermine: bool) -> None:
        if self._info is None:
            self.comparison.hide()
            self.switch_button.hide()
            return
        choice = version_choice(
            self._context.database, self._case.id, Facts.from_dict(self._info.facts)
        )
        lines = [f"本案认定所用版本：{choice.kept}；参照日期施行的版本：{choice.in_force}。"]
        if choice.differs:
            for version, result in choice.results.items():
                basis = "、".join(result.basis) or "不援引条款"
                lines.append(f"按 {version}：{result.outcome.label}（依据：{basis}）")
            self._in_force = choice.in_force
        self.comparison.setText("\n".join(lines))
        self.switch_button.setVisible(choice.differs)
        self.switch_button.setEnabled(choice.differs and may_redetermine)

    def save_date(self) -> None:
        chosen = self.date_edit.date()
        try:
            set_reference_date(
                self._context.database, self._case.id,
                date(chosen.year(), chosen.month(), chosen.day()), self.reason_edit.text(),
            )
        except NanmuError as error:
            dialogs.show_error(self, error)
            return
        self._context.signals.case_changed.emit(self._case.id)
        self.accept()

    def switch_version(self) -> None:
        if self._info is None or self._in_force is None:
            return
        if not dialogs.confirm(self, "重新认定", f"按规定版本 {self._in_force} 重新认定本案？"):
            return
        try:
            save_proposal(self._context.database, self._case.id, self._info.facts,
                          version=self._in_force)
        except NanmuError as error:
            dialogs.show_error(self, error)
            return
        self._context.signals.case_changed.emit(self._case.id)
        self.accept()
