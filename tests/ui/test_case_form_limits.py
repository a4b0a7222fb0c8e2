"""The case form shows the service's Chinese message for values it cannot store (no 意外错误)."""

from __future__ import annotations

import pytest
from helpers import make_cases
from test_case_form import fill_valid

from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.ui.cases.page import CasesPage
from nanmu_desktop.ui.common.context import UiContext


@pytest.fixture
def page(qtbot, ui_context: UiContext) -> CasesPage:
    make_cases(ui_context.database, 2)
    cases_page = CasesPage(ui_context)
    qtbot.addWidget(cases_page)
    return cases_page


@pytest.mark.parametrize("amount", ["1e20", "100000000000000", "99999999999999999999999"])
def test_too_large_loss_amount_shows_the_message_beside_the_field(page: CasesPage, amount: str):
    form = page.new_case()
    fill_valid(form)
    form.ui.loss_amount_edit.setText(amount)
    form.ui.button_box.button(form.ui.button_box.StandardButton.Save).click()
    assert form.isVisible() and form.case_id is None  # not saved, still open
    assert not form.ui.loss_amount_error.isHidden()
    assert form.ui.loss_amount_error.text() == "损失金额过大，不能超过 9,999,999,999,999.99 元"
    assert list_cases(page.context.database, CaseQuery()).total == 2  # nothing written
    form.ui.loss_amount_edit.setText("9999999999999.99")
    assert form.save()
    assert list_cases(page.context.database, CaseQuery()).total == 3


def test_hidden_characters_in_the_description_are_named(page: CasesPage) -> None:
    form = page.new_case()
    fill_valid(form, "雪天检查中误封\u200b木材堆场")
    assert not form.save()
    assert form.ui.description_error.text() == "含有看不见的零宽字符（U+200B），请删除后重新输入"
    form.ui.remedial_actions_edit.setPlainText("当即解封\x07")
    form.ui.description_edit.setPlainText("雪天检查中误封木材堆场")
    assert not form.save()
    assert "补救措施：含有控制字符（U+0007）" in form.ui.form_error.text()
    assert list_cases(page.context.database, CaseQuery()).total == 2
