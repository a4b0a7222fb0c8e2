"""The case form: create with Chinese input, validation, unsaved changes, officers, history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import answer_message_box, make_cases, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.ui.cases.form import ERROR_COLOUR, CaseFormDialog
from nanmu_desktop.ui.cases.page import CasesPage
from nanmu_desktop.ui.common.context import UiContext

Button = QMessageBox.StandardButton


@pytest.fixture
def page(qtbot, ui_context: UiContext) -> CasesPage:
    make_cases(ui_context.database, 2)
    cases_page = CasesPage(ui_context)
    qtbot.addWidget(cases_page)
    return cases_page


def fill_valid(
    form: CaseFormDialog, description: str = "雪天检查中误封木材堆场，当场解封并道歉"
) -> None:
    ui = form.ui
    type_chinese(ui.officer_combo, "关某某")
    ui.add_officer_button.click()
    for combo, label in (
        (ui.source_combo, "个人申请"),
        (ui.enforcement_type_combo, "行政检查"),
        (ui.field_combo, "林业和草原"),
    ):
        combo.setCurrentIndex(combo.findText(label))
    type_chinese(ui.title_edit, "雪天误封木材堆场")
    type_chinese(ui.description_edit, description)
    type_chinese(ui.remedial_actions_edit, "当即解除查封，上门致歉")
    ui.loss_amount_edit.setText("3600.50")


def test_case_created_through_the_form_is_found_by_search(qtbot, page):
    form = page.new_case()
    assert form.isVisible() and form.case_id is None
    fill_valid(form, "暴雪中为防执法风险临机决断，查封后发现许可证有效")
    assert form.is_dirty()
    form.ui.button_box.button(form.ui.button_box.StandardButton.Save).click()
    assert not form.isVisible()
    case = get_case(page.context.database, form.case_id)
    assert case.description == "暴雪中为防执法风险临机决断，查封后发现许可证有效"
    assert [o.officer.name for o in case.officers] == ["关某某"]
    assert case.loss_amount == Decimal("3600.50")
    # the list refreshed and selected the new case
    assert page.count_label.text() == "共 3 件"
    assert page.selected_case_id() == case.id
    type_chinese(page.filters.search_edit, "临机")
    qtbot.waitUntil(lambda: page.count_label.text() == "共 1 件")
    assert page.model.case_id(0) == case.id


def test_validation_refuses_save_and_says_why_beside_each_field(qtbot, page):
    form = page.new_case()
    form.ui.button_box.button(form.ui.button_box.StandardButton.Save).click()
    assert form.isVisible()  # refused
    ui = form.ui
    for label, text in (
        (ui.officers_error, "请至少添加一名当事执法人员"),
        (ui.source_error, "请选择案件来源"),
        (ui.description_error, "请填写情况描述"),
    ):
        assert not label.isHidden() and label.text() == text
    assert ui.tabs.tabBar().tabTextColor(1) == ERROR_COLOUR  # the 事实经过 tab has a problem
    assert ui.loss_amount_error.isHidden()
    ui.loss_amount_edit.setText("-5")
    assert not ui.loss_amount_error.isHidden()
    assert list_cases(page.context.database, CaseQuery()).total == 2  # nothing written
    fill_valid(form)
    assert all(
        label.isHidden() for label in (ui.officers_error, ui.source_error, ui.description_error)
    )
    assert ui.tabs.tabBar().tabTextColor(1) != ERROR_COLOUR
    assert form.save()
    assert list_cases(page.context.database, CaseQuery()).total == 3


def test_occurred_after_reported_is_refused(qtbot, page):
    form = page.new_case()
    fill_valid(form)
    form.ui.occurred_on_edit.setDate(form.ui.reported_on_edit.date().addDays(1))
    form.ui.reported_on_edit.setDate(form.ui.reported_on_edit.date().addDays(-2))
    assert not form.save()
    assert form.ui.dates_error.text() == "发生日期不能晚于登记日期"


def test_leaving_with_unsaved_changes_asks_first(qtbot, page):
    form = page.open_case(page.model.case_id(0))
    assert not form.is_dirty()
    type_chinese(form.ui.impact_edit, "影响了堆场两天的销售")
    assert form.windowTitle().split(" — ")[0].endswith("*")

    box = answer_message_box(Button.Cancel)
    form.reject()
    assert box.handled and box.text == "案件有尚未保存的修改。是否保存？"
    assert form.isVisible()  # 取消: stay

    box = answer_message_box(Button.Discard)
    form.reject()
    assert box.handled and not form.isVisible()
    case_id = form.case_id
    assert get_case(page.context.database, case_id).impact == ""  # 放弃: not written

    form = page.open_case(case_id)
    type_chinese(form.ui.impact_edit, "影响了堆场两天的销售")
    box = answer_message_box(Button.Save)
    form.reject()
    assert box.handled and not form.isVisible()
    assert get_case(page.context.database, case_id).impact == "影响了堆场两天的销售"


def test_closing_an_unchanged_form_asks_nothing(qtbot, page):
    form = page.open_case(page.model.case_id(0))
    box = answer_message_box(Button.Cancel)
    assert form.close()
    qtbot.wait(30)  # give the watcher a chance to see a box that must not exist
    box.cancel()
    assert not box.handled


def test_new_officer_with_badge_number_is_added_to_the_case(qtbot, page):
    form = page.new_case()
    form.ui.new_officer_button.click()
    dialog = form.findChild(type(form).__mro__[1], "new_officer_dialog")
    assert dialog is not None and dialog.isVisible()
    type_chinese(dialog.ui.name_edit, "孟和")
    dialog.ui.badge_number_edit.setText("15-0783-00377")
    dialog.ui.department_combo.setCurrentIndex(
        dialog.ui.department_combo.findText("社会事务办公室")
    )
    dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Save).click()
    qtbot.waitUntil(lambda: form.ui.officers_list.count() == 1)
    assert form.ui.officers_list.item(0).text() == "孟和（15-0783-00377） · 社会事务办公室"
    assert form.ui.officer_combo.findText("孟和", Qt.MatchFlag.MatchStartsWith) >= 0


def test_duplicate_badge_number_is_shown_in_the_officer_dialog(qtbot, page):
    form = page.new_case()
    form.ui.new_officer_button.click()
    dialog = form.findChild(type(form).__mro__[1], "new_officer_dialog")
    type_chinese(dialog.ui.name_edit, "孟和")
    dialog.ui.badge_number_edit.setText("15-0783-00112")  # 关某某's
    dialog.ui.button_box.button(dialog.ui.button_box.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "已登记" in dialog.ui.badge_number_error.text()


def test_history_tab_lists_registration_and_edits(qtbot, page):
    case_id = page.model.case_id(0)
    form = page.open_case(case_id)
    type_chinese(form.ui.loss_text_edit, "两天销售损失")
    assert form.save()
    table = form.history.table
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in (2, 3)] == ["案件", "修改"]  # newest first
    assert table.item(0, 4).text() == "修改了：损失情况"
    assert [table.item(1, c).text() for c in (2, 3)] == ["案件", "新建"]
    assert table.item(1, 4).text().startswith("登记编号 RC-2026-")


def test_officer_can_be_removed_from_the_case(qtbot, page):
    form = page.open_case(page.model.case_id(0))
    ui = form.ui
    assert ui.officers_list.count() == 1 and not ui.remove_officer_button.isEnabled()
    type_chinese(ui.officer_combo, "莫某")
    ui.add_officer_button.click()
    assert ui.officers_list.count() == 2
    ui.officers_list.setCurrentRow(0)
    assert ui.remove_officer_button.isEnabled()
    ui.remove_officer_button.click()
    assert [ui.officers_list.item(r).text().split("（")[0] for r in range(1)] == ["莫某"]
    assert form.save()
    officers = get_case(page.context.database, form.case_id).officers
    assert [o.officer.name for o in officers] == ["莫某"]


def test_a_stale_form_names_who_changed_the_case_and_reloads(qtbot, page, ui_context):
    from nanmu_desktop.services.case_types import CaseInput
    from nanmu_desktop.services.cases import update_case

    case_id = page.model.case_id(0)
    form = page.open_case(case_id)
    seen = get_case(ui_context.database, case_id)
    theirs = CaseInput(
        source=seen.source, enforcement_type=seen.enforcement_type, field=seen.field,
        occurred_on=seen.occurred_on, reported_on=seen.reported_on,
        description=seen.description + "（乙补充）",
        officer_ids=tuple(o.officer.id for o in seen.officers),
    )
    update_case(ui_context.database, case_id, theirs, actor="乙")  # another window saves first
    type_chinese(form.ui.loss_text_edit, "两天销售损失")
    reload = answer_message_box(Button.Reset)
    assert not form.save()  # nothing overwritten
    assert reload.handled and "由 乙 修改（案情）" in reload.text
    assert "（乙补充）" in form.ui.description_edit.toPlainText()  # reloaded
    assert get_case(ui_context.database, case_id).loss_text == ""
