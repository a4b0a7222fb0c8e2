"""调查核实 from the 认定向导 page, driven like a clerk would: the button opens the dialog,
investigators ticked from the people list (fewer than two warned, not refused), a wrong date
refused with the service's message naming both dates, an attachment added and linked, the
record shown on the page and in the wizard; 第十一条 asked as 追责情节 in a 第十二条 case."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import type_chinese
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot
from test_wizard_outcomes import ART11, press_next, tick
from wizard_support import register_forestry_case

from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.investigations import get_investigation
from nanmu_desktop.services.officers import OfficerInput, add_officer, list_officers
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.wizard.investigation_dialog import InvestigationDialog
from nanmu_desktop.ui.wizard.page import DeterminationPage


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext) -> DeterminationPage:
    case_id = register_forestry_case(ui_context.database)
    first = list_officers(ui_context.database)[0]
    add_officer(ui_context.database, OfficerInput("郭春生", first.department_id, "15-0783-00113"))
    page = DeterminationPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.select_case(case_id)
    return page


def _open(qtbot: QtBot, page: DeterminationPage) -> InvestigationDialog:
    assert page.investigate_button.isEnabled() and "调查核实(&I)" in page.investigate_button.text()
    assert "未录入调查核实情况" in page.detail.toPlainText()
    qtbot.mouseClick(page.investigate_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(InvestigationDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _tick_investigator(dialog: InvestigationDialog, name: str) -> None:
    items = dialog.investigator_list.findItems(name, Qt.MatchFlag.MatchStartsWith)
    assert len(items) == 1
    items[0].setCheckState(Qt.CheckState.Checked)


def _save(qtbot: QtBot, dialog: InvestigationDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() or not dialog.isVisible())


def test_recorded_from_the_page_with_an_attachment_and_shown(
    qtbot: QtBot, page: DeterminationPage, ui_context: UiContext, tmp_path: Path
) -> None:
    dialog = _open(qtbot, page)
    _tick_investigator(dialog, "关晓明")
    assert "一般应不少于2名" in dialog.count_label.text()  # warned, Save still there
    _tick_investigator(dialog, "郭春生")
    assert dialog.count_label.text() == "已选 2 名。"
    dialog.start_edit.setDate(QDate(2026, 1, 5))  # before registration (2026-01-06)
    dialog.end_edit.setDate(QDate(2026, 1, 9))
    type_chinese(dialog.findings_edit, "许可证在有效期内，查封当日即解封。")
    type_chinese(dialog.evidence_edit, "询问笔录2份\n许可证复印件")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert "调查开始日期（2026-01-05）早于登记日期（2026-01-06）" in dialog.error_label.text()
    assert get_investigation(ui_context.database, page._case.id) is None  # type: ignore[union-attr]

    record = tmp_path / "询问笔录.pdf"
    record.write_bytes(b"%PDF-1.4 record")
    dialog.add_files([record])
    qtbot.waitUntil(lambda: dialog.attachment_list.count() == 1)
    assert dialog.attachment_list.item(0).checkState() == Qt.CheckState.Checked
    dialog.start_edit.setDate(QDate(2026, 1, 7))
    with qtbot.waitSignal(dialog.finished):  # saved, closed (and deleted)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    case_id = page._case.id  # type: ignore[union-attr]
    saved = get_investigation(ui_context.database, case_id)
    assert saved is not None and saved.names == "关晓明、郭春生"
    assert saved.evidence == ("询问笔录2份", "许可证复印件")
    assert [a.file_name for a in saved.attachments] == ["询问笔录.pdf"]
    assert get_case(ui_context.database, case_id).status == "investigating"
    qtbot.waitUntil(lambda: "关晓明、郭春生" in page.detail.toPlainText())
    assert "未录入调查核实情况" not in page.detail.toPlainText()

    wizard = page.open_wizard()  # the wizard shows the record the proposal rests on
    assert wizard is not None
    qtbot.waitExposed(wizard)
    for _ in range(5):  # 第十二条, 第九条, 第十条, 第十一条, review → result
        press_next(qtbot, wizard)
    shown = "".join(wizard.result_page.view.toPlainText().split())
    assert "调查人员：关晓明、郭春生调查日期：2026年1月7日至2026年1月9日" in shown


def test_art11_is_asked_as_accountability_in_an_art12_case(
    qtbot: QtBot, page: DeterminationPage
) -> None:
    wizard = page.open_wizard()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    tick(qtbot, wizard, "exclusion.abuse_of_power")
    tick(qtbot, wizard, "exclusion.harmed_rights")
    press_next(qtbot, wizard)
    assert wizard.currentId() == ART11
    assert wizard.currentPage().title() == "追责情节（第十一条）"
    assert "不改变不予容错的结论" in wizard.currentPage().subTitle()
    tick(qtbot, wizard, "art11.1")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    text = wizard.result_page.view.toPlainText()
    assert "认定建议：不予容错" in text and "追责情节" in text
    assert "未录入调查核实情况" in text  # warned in the wizard too
    with qtbot.waitSignal(wizard.finished):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "追责情节" in page.detail.toPlainText())
    assert "依据：第十二条" in page.detail.toPlainText()
