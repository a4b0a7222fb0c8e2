"""The wizard keeps invisible or unprintable reasons and evidence on the page, saying why,
instead of failing when it works out the next step."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot
from test_wizard_outcomes import ART9, REVIEW_ID, open_wizard, press_next, tick

from nanmu_desktop.ui.common.context import UiContext


def test_hidden_characters_in_reasons_and_evidence_block_the_step(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    wizard = open_wizard(qtbot, ui_context)
    press_next(qtbot, wizard)
    assert wizard.currentId() == ART9
    page = wizard.question_pages[ART9]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    tick(qtbot, wizard, "art9.9")
    reason = page.findChild(QLineEdit, "reason_art9.9")
    message = page.findChild(QLabel, "error_art9.9")
    assert reason is not None and message is not None
    reason.setText("\u200b\u2060")  # only invisible characters: no reason
    assert message.isVisible() and "必须写明理由" in message.text()
    assert not next_button.isEnabled()
    reason.setText("经核实\u200b属于依法履职")
    assert message.text() == "理由含有看不见的零宽字符（U+200B），请删除后重新输入"
    assert not next_button.isEnabled()
    reason.setText("经核实属于依法履职")
    assert not message.isVisible() and next_button.isEnabled()

    tick(qtbot, wizard, "art9.2")
    evidence = page.findChild(QLineEdit, "evidence_art9.2")
    evidence_message = page.findChild(QLabel, "error_art9.2")
    assert evidence is not None and evidence_message is not None
    evidence.setText("调查笔录\x1b")
    assert evidence_message.text() == "证据说明含有控制字符（U+001B），请删除后重新输入"
    assert not next_button.isEnabled()
    evidence.setText("调查笔录")
    press_next(qtbot, wizard)
    assert wizard.currentId() == REVIEW_ID
    assert wizard.facts().reasons == {"art9.9": "经核实属于依法履职"}
