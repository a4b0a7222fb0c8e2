"""The committee decision dialog: defaults, required reason, 从轻/减轻, deadline, saving."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import type_chinese
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from wizard_support import register_forestry_case

from nanmu_desktop.domain.investigation import NO_INVESTIGATION
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.determinations import current_determination, save_proposal
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.wizard.decision_dialog import DecisionDialog

EXEMPT_FACTS = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


FORMED = date(2026, 1, 7)  # the proposal, the day after registration


@pytest.fixture
def dialog(qtbot: QtBot, ui_context: UiContext) -> DecisionDialog:
    case_id = register_forestry_case(ui_context.database)
    info = save_proposal(ui_context.database, case_id, EXEMPT_FACTS, made_on=FORMED)
    dialog = DecisionDialog(ui_context, info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: DecisionDialog, outcome: Outcome) -> None:
    dialog.ui.outcomeCombo.setCurrentIndex(dialog.ui.outcomeCombo.findData(outcome.value))


def save(qtbot: QtBot, dialog: DecisionDialog) -> None:
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.buttonBox.isEnabled() or not dialog.isVisible())


def test_outcome_defaults_to_the_proposal(dialog: DecisionDialog) -> None:
    assert dialog.ui.outcomeCombo.currentData() == Outcome.exempt.value
    assert "容错免责" in dialog.ui.proposalLabel.text()
    assert "第十条第一款第（四）项" in dialog.ui.proposalLabel.text()
    assert not dialog.ui.lighterRadio.isEnabled()  # only for 从轻或减轻处理


def test_only_the_outcomes_the_regulation_allows_are_offered(dialog: DecisionDialog) -> None:
    offered = [dialog.ui.outcomeCombo.itemData(i) for i in range(dialog.ui.outcomeCombo.count())]
    # 第十条第二款 is "可以": 免责 or 从轻/减轻; never 不予容错 (第一款 "应当") or 履职尽责.
    assert offered == [Outcome.exempt.value, Outcome.mitigated.value]
    # No contradiction among the facts; only the 调查核实 not recorded (warned, never blocked).
    assert dialog.ui.warningsLabel.text() == "提示：" + NO_INVESTIGATION


def test_deadline_follows_the_meeting_date(dialog: DecisionDialog) -> None:
    dialog.ui.meetingDateEdit.setDate(QDate(2025, 3, 10))  # a Monday, no holidays set
    assert dialog.ui.deadlineLabel.text().startswith("2025年3月17日前")
    assert "自然日" in dialog.ui.deadlineLabel.text()
    dialog.ui.meetingDateEdit.setDate(QDate(2025, 3, 11))
    assert dialog.ui.deadlineLabel.text().startswith("2025年3月18日前")
    # The 7th day is 2025-10-01 (国庆, from the holiday data package): moved past the break.
    dialog.ui.meetingDateEdit.setDate(QDate(2025, 9, 24))
    text = dialog.ui.deadlineLabel.text()
    assert text.startswith("2025年10月9日前") and "顺延至2025年10月9日" in text
    assert "注意" not in text


def test_the_proposal_warnings_are_shown(qtbot: QtBot, ui_context: UiContext) -> None:
    case_id = register_forestry_case(ui_context.database)
    facts = {"exclusion": {"abuse_of_power": True}, "art9": [1]}
    info = save_proposal(ui_context.database, case_id, facts, made_on=FORMED)
    dialog = DecisionDialog(ui_context, info)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.warningsLabel.isVisible() and "相互矛盾" in dialog.ui.warningsLabel.text()


def test_a_departure_needs_a_reason_the_leniency_and_the_measure(
    qtbot: QtBot, dialog: DecisionDialog, ui_context: UiContext
) -> None:
    dialog.ui.meetingDateEdit.setDate(QDate(2026, 1, 12))
    type_chinese(dialog.ui.attendeesEdit, "刘晓伟、孟和、何春梅")
    choose(dialog, Outcome.mitigated)
    assert "必填" in dialog.ui.reasonCaption.text()
    assert dialog.ui.reducedRadio.isEnabled() and dialog.ui.measureEdit.isEnabled()
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "理由" in dialog.ui.reasonError.text() and dialog.ui.reasonError.isVisible()
    assert "从轻" in dialog.ui.mitigationError.text()
    assert not dialog.ui.attendeesError.isVisible()  # attendees were given
    info = current_determination(ui_context.database, get_case_id(dialog))
    assert info is not None and not info.decided  # nothing written

    type_chinese(dialog.ui.reasonEdit, "党委研究认为损失未能全部挽回")
    qtbot.mouseClick(dialog.ui.reducedRadio, Qt.MouseButton.LeftButton)
    type_chinese(dialog.ui.measureEdit, "由诫勉谈话减为批评教育")
    with qtbot.waitSignal(dialog.finished) as finished:
        save(qtbot, dialog)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    info = current_determination(ui_context.database, get_case_id(dialog))
    assert info is not None and (info.decided_outcome, info.leniency) == ("mitigated", "reduced")
    assert info.differing_reason == "党委研究认为损失未能全部挽回"
    assert info.measure == "由诫勉谈话减为批评教育"
    assert info.decided_basis == ("第十条第一款第（四）项",)
    assert info.attendees == ("刘晓伟", "孟和", "何春梅")


def test_a_recorded_decision_is_corrected_with_a_reason(
    qtbot: QtBot, dialog: DecisionDialog, ui_context: UiContext
) -> None:
    dialog.ui.meetingDateEdit.setDate(QDate(2026, 1, 12))
    type_chinese(dialog.ui.attendeesEdit, "刘晓伟")
    with qtbot.waitSignal(dialog.finished):
        save(qtbot, dialog)
    info = current_determination(ui_context.database, get_case_id(dialog))
    assert info is not None
    correction = DecisionDialog(ui_context, info, correcting=True)
    qtbot.addWidget(correction)
    correction.show()
    assert correction.ui.correctionEdit.isVisible()
    assert correction.ui.attendeesEdit.toPlainText() == "刘晓伟"
    assert correction.ui.meetingDateEdit.date() == QDate(2026, 1, 12)
    correction.ui.attendeesEdit.moveCursor(QTextCursor.MoveOperation.End)
    type_chinese(correction.ui.attendeesEdit, "、孟和")
    save(qtbot, correction)
    assert correction.isVisible() and "更正理由" in correction.ui.formError.text()
    type_chinese(correction.ui.correctionEdit, "补记参会人员")
    with qtbot.waitSignal(correction.finished):
        save(qtbot, correction)
    info = current_determination(ui_context.database, get_case_id(dialog))
    assert info is not None and info.attendees == ("刘晓伟", "孟和")
    assert info.correction_reason == "补记参会人员"


def test_agreeing_needs_no_reason_and_decides_the_case(
    qtbot: QtBot, dialog: DecisionDialog, ui_context: UiContext
) -> None:
    dialog.ui.meetingDateEdit.setDate(QDate(2026, 1, 12))
    save(qtbot, dialog)
    assert dialog.isVisible() and "参会人员" in dialog.ui.attendeesError.text()
    type_chinese(dialog.ui.attendeesEdit, "刘晓伟\n孟和")
    with qtbot.waitSignal(ui_context.signals.case_changed):
        save(qtbot, dialog)
    case = get_case(ui_context.database, get_case_id(dialog))
    assert case.status == "decided" and case.outcome == "exempt"
    info = current_determination(ui_context.database, case.id)
    assert info is not None
    assert (info.meeting_date, info.notification_deadline) == (date(2026, 1, 12), date(2026, 1, 19))


def get_case_id(dialog: DecisionDialog) -> int:
    return dialog._case_id
