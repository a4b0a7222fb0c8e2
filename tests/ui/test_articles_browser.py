"""The 条文 page: the tree model, open_citation landing on the item, search highlights, versions."""

from __future__ import annotations

import pytest
from helpers import type_chinese
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.regulation_loader import available_versions, load_regulation
from nanmu_desktop.ui.articles.model import CITATION_ROLE, ArticlesModel
from nanmu_desktop.ui.articles.page import ArticlesPage
from nanmu_desktop.ui.common.context import UiContext


@pytest.fixture
def browser(qtbot: QtBot, ui_context: UiContext) -> ArticlesPage:
    page = ArticlesPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(ArticlesModel(load_regulation()), force_py=True)


def test_tree_holds_chapters_articles_paragraphs_and_items() -> None:
    regulation = load_regulation()
    model = ArticlesModel(regulation)
    assert model.rowCount() == len(regulation.chapters)
    chapter3 = model.index(2, 0)
    assert chapter3.data().startswith("第三章")
    articles = [
        model.index(r, 0, chapter3).data(CITATION_ROLE) for r in range(model.rowCount(chapter3))
    ]
    assert articles == [Citation(n) for n in range(10, 20)]
    art10 = model.index_of(Citation(10))
    assert model.rowCount(art10) == 2  # 第十条 has two 款, shown as nodes
    art9 = model.index_of(Citation(9))
    assert model.rowCount(art9) == 9  # a single-paragraph article lists its items directly
    item = model.index_of(Citation(10, 1, (4,)))
    assert item.data(CITATION_ROLE) == Citation(10, 1, (4,))
    assert item.parent().data(CITATION_ROLE) == Citation(10, 1)
    assert "临机决断" in item.data(0x03)  # tooltip holds the full item


@pytest.mark.parametrize(
    ("citation", "line_start"),
    [
        (Citation(10, 1, (4,)), "（四）行政执法过程中"),
        (Citation(10, 2, (3,)), "（三）积极主动消除不良影响"),
        (Citation(9, None, (9,)), "（九）其他履职尽责"),
        (Citation(11, None, (2,)), "（二）积极配合问责调查"),
        (Citation(13), "第十三条"),
    ],
)
def test_open_citation_selects_the_unit_and_scrolls_to_it(
    browser: ArticlesPage, ui_context: UiContext, citation: Citation, line_start: str
) -> None:
    ui_context.signals.open_citation.emit(citation)
    assert browser.selected_citation() == citation
    cursor = browser.text.textCursor()
    assert cursor.block().text().startswith(line_start)
    viewport = browser.text.viewport().rect()
    assert viewport.intersects(browser.text.cursorRect(cursor))  # scrolled into view


def test_a_citation_of_several_items_lands_on_the_first(
    browser: ArticlesPage, ui_context: UiContext
) -> None:
    ui_context.signals.open_citation.emit(Citation(10, 2, (1, 2, 3)))
    assert browser.selected_citation() == Citation(10, 2, (1,))


@pytest.mark.parametrize("term", ["错", "容错", "三个区分开来"])
def test_search_highlights_every_occurrence(browser: ArticlesPage, term: str) -> None:
    type_chinese(browser.search_edit, term)
    expected = sum(a.text.count(term) for a in load_regulation().articles)
    assert expected > 0
    assert browser.highlighted_terms() == [term] * expected
    assert browser.count_label.text() == f"第 1/{expected} 处"
    first = browser.text.textCursor().position()
    browser.step_match(1)
    if expected > 1:
        assert browser.text.textCursor().position() > first
        assert browser.count_label.text() == f"第 2/{expected} 处"
    else:  # wraps round to the only one
        assert browser.text.textCursor().position() == first
    browser.search_edit.clear()
    assert browser.highlighted_terms() == []


def test_search_for_a_missing_term_says_so(browser: ArticlesPage) -> None:
    type_chinese(browser.search_edit, "鹿")
    assert browser.highlighted_terms() == []
    assert browser.count_label.text() == "未找到"


def test_versions_are_listed_and_shown(browser: ArticlesPage) -> None:
    combo = browser.version_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(available_versions())
    regulation = load_regulation(combo.currentData())
    assert browser.regulation.version == regulation.version
    assert regulation.number in browser.meta_label.text()
    assert browser.text.toPlainText().startswith(regulation.title)


def test_a_click_in_the_text_selects_the_unit_in_the_tree(
    qtbot: QtBot, browser: ArticlesPage, ui_context: UiContext
) -> None:
    ui_context.signals.open_citation.emit(Citation(11))
    cursor = browser.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.NextBlock)  # the line of 第十一条（一）
    point = browser.text.cursorRect(cursor).center()
    qtbot.mouseClick(browser.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert browser.selected_citation() == Citation(11, None, (1,))


def test_focus_search_puts_the_cursor_in_the_search_box(
    qtbot: QtBot, browser: ArticlesPage
) -> None:
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    browser.tree.setFocus()
    browser.focus_search()
    qtbot.waitUntil(browser.search_edit.hasFocus)
