"""The committee decision (第十三条), the second step after the wizard's proposal.

The clerk records the 党委 meeting: date, attendees, the outcome (the proposal by default),
从轻 or 减轻 when mitigated, and a reason that is required when the decision departs from the
proposal. The resulting 7-day notification deadline is shown as the date changes. Problems
are shown inline beside their fields; the dialog stays open until the service accepts.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import NanmuError, Problem, ValidationError
from nanmu_desktop.services.deadlines import preview_notification_deadline
from nanmu_desktop.services.determinations import DecisionInput, record_decision
from nanmu_desktop.ui.context import UiContext
from nanmu_desktop.ui.forms.ui_decision_dialog import Ui_DecisionDialog
from nanmu_desktop.ui.wizard.summary import chinese_date

_ATTENDEE_SPLIT = re.compile(r"[\n、，,；;]+")


class DecisionDialog(QDialog):
    """Records the decision on `case_id` whose proposal is `proposal`; Accepted once saved."""

    def __init__(
        self,
        context: UiContext,
        case_id: int,
        proposal: Outcome,
        proposal_basis: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DecisionDialog()
        self.ui.setupUi(self)
        self._context = context
        self._case_id = case_id
        self._proposal = proposal
        self.ui.proposalLabel.setText(f"认定建议：{proposal.label}（依据{proposal_basis}）")
        for outcome in Outcome:
            self.ui.outcomeCombo.addItem(outcome.label, outcome.value)
        self.ui.outcomeCombo.setCurrentIndex(self.ui.outcomeCombo.findData(proposal.value))
        self.ui.meetingDateEdit.setDate(QDate.currentDate())
        self.ui.meetingDateEdit.setMaximumDate(QDate.currentDate())
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存(&S)")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self._save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        self.ui.meetingDateEdit.dateChanged.connect(self._update_deadline)
        self._clear_errors()
        self._outcome_changed()
        self._update_deadline()

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
            reason=self.ui.reasonEdit.toPlainText().strip(),
        )

    def _meeting_date(self) -> date:
        chosen = self.ui.meetingDateEdit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _outcome_changed(self) -> None:
        outcome = Outcome(self.ui.outcomeCombo.currentData())
        mitigated = outcome is Outcome.mitigated
        for widget in (self.ui.mitigationCaption, self.ui.lighterRadio, self.ui.reducedRadio):
            widget.setEnabled(mitigated)
        differs = outcome is not self._proposal
        self.ui.reasonCaption.setText("决定理由(&R)：" + ("（必填）" if differs else ""))
        self.ui.reasonError.clear()
        self.ui.reasonError.hide()

    def _update_deadline(self) -> None:
        due = preview_notification_deadline(self._context.database, self._meeting_date())
        warnings = "".join(f"\n注意：{w}。" for w in due.warnings)
        self.ui.deadlineLabel.setText(
            f"{chinese_date(due.day)}前告知相关单位及当事人（第十三条）。"
            f"{due.note}{due.rule_text}{warnings}"
        )

    def _save(self) -> None:
        self._clear_errors()
        decision = self.inputs()
        database, case_id = self._context.database, self._case_id
        self.ui.buttonBox.setEnabled(False)
        self._context.tasks.run(
            lambda _control: record_decision(database, case_id, decision),
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
