"""The 认定向导 page: list, wizard from the page, proposal shown with citation links, decision."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from test_wizard_outcomes import press_next, tick
from wizard_support import register_forestry_case

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.wizard.page import DeterminationPage


def make_page(qtbot: QtBot, context: UiContext) -> DeterminationPage:
    page = DeterminationPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def test_select_case_shows_it_and_the_wizard_saves_a_proposal(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    case_id = register_forestry_case(ui_context.database)
    page = make_page(qtbot, ui_context)
    assert page.count_label.text() == "共 1 件"
    assert not page.wizard_button.isEnabled()  # nothing chosen yet
    page.select_case(case_id)
    assert "关晓明" in page.header.text()
    assert page.wizard_button.isEnabled() and not page.decision_button.isEnabled()
    assert "尚未认定" in page.detail.toPlainText()

    wizard = page.open_wizard()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    press_next(qtbot, wizard)
    tick(qtbot, wizard, "art9.4")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    with qtbot.waitSignal(wizard.finished):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    text = page.detail.toPlainText()
    assert "认定建议：履职尽责（不予追责）" in text and "第九条第（四）项" in text
    assert "履职尽责情形（第九条）：（四）因不能预见、不能避免" in text  # the fact found
    assert page.decision_button.isEnabled()
    assert "重新认定" in page.wizard_button.text()


def test_detail_citation_links_emit_open_citation(qtbot: QtBot, ui_context: UiContext) -> None:
    case_id = register_forestry_case(ui_context.database)
    save_proposal(ui_context.database, case_id, {"art11": [1]})
    page = make_page(qtbot, ui_context)
    page.select_case(case_id)
    assert 'href="cite:第十一条第（一）项"' in page.detail.toHtml()
    with qtbot.waitSignal(ui_context.signals.open_citation) as opened:
        page.detail.anchorClicked.emit(QUrl("cite:第十一条第（一）项"))
    assert opened.args == [Citation(11, None, (1,))]


def test_a_decided_case_offers_neither_wizard_nor_decision(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    from datetime import date

    from nanmu_desktop.services.decisions import DecisionInput, record_decision

    case_id = register_forestry_case(ui_context.database)
    save_proposal(ui_context.database, case_id, {"art10": [4]}, made_on=date(2026, 1, 7))
    record_decision(
        ui_context.database, case_id,
        DecisionInput(date(2026, 1, 12), ("刘晓伟", "孟和"), leniency="从轻", measure="批评教育"),
    )
    page = make_page(qtbot, ui_context)
    page.select_case(case_id)
    text = page.detail.toPlainText()
    assert "与认定建议一致" in text and "2026年1月19日前" in text
    assert "决定依据：\n第十条第一款第（四）项" in text and "处理措施：\n批评教育" in text
    assert not page.wizard_button.isEnabled() and not page.decision_button.isEnabled()
    assert page.correct_button.isEnabled()  # 更正 stays possible
    assert page.open_correction() is not None


def test_search_narrows_the_list(qtbot: QtBot, ui_context: UiContext) -> None:
    from helpers import type_chinese

    register_forestry_case(ui_context.database, officer_name="关晓明")
    register_forestry_case(ui_context.database, "莫日根", "15-0783-00348")
    page = make_page(qtbot, ui_context)
    assert page.case_list.count() == 2
    type_chinese(page.search_edit, "莫日根")
    qtbot.waitUntil(lambda: page.case_list.count() == 1)
    assert "莫日根" in page.case_list.item(0).text()


def test_on_the_demo_data_pending_cases_are_listed_with_their_state(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    from nanmu_desktop.services.case_list import CaseQuery, count_cases, list_cases

    database = demo_context.database
    pending = ("registered", "investigating", "determining", "decided")
    page = make_page(qtbot, demo_context)
    assert page.count_label.text() == f"共 {count_cases(database, CaseQuery(statuses=pending))} 件"
    determining = list_cases(database, CaseQuery(statuses=("determining",))).rows
    decided = list_cases(database, CaseQuery(statuses=("decided",))).rows
    assert determining and decided, "the demo data covers both stages"
    page.select_case(determining[0].id)
    assert "认定建议：" in page.detail.toPlainText()
    assert page.decision_button.isEnabled() and page.wizard_button.isEnabled()
    page.select_case(decided[0].id)
    assert "决定结果" in page.detail.toPlainText()
    assert not page.decision_button.isEnabled()

    page.pending_only.setChecked(False)
    assert page.count_label.text() == f"共 {count_cases(database)} 件"


def test_the_reference_date_and_an_explicit_switch_of_version(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    import json
    from datetime import date
    from pathlib import Path

    from helpers import answer_message_box
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QMessageBox

    from nanmu_desktop.domain.regulation_loader import regulations_dir
    from nanmu_desktop.services.determinations import current_determination
    from nanmu_desktop.services.regulations import add_version

    data = json.loads((regulations_dir() / "2024-127.json").read_text(encoding="utf-8"))
    data.update(version="2026-33", issue_date="2026-06-01", effective_date="2026-06-01")
    add_version(ui_context.database, json.dumps(data, ensure_ascii=False), Path("2026-33.json"))
    case_id = register_forestry_case(ui_context.database)  # conduct in January 2026
    save_proposal(ui_context.database, case_id, {"art11": [1]})
    page = make_page(qtbot, ui_context)
    page.select_case(case_id)
    dialog = page.open_version()
    assert dialog is not None and not dialog.switch_button.isVisible()  # same version
    dialog.date_edit.setDate(QDate(2026, 7, 1))
    dialog.reason_edit.setText("违法行为持续至七月")
    with qtbot.waitSignal(ui_context.signals.case_changed):
        dialog.save_date()
    assert page._case is not None and page._case.reference_date == date(2026, 7, 1)
    info = current_determination(ui_context.database, case_id)
    assert info is not None and info.regulation_version == "2024-127"  # kept until switched

    dialog = page.open_version()
    assert dialog is not None and dialog.switch_button.isEnabled()
    assert "按 2026-33：从轻或减轻处理" in dialog.comparison.text()
    box = answer_message_box(QMessageBox.StandardButton.Ok)
    dialog.switch_version()
    assert box.handled
    info = current_determination(ui_context.database, case_id)
    assert info is not None and info.regulation_version == "2026-33"
