"""The committee decision (第十三条), the second step after the wizard's proposal.

The clerk records the 党委 meeting: date, attendees, the outcome (the proposal by default; only
the outcomes the regulation lets the committee decide are offered), 从轻 or 减轻 and the measure
lightened when mitigated, and a reason that is required when the decision departs from the
proposal. The proposal's warnings are shown above. In correction mode (更正) the recorded
decision is loaded and a correction reason is required. Problems are shown inline beside
their fields; the dialog stays open until the service accepts.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import NanmuError, Problem, ValidationError
from nanmu_desktop.services.decisions import (
    DecisionInput,
    correct_decision,
    preview_deadline,
    record_decision,
)
from nanmu_desktop.services.determinations import DeterminationInfo
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.forms.ui_decision_dialog import Ui_DecisionDialog
from nanmu_desktop.ui.wizard.summary import chinese_date

_ATTENDEE_SPLIT = re.compile(r"[\n、，,；;]+")


class DecisionDialog(QDialog):
    """Records the decision on `case_id` whose proposal is `proposal`; Accepted once saved."""

    def __init__(
        self,
        context: UiContext,
        info: DeterminationInfo,
        parent: QWidget | None = None,
        *,
        correcting: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DecisionDialog()
        self.ui.setupUi(self)
        self._context = context
        self._case_id = info.case_id
        self._proposal = Outcome(info.outcome)
        self._correcting = correcting
        basis = "、".join(info.basis) or "不援引条款"
        self.ui.proposalLabel.setText(f"认定建议：{self._proposal.label}（依据：{basis}）")
        self.ui.warningsLabel.setText("\n".join(f"提示：{w}" for w in info.warnings))
        self.ui.warningsLabel.setVisible(bool(info.warnings))
        for outcome in info.allowed_outcomes:  # the committee table of the regulation
            self.ui.outcomeCombo.addItem(outcome.label, outcome.value)
        self.ui.meetingDateEdit.setMaximumDate(QDate.currentDate())
        self.ui.meetingDateEdit.setDate(QDate.currentDate())
        self.ui.correctionCaption.setVisible(correcting)
        self.ui.correctionEdit.setVisible(correcting)
        if correcting:
            self.setWindowTitle("更正党委研究决定")
            self._load_decision(info)
        else:
            self.ui.outcomeCombo.setCurrentIndex(0)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存(&S)")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self._save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        self.ui.meetingDateEdit.dateChanged.connect(self._update_deadline)
        self._clear_errors()
        self._outcome_changed()

    def _load_decision(self, info: DeterminationInfo) -> None:
        if info.meeting_date is not None:
            day = info.meeting_date
            self.ui.meetingDateEdit.setDate(QDate(day.year, day.month, day.day))
        self.ui.attendeesEdit.setPlainText("、".join(info.attendees))
        index = self.ui.outcomeCombo.findData(info.decided_outcome)
        self.ui.outcomeCombo.setCurrentIndex(max(index, 0))
        self.ui.lighterRadio.setChecked(info.leniency == "lighter")
        self.ui.reducedRadio.setChecked(info.leniency == "reduced")
        self.ui.measureEdit.setText(info.measure)
        self.ui.reasonEdit.setPlainText(info.differing_reason)

    def inputs(self) -> DecisionInput:
        """What the form holds now, as the service takes it."""
        leniency: str | None = None
        if self.ui.lighterRadio.isChecked():
            leniency = "lighter"
        elif self.ui.reducedRadio.isChecked():
            leniency = "reduced"
        outcome = Outcome(self.ui.outcomeCombo.currentData())
        attendees = tuple(
            name.strip()
            for name in _ATTENDEE_SPLIT.split(self.ui.attendeesEdit.toPlainText())
            if name.strip()
        )
        return DecisionInput(
            meeting_date=self._meeting_date(),
            attendees=attendees,
            outcome=outcome.value,
            leniency=leniency if outcome is Outcome.mitigated else None,
            measure=self.ui.measureEdit.text().strip() if outcome is Outcome.mitigated else "",
            reason=self.ui.reasonEdit.toPlainText().strip(),
        )

    def _meeting_date(self) -> date:
        chosen = self.ui.meetingDateEdit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _outcome_changed(self) -> None:
        outcome = Outcome(self.ui.outcomeCombo.currentData())
        mitigated = outcome is Outcome.mitigated
        for widget in (self.ui.mitigationCaption, self.ui.lighterRadio, self.ui.reducedRadio,
                       self.ui.measureCaption, self.ui.measureEdit):
            widget.setEnabled(mitigated)
        differs = outcome is not self._proposal
        self.ui.reasonCaption.setText("决定理由(&R)：" + ("（必填）" if differs else ""))
        self.ui.reasonError.clear()
        self.ui.reasonError.hide()
        self._update_deadline()

    def _update_deadline(self) -> None:
        outcome = Outcome(self.ui.outcomeCombo.currentData())
        due = preview_deadline(self._context.database, self._case_id, outcome, self._meeting_date())
        if due is None:
            self.ui.deadlineLabel.setText(
                f"“{outcome.label}”不是容错决定，不适用第十三条的告知期限，及时告知当事人即可。"
            )
            return
        warnings = "".join(f"\n注意：{w}" for w in due.warnings)
        self.ui.deadlineLabel.setText(
            f"{chinese_date(due.day)}前告知相关单位及当事人（第十三条，保存时记录，"
            f"之后修改设置不会改变）。{due.note}{due.rule_text}{warnings}"
        )

    def _save(self) -> None:
        self._clear_errors()
        decision = self.inputs()
        database, case_id = self._context.database, self._case_id
        self.ui.buttonBox.setEnabled(False)
        reason = self.ui.correctionEdit.text()

        def write(_control: object) -> DeterminationInfo:
            if self._correcting:
                return correct_decision(database, case_id, decision, reason=reason)
            return record_decision(database, case_id, decision)

        self._context.tasks.run(
            write,
            on_done=self._saved,
            on_error=self._refused,
            parent=self,
        )

    def _saved(self, _result: object) -> None:
        self._context.signals.case_changed.emit(self._case_id)
        self.accept()

    def _refused(self, error: NanmuError) -> None:
        self.ui.buttonBox.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_problems(error.problems)
        else:
            self._show_problems([Problem("", error.message)])

    def _error_label(self, field: str) -> QLabel:
        # The service names fields in Chinese (see services.determinations._check_decision).
        return {
            "参会人员": self.ui.attendeesError,
            "从轻/减轻": self.ui.mitigationError,
            "处理措施": self.ui.mitigationError,
            "理由": self.ui.reasonError,
        }.get(field, self.ui.formError)

    def _show_problems(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        for problem in problems:
            label = self._error_label(problem.field)
            message = str(problem) if label is self.ui.formError else problem.message
            label.setText("；".join(filter(None, (label.text(), message))))
            label.show()

    def _clear_errors(self) -> None:
        for label in (
            self.ui.attendeesError,
            self.ui.mitigationError,
            self.ui.reasonError,
            self.ui.formError,
        ):
            label.clear()
            label.hide()  # an empty error line would leave a gap in the form
