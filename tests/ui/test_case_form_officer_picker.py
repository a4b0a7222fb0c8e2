"""The officer picker adds exactly whom the clerk chose, never a neighbour left in the box.

Issue 13: after adding 郭春生 the search box refilled with 关永军 and 添加 added him too.
"""

from __future__ import annotations

import pytest
from helpers import type_chinese
from PySide6.QtCore import Qt

from nanmu_desktop.ui.cases.page import CasesPage
from nanmu_desktop.ui.common.context import UiContext


@pytest.fixture
def form(qtbot, demo_context: UiContext):
    page = CasesPage(demo_context)
    qtbot.addWidget(page)
    dialog = page.new_case()
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _chosen(form) -> list[str]:
    ui = form.ui
    return [ui.officers_list.item(r).text().split("（")[0] for r in range(ui.officers_list.count())]


def test_add_then_add_again_adds_nobody_else(qtbot, form) -> None:
    ui = form.ui
    type_chinese(ui.officer_combo, "郭春生")
    ui.add_officer_button.click()
    assert _chosen(form) == ["郭春生"]
    assert ui.officer_combo.currentText() == ""
    assert ui.officer_combo.currentIndex() == -1
    ui.add_officer_button.click()  # an empty box adds no one
    assert _chosen(form) == ["郭春生"]


def test_enter_in_the_search_box_adds_the_typed_officer_only(qtbot, form) -> None:
    ui = form.ui
    type_chinese(ui.officer_combo, "郭春生")
    qtbot.keyClick(ui.officer_combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _chosen(form) == ["郭春生"])
    assert ui.officer_combo.currentText() == ""
    qtbot.keyClick(ui.officer_combo.lineEdit(), Qt.Key.Key_Return)
    ui.add_officer_button.click()
    assert _chosen(form) == ["郭春生"]


def test_choosing_from_the_completer_adds_that_officer(qtbot, form) -> None:
    ui = form.ui
    type_chinese(ui.officer_combo, "郭")
    completer = ui.officer_combo.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # Enter on the suggestion chooses and adds it
    qtbot.waitUntil(lambda: _chosen(form) == ["郭春生"])
    assert ui.officer_combo.currentText() == ""
    ui.add_officer_button.click()
    assert _chosen(form) == ["郭春生"]
