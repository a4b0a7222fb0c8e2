"""The 待办 start page on the demo data with a fixed "today": colours, counts, badges, each
下一步 landing on its step, the reminder once a day, the 督办单; and a case's documents."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pytest
from helpers import answer_message_box
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.due import Level
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.petitions import PetitionInput, register_petition
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.due.page import LEVEL_COLOURS, DuePage
from nanmu_desktop.ui.main_window import DOCUMENTS, DUE, PETITIONS, TRACKING, MainWindow


def _decided(context: UiContext) -> tuple[int, str, date]:
    with sqlite3.connect(context.db_path) as con:
        case_id, number, deadline = con.execute(
            "SELECT c.id, c.number, d.notification_deadline FROM cases c JOIN determinations d "
            "ON d.case_id = c.id WHERE c.status = 'decided'").fetchone()
    return case_id, number, date.fromisoformat(deadline)


def _window(qtbot: QtBot, context: UiContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    return window


def _reminders() -> list[QWidget]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets()
            if w.objectName() == "dueReminder" and w.isVisible()]


Fixed = tuple[UiContext, int, str, date, int]


@pytest.fixture
def fixed(demo_context: UiContext) -> Fixed:
    """The demo plus an unanswered petition due (60 days) on the decided case's deadline."""
    case_id, number, deadline = _decided(demo_context)
    with sqlite3.connect(demo_context.db_path) as con:
        officer = con.execute("SELECT min(id) FROM officers").fetchone()[0]
    petition = register_petition(demo_context.database, PetitionInput(
        real_name=False, received_on=deadline - timedelta(days=60), channel="来信",
        allegations="反映执法程序问题。", accused_officer_ids=(officer,)))
    return demo_context, case_id, number, deadline, petition.id


def test_colours_counts_and_badges_for_a_fixed_today(qtbot: QtBot, fixed: Fixed) -> None:
    context, _case_id, number, deadline, _petition = fixed
    window = _window(qtbot, context)
    page = window.current_page()
    assert isinstance(page, DuePage) and window.navigation.currentRow() == DUE
    page.set_today(deadline)
    table = page.table
    levels: dict[Level, int] = dict.fromkeys(Level, 0)
    for row, item in enumerate(page.items):
        levels[item.level] += 1
        colour = table.item(row, 0).background().color()  # type: ignore[union-attr]
        assert colour == LEVEL_COLOURS[item.level]
        days = table.item(row, 4).text()  # type: ignore[union-attr]
        if item.level is Level.red:
            assert days == f"已逾期 {-item.days} 天" and item.obligation.due < deadline
        elif item.level is Level.yellow:
            assert days == "今日到期" and item.obligation.due == deadline
        else:
            assert item.level is Level.blue and 0 < item.days <= 3
    # On its deadline the decided case's 告知 and 签发 are yellow, and so is the petition.
    mine = {(i.obligation.what[:2], i.level) for i in page.items
            if i.obligation.case_number == number}
    assert {("告知", Level.yellow), ("签发", Level.yellow)} <= mine
    assert levels[Level.red] > 0 and levels[Level.yellow] >= 3
    assert f"逾期 {levels[Level.red]} 项，今日到期 {levels[Level.yellow]} 项" in page.summary.text()
    urgent = levels[Level.red] + levels[Level.yellow]
    assert window.navigation.item(DUE).text() == f"待办（{urgent}）"
    on_tracking = sum(1 for i in page.items if i.level.urgent
                      and i.obligation.step.startswith("tracking"))
    assert window.navigation.item(TRACKING).text() == f"办理跟踪（{on_tracking}）"
    assert window.navigation.item(PETITIONS).text() == "信访举报（1）"


def test_each_next_step_lands_on_its_step(qtbot: QtBot, fixed: Fixed) -> None:
    context, _case_id, _number, deadline, petition_id = fixed
    window = _window(qtbot, context)
    page = window.page(DUE)
    assert isinstance(page, DuePage)
    page.set_today(deadline)
    steps = {i.obligation.step.split("/")[0] for i in page.items}
    assert steps == {"tracking", "documents", "petitions"}
    for row, item in enumerate(list(page.items)):
        window.show_page(DUE)
        obligation = item.obligation
        qtbot.mouseClick(page.step_button(row), Qt.MouseButton.LeftButton)
        where, _, detail = obligation.step.partition("/")
        current = window.stack.currentWidget()
        if where == "tracking":
            assert current is window.page(TRACKING)
            assert current.case is not None and current.case.id == obligation.case_id
            tab = {"notices": current.notices, "orders": current.orders}[detail]
            assert current.tabs.currentWidget() is tab
        elif where == "documents":
            assert current is window.page(DOCUMENTS)
            assert current._case is not None and current._case.id == obligation.case_id
            assert current.kind is DocumentKind(detail)
        else:
            assert current is window.page(PETITIONS)
            qtbot.waitUntil(lambda p=current: p.current_id() == petition_id)


def test_reminder_once_a_day_when_something_is_red(qtbot: QtBot, demo_context: UiContext) -> None:
    for widget in _reminders():
        widget.close()
    first = _window(qtbot, demo_context)
    qtbot.waitUntil(lambda: len(_reminders()) == 1)
    reminder = _reminders()[0]
    assert isinstance(reminder, QMessageBox) and "已逾期" in reminder.text()
    reminder.close()
    first.close()
    _window(qtbot, demo_context)  # the same day: no second reminder
    qtbot.wait(50)
    assert _reminders() == []


def test_due_sheet_is_written_off_the_gui_thread(
    qtbot: QtBot, demo_context: UiContext, tmp_path: Path
) -> None:
    page = DuePage(demo_context)
    qtbot.addWidget(page)
    _case_id, number, deadline = _decided(demo_context)
    page.set_today(deadline)
    target = tmp_path / "督办单.pdf"
    page.save_sheet(target)
    qtbot.waitUntil(target.exists, timeout=30000)
    with pdfplumber.open(target) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "督办单" in text and number in text


def test_issued_kind_not_offered_twice_and_decision_set(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    from nanmu_desktop.ui.tracking.page import TrackingPage

    case_id, _number, _deadline = _decided(demo_context)
    page = TrackingPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1300, 740)
    page.show()
    page.select_case(case_id)
    page.show_tab("documents")
    panel = page.documents
    assert panel.isVisible() and all(r[2] == "可拟稿" for r in panel.row_texts())

    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert answer.handled and "决定书" in answer.text
    qtbot.waitUntil(lambda: sum(r[2] == "有效" for r in panel.row_texts()) == 3, timeout=60000)
    issued = [r for r in panel.row_texts() if r[2] == "有效"]
    # 文号 for the 决定书 and 告知书; the 审批表 is filed under its case number.
    assert [r[0] for r in issued]
    assert all(r[1].endswith("审批表" if r[0] == "容错纠错认定审批表" else "号") for r in issued)

    page._fill_document_menu()
    actions = {a.text(): a for a in page.document_menu.actions()}
    decision = actions[DocumentKind.exemption_decision.label]
    assert not decision.isEnabled() and "作废" in decision.toolTip()

    window = _window(qtbot, demo_context)
    documents = window.show_page(DOCUMENTS)
    documents.show_case(case_id, DocumentKind.exemption_decision)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(documents.preview.pdf_bytes), timeout=60000)  # type: ignore[attr-defined]
    assert not documents.issue_button.isEnabled()  # type: ignore[attr-defined]
    assert "作废" in documents.issue_button.toolTip()  # type: ignore[attr-defined]
