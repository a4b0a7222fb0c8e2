"""The main window: every page opens, actions and shortcuts, remembered geometry, 1366 × 768."""

from __future__ import annotations

import re

import pytest
from helpers import make_cases
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from nanmu_desktop.ui.common.actions import MENUS, SPECS, ActionId
from nanmu_desktop.ui.common.case_picker import CASE_ID_ROLE
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.main_window import ARTICLES, CASES, DUE, PAGES, WIZARD, MainWindow

SMALL_SCREEN = QSize(1366, 768 - 40)  # minus a taskbar


@pytest.fixture
def window(qtbot, ui_context: UiContext) -> MainWindow:
    make_cases(ui_context.database, 3)
    main = MainWindow(ui_context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_every_page_opens_lazily(window):
    assert window._pages[DUE] is not None  # 待办 is the start page
    assert all(page is None for page in window._pages[1:])  # start-up pays for 待办 only
    for index, entry in enumerate(PAGES):
        page = window.show_page(index)
        assert type(page) is entry.page_class()
        assert page.objectName() == f"page_{entry.name}"
        assert window.stack.currentWidget() is page
        assert window.navigation.currentRow() == index
    window.navigation.setCurrentRow(ARTICLES)
    assert type(window.stack.currentWidget()).__name__ == "ArticlesPage"


def test_page_shortcuts_switch_pages(window):
    for index, entry in enumerate(PAGES):
        action = window.actions_registry[entry.action]
        assert action.shortcut() == QKeySequence(f"Ctrl+{index}")  # 待办 Ctrl+0
        action.trigger()
        assert window.stack.currentIndex() == index


def test_actions_have_unique_shortcuts_and_chinese_texts(window):
    shortcuts = [spec.shortcut for spec in SPECS.values() if spec.shortcut]
    assert len(shortcuts) == len(set(shortcuts))
    for action_id, spec in SPECS.items():
        assert set(ActionId) == set(SPECS)
        visible = re.sub(r"\(&.\)", "", spec.text)
        assert not re.search(r"[A-Za-z]", visible), action_id
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert menu_titles == [title for title, _ids in MENUS]
    assert [re.sub(r"\(&.\)", "", t) for t in menu_titles] == [
        "文件",
        "编辑",
        "查看",
        "案件",
        "文书",
        "帮助",
    ]
    for shortcut in ("Ctrl+N", "Ctrl+F", "F5", "Ctrl+P", "Ctrl+Q"):
        assert any(spec.shortcut == shortcut for spec in SPECS.values()), shortcut


def test_status_bar_names_the_database(window, db_path):
    label = window.statusBar().findChild(QLabel, "database_label")
    assert label.text() == f"数据库：{db_path}"
    assert db_path.name in window.windowTitle()


def test_new_case_action_opens_the_form_on_the_cases_page(window):
    window.show_page(ARTICLES)
    window.actions_registry[ActionId.NEW_CASE].trigger()
    page = window.page(CASES)
    assert window.stack.currentIndex() == CASES
    assert page.case_form is not None and page.case_form.case_id is None
    page.case_form.reject()  # unchanged: closes without asking


def test_open_case_signal_opens_that_case(window, ui_context):
    case_id = window.page(CASES).model.case_id(1)
    window.show_page(WIZARD)
    ui_context.signals.open_case.emit(case_id)
    assert window.stack.currentIndex() == CASES
    assert window.page(CASES).case_form.case_id == case_id


def test_refresh_reloads_the_current_page(window, ui_context):
    page = window.show_page(CASES)
    assert page.count_label.text() == "共 3 件"
    from nanmu_desktop.services.case_types import CaseInput
    from nanmu_desktop.services.cases import get_case, register_case

    first = get_case(ui_context.database, page.model.case_id(0))
    register_case(
        ui_context.database,
        CaseInput(
            source=first.source,
            enforcement_type=first.enforcement_type,
            field=first.field,
            occurred_on=first.occurred_on,
            reported_on=first.reported_on,
            description="另一处登记的案件",
            officer_ids=(first.officers[0].officer.id,),
        ),
    )
    assert page.count_label.text() == "共 3 件"  # written elsewhere: not seen yet
    window.actions_registry[ActionId.REFRESH].trigger()
    assert page.count_label.text() == "共 4 件"


def test_determine_action_hands_the_selected_case_to_the_wizard_page(window):
    cases = window.page(CASES)
    cases.table.selectRow(2)
    case_id = cases.selected_case_id()
    window.actions_registry[ActionId.DETERMINE_CASE].trigger()
    assert window.stack.currentIndex() == WIZARD
    wizard_page = window.page(WIZARD)
    current = wizard_page.case_list.currentItem()
    assert current is not None and current.data(CASE_ID_ROLE) == case_id


def test_find_focuses_the_search_box(window, qtbot):
    window.activateWindow()
    window.actions_registry[ActionId.FIND].trigger()
    search = window.page(CASES).filters.search_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)


def test_geometry_splitter_and_columns_are_remembered(qtbot, window, ui_context):
    window.resize(760, 560)  # inside the offscreen platform's 800 × 800 screen
    window.splitter.setSizes([120, 600])
    header = window.page(CASES).table.horizontalHeader()
    header.resizeSection(2, 321)
    sizes = window.splitter.sizes()
    assert window.close()

    again = MainWindow(ui_context)
    qtbot.addWidget(again)
    again.show()
    assert again.size() == QSize(760, 560)
    assert again.splitter.sizes() == sizes
    assert again.page(CASES).table.horizontalHeader().sectionSize(2) == 321


def test_fits_a_1366_by_768_screen(window):
    for index in range(len(PAGES)):
        window.show_page(index)
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL_SCREEN.width() and hint.height() <= SMALL_SCREEN.height()
    window.resize(SMALL_SCREEN)
    assert window.size() == SMALL_SCREEN
    form = window.page(CASES).new_case()
    form_hint = form.minimumSizeHint()
    assert form_hint.width() <= SMALL_SCREEN.width()
    assert form_hint.height() <= SMALL_SCREEN.height()
    assert form.height() <= SMALL_SCREEN.height()
    screen = form.screen().availableGeometry()  # the offscreen platform's is 800 × 800
    assert form.width() <= screen.width() and form.height() <= screen.height()
    form.reject()


def test_closing_the_window_with_an_edited_case_asks_first(qtbot, window):
    from helpers import answer_message_box, type_chinese
    from PySide6.QtWidgets import QMessageBox

    cases = window.page(CASES)
    form = cases.open_case(cases.model.case_id(0))
    type_chinese(form.ui.impact_edit, "尚未保存的影响说明")
    box = answer_message_box(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert box.handled and window.isVisible() and form.isVisible()
    box = answer_message_box(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert box.handled


def test_a_document_asked_for_on_the_tracking_page_opens_on_the_documents_page(
    qtbot, demo_context
):
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.case_list import list_cases
    from nanmu_desktop.storage.case_search import CaseQuery
    from nanmu_desktop.ui.main_window import DOCUMENTS, TRACKING

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    case = next(c for c in list_cases(demo_context.database, CaseQuery()).rows
                if c.number == "RC-2026-001")
    tracking = window.show_page(TRACKING)
    tracking.select_case(case.id)
    tracking.request_document(DocumentKind.rectification_order.value)
    documents = window.page(DOCUMENTS)
    assert window.stack.currentIndex() == DOCUMENTS
    assert documents.kind == DocumentKind.rectification_order
    assert documents.case_list.currentItem().data(Qt.ItemDataRole.UserRole).id == case.id


def test_a_petition_document_asked_for_is_drafted_on_the_documents_page(qtbot, demo_context):
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.petitions import list_petitions
    from nanmu_desktop.ui.main_window import DOCUMENTS, PETITIONS

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    anonymous = next(p for p in list_petitions(demo_context.database) if not p.real_name)
    target = DocumentTarget(DocumentKind.report_explanation, petition_id=anonymous.id)
    window.show_page(PETITIONS).document_requested.emit(target)
    documents = window.page(DOCUMENTS)
    assert window.stack.currentIndex() == DOCUMENTS
    assert documents.kind == DocumentKind.report_explanation
    qtbot.waitUntil(lambda: bool(documents.preview.pdf_bytes), timeout=15000)
    assert f"信访举报第{anonymous.id}号" in documents.caption.text()
    assert documents.issue_button.isEnabled()
