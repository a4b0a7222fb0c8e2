"""The case list: paged model (qtmodeltester), search, filters with their count, sorting."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import make_cases, type_chinese
from PySide6.QtCore import QDate, Qt

from nanmu_desktop.ui.cases.list_model import COLUMNS, CaseListModel
from nanmu_desktop.ui.cases.page import CasesPage
from nanmu_desktop.ui.common.context import UiContext


@pytest.fixture
def seven_cases(ui_context: UiContext) -> list[int]:
    return make_cases(ui_context.database, 7)


def test_model_passes_modeltester_while_paging(qtmodeltester, ui_context, seven_cases):
    model = CaseListModel(ui_context.database, page_size=3)
    model.reload()
    assert (model.rowCount(), model.total) == (3, 7)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 7
    qtmodeltester.check(model, force_py=True)


def test_rows_arrive_page_by_page_newest_first(ui_context, seven_cases):
    model = CaseListModel(ui_context.database, page_size=3)
    model.reload()
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 6
    model.fetchMore()
    assert model.rowCount() == 7 and not model.canFetchMore()
    # newest reported first: make_cases steps one day back per case
    assert [model.case_id(r) for r in range(7)] == seven_cases
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["案件编号", "当事执法人员", "科室"]
    assert model.data(model.index(0, 1)) == "关某某"
    assert model.data(model.index(0, 3)) == "个人申请"
    assert model.data(model.index(1, 4)) == "市场监管"


def test_sorting_requeries_the_service(ui_context, seven_cases):
    model = CaseListModel(ui_context.database, page_size=3)
    model.reload()
    occurred = COLUMNS.index(next(c for c in COLUMNS if c.attribute == "occurred_on"))
    model.sort(occurred, Qt.SortOrder.AscendingOrder)
    assert model.case_id(0) == seven_cases[-1]  # the oldest
    assert model.query.sort == "occurred_on" and not model.query.descending
    before = model.query
    model.sort(1, Qt.SortOrder.AscendingOrder)  # 当事执法人员 cannot sort: order unchanged
    assert model.query == before


def test_search_finds_two_character_term_and_counts(qtbot, ui_context, seven_cases):
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    assert page.count_label.text() == "共 7 件"
    type_chinese(page.filters.search_edit, "误封")
    qtbot.waitUntil(lambda: page.count_label.text() == "共 4 件")  # cases 0, 2, 4, 6
    assert {page.model.case_id(r) for r in range(page.model.rowCount())} == set(seven_cases[::2])
    page.filters.clear()
    assert page.count_label.text() == "共 7 件"


def test_filters_narrow_the_count(qtbot, ui_context, seven_cases):
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    bar = page.filters
    bar.source_combo.setCurrentIndex(bar.source_combo.findText("单位启动"))
    assert page.count_label.text() == "共 3 件"
    bar.clear()
    bar.officer_combo.setCurrentIndex(
        bar.officer_combo.findText("关某某", Qt.MatchFlag.MatchStartsWith)
    )
    assert page.count_label.text() == "共 4 件"
    bar.clear()
    bar.department_combo.setCurrentIndex(bar.department_combo.findText("综合行政执法办公室"))
    assert page.count_label.text() == "共 3 件"
    bar.clear()
    bar.status_combo.setCurrentIndex(bar.status_combo.findText("登记"))
    assert page.count_label.text() == "共 7 件"
    bar.outcome_combo.setCurrentIndex(1)  # nothing decided yet
    assert page.count_label.text() == "共 0 件"
    bar.clear()
    bar.date_from_edit.setDate(QDate(2026, 2, 27))  # cases 0..2 (3月1日, 2月28日, 2月27日)
    assert page.count_label.text() == "共 3 件"
    bar.date_to_edit.setDate(QDate(2026, 2, 28))
    assert page.count_label.text() == "共 2 件"
    query = bar.apply_to(page.model.query)
    assert (query.date_from, query.date_to) == (date(2026, 2, 27), date(2026, 2, 28))


def test_empty_database_invites_the_first_case(qtbot, ui_context):
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    assert "Ctrl+N" in page.count_label.text()
    type_chinese(page.filters.search_edit, "容错")
    qtbot.waitUntil(lambda: page.count_label.text() == "共 0 件")


def test_header_indicator_stays_on_a_sortable_column(qtbot, ui_context, seven_cases):
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # 当事执法人员
    assert header.sortIndicatorSection() == page.model.sort_column()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # 案件编号
    assert (page.model.query.sort, page.model.query.descending) == ("number", False)
    assert page.model.case_id(0) == seven_cases[0]  # registered first: the lowest number


def test_enter_and_double_click_open_the_case_form(qtbot, ui_context, seven_cases):
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.case_form is not None and page.case_form.case_id == seven_cases[2]
    page.case_form.reject()
    qtbot.waitUntil(lambda: page.case_form is None)
    rect = page.table.visualRect(page.model.index(4, 1))
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # QTest's double
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # needs a click
    assert page.case_form is not None and page.case_form.case_id == seven_cases[4]
    page.case_form.reject()
