"""Wizard navigation: review links, keyboard, answers left behind, continuing, citation links."""

from __future__ import annotations

from helpers import type_chinese
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QWizard
from pytestqt.qtbot import QtBot
from test_wizard_outcomes import (
    ART10,
    ART11,
    CONDITIONS,
    EXCLUSIONS,
    dismiss,
    open_wizard,
    press_next,
    tick,
)

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.ui.articles.page import ArticlesPage
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.wizard import DeterminationWizard
from nanmu_desktop.ui.wizard.determination_wizard import RESULT_ID, REVIEW_ID


def test_review_lists_answers_and_its_links_jump_back(qtbot: QtBot, ui_context: UiContext) -> None:
    wizard = open_wizard(qtbot, ui_context)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    tick(qtbot, wizard, "art10.4")
    press_next(qtbot, wizard)
    tick(qtbot, wizard, "art10_conditions.not_prohibited")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)  # 第十一条: nothing
    assert wizard.currentId() == REVIEW_ID
    text = wizard.review_page.view.toPlainText()
    assert "（四）行政执法过程中" in text and "法律没有明令禁止" in text
    links = wizard.review_page.view.toHtml().count('href="page:')
    assert links == 5  # one 修改 link per asked step

    wizard.review_page.view.anchorClicked.emit(QUrl(f"page:{ART10}"))
    assert wizard.currentId() == ART10
    assert wizard.question_pages[ART10].check_box("art10.4").isChecked()  # answers kept


def test_answers_left_behind_by_a_changed_path_do_not_count(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    wizard = open_wizard(qtbot, ui_context)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    tick(qtbot, wizard, "art10.1")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    tick(qtbot, wizard, "art9.1")
    press_next(qtbot, wizard)
    assert wizard.currentId() == REVIEW_ID
    assert wizard.facts_dict() == {"art9": [1]}
    assert "容错情形（第十条第一款）" in wizard.review_page.view.toPlainText()  # named as skipped


def test_keyboard_space_ticks_and_buttons_carry_alt_mnemonics(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    wizard = open_wizard(qtbot, ui_context)
    box = wizard.question_pages[EXCLUSIONS].check_box("exclusion.abuse_of_power")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    # The offscreen platform does not deliver mnemonics, so check they are registered.
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    back_button = wizard.button(QWizard.WizardButton.BackButton)
    assert next_button.shortcut() == QKeySequence("Alt+N")
    assert back_button.shortcut() == QKeySequence("Alt+B")
    assert "下一步" in next_button.text() and "上一步" in back_button.text()


def test_continuing_starts_from_the_saved_facts(qtbot: QtBot, ui_context: UiContext) -> None:
    from wizard_support import register_forestry_case

    case_id = register_forestry_case(ui_context.database)
    facts = {
        "art10": [8],
        "reasons": {"art10.8": "冰雪封路致无法按时送达"},
        "evidence": {"art10.8": "气象预警记录"},
    }
    wizard = DeterminationWizard(ui_context, case_id, facts)
    qtbot.addWidget(wizard, before_close_func=dismiss)
    wizard.show()
    for _ in range(3):
        press_next(qtbot, wizard)
    assert wizard.currentId() == CONDITIONS
    page = wizard.question_pages[ART10]
    assert page.check_box("art10.8").isChecked()
    reason = page.findChild(QLineEdit, "reason_art10.8")
    assert reason is not None and reason.text() == "冰雪封路致无法按时送达"
    press_next(qtbot, wizard)
    assert wizard.currentId() == ART11
    evidence = wizard.question_pages[ART11].findChild(QLineEdit, "evidence_art11.1")
    tick(qtbot, wizard, "art11.1")
    assert evidence is not None
    type_chinese(evidence, "已退还扣押物品")
    press_next(qtbot, wizard)
    assert wizard.facts_dict()["evidence"] == {
        "art10.8": "气象预警记录",
        "art11.1": "已退还扣押物品",
    }


def test_a_result_citation_opens_the_item_in_the_articles_browser(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    browser = ArticlesPage(ui_context)
    qtbot.addWidget(browser)
    wizard = open_wizard(qtbot, ui_context)
    press_next(qtbot, wizard)
    tick(qtbot, wizard, "art9.3")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert wizard.currentId() == RESULT_ID
    assert "第九条第（三）项" in wizard.result_page.view.toPlainText()
    with qtbot.waitSignal(ui_context.signals.open_citation) as opened:
        wizard.result_page.view.anchorClicked.emit(QUrl("cite:0"))
    assert opened.args == [Citation(9, None, (3,))]
    assert browser.selected_citation() == Citation(9, None, (3,))
    assert browser.text.textCursor().block().text().startswith("（三）因当事人擅自隐匿")


def test_cancelling_with_answers_asks_first(qtbot: QtBot, ui_context: UiContext) -> None:
    from helpers import answer_message_box
    from PySide6.QtWidgets import QMessageBox

    wizard = open_wizard(qtbot, ui_context)
    tick(qtbot, wizard, "exclusion.abuse_of_power")
    keep = answer_message_box(QMessageBox.StandardButton.Cancel)
    wizard.reject()
    assert keep.handled and "尚未保存" in keep.text
    assert wizard.isVisible()

    discard = answer_message_box(QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(wizard.rejected):
        wizard.reject()
    assert discard.handled


def test_cancelling_an_untouched_wizard_does_not_ask(qtbot: QtBot, ui_context: UiContext) -> None:
    wizard = open_wizard(qtbot, ui_context)
    press_next(qtbot, wizard)  # moving around changes no answer
    with qtbot.waitSignal(wizard.rejected):
        wizard.reject()
