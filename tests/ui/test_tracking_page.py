"""The 办理跟踪 page on the demo data: notices, rectification orders and the lifecycle."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import ModalAnswer, answer_message_box, type_chinese
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.case_list import list_cases
from nanmu_desktop.services.cases import change_status, get_case
from nanmu_desktop.services.determinations import current_determination
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.notices import list_notices
from nanmu_desktop.services.rectification import list_orders
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.tracking.page import TrackingPage


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _case_in(context: UiContext, status: str) -> int:
    return next(r.id for r in list_cases(context.database).rows if r.status == status)


def _page(qtbot: QtBot, context: UiContext, case_id: int) -> TrackingPage:
    page = TrackingPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 740)
    page.show()
    page.select_case(case_id)
    assert page.case is not None and page.case.id == case_id
    return page


def test_lists_only_cases_past_the_decision(qtbot: QtBot, demo_context: UiContext) -> None:
    page = TrackingPage(demo_context)
    qtbot.addWidget(page)
    shown = {page.case_list.item(i).text().split("　")[0] for i in range(page.case_list.count())}
    rows = list_cases(demo_context.database).rows
    tracked = {"decided", "notified", "correcting", "following_up"}
    assert shown == {r.number for r in rows if r.status in tracked}
    page.show_closed.setChecked(True)
    assert page.case_list.count() == len(shown) + sum(r.status == "closed" for r in rows)


def test_notification_and_publication_through_the_dialogs(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    case_id = _case_in(demo_context, "decided")
    page = _page(qtbot, demo_context, case_id)
    assert "告知公开期限" in page.notices.deadline_label.text()
    info = current_determination(demo_context.database, case_id)
    assert info is not None and info.notification_deadline is not None
    left = (info.notification_deadline - date.today()).days
    expected = (
        "今日到期" if left == 0 else (f"剩余 {left} 天" if left > 0 else f"已逾期 {-left} 天")
    )
    assert expected in page.notices.deadline_label.text()

    dialog = page.notices.open_notification()
    assert dialog is not None
    dialog.pick_box.setCurrentIndex(dialog.pick_box.count() - 1)  # 其他对象（手动填写）
    type_chinese(dialog.recipient_edit, "王建军")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()

    publishing = page.notices.open_publication()
    assert publishing is not None
    type_chinese(publishing.scope_edit, "乡政府公示栏")
    publishing.buttons.accepted.emit()
    assert not publishing.isVisible()

    notices = list_notices(demo_context.database, case_id)
    assert {n.recipient or n.scope for n in notices} >= {"王建军", "乡政府公示栏"}
    table = page.notices.table
    cells = {_cell(table, r, 1) for r in range(table.rowCount())}
    assert {"王建军", "乡政府公示栏"} <= cells
    deadline = notices[0].deadline
    assert deadline is not None
    assert (
        f"{deadline.year}年{deadline.month}月{deadline.day}日" in page.notices.deadline_label.text()
    )


def test_late_notification_is_flagged(qtbot: QtBot, demo_context: UiContext) -> None:
    case_id = _case_in(demo_context, "decided")
    page = _page(qtbot, demo_context, case_id)
    info = current_determination(demo_context.database, case_id)
    assert info is not None and info.notification_deadline is not None
    late_day = info.notification_deadline + timedelta(days=1)
    dialog = page.notices.open_notification()
    assert dialog is not None
    dialog.pick_box.setCurrentIndex(dialog.pick_box.count() - 1)
    type_chinese(dialog.recipient_edit, "李海涛")
    dialog.date_edit.setDate(QDate(late_day.year, late_day.month, late_day.day))
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    table = page.notices.table
    row = next(r for r in range(table.rowCount()) if _cell(table, r, 1) == "李海涛")
    assert "逾期" in _cell(table, row, 0)
    assert _cell(table, row, 2) == f"{late_day.year}年{late_day.month}月{late_day.day}日"


def test_empty_recipient_is_refused_inline(qtbot: QtBot, demo_context: UiContext) -> None:
    case_id = _case_in(demo_context, "decided")
    page = _page(qtbot, demo_context, case_id)
    before = len(list_notices(demo_context.database, case_id))
    dialog = page.notices.open_notification()
    assert dialog is not None
    dialog.pick_box.setCurrentIndex(dialog.pick_box.count() - 1)
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "送达对象" in dialog.problems_label.text() and "不能为空" in dialog.problems_label.text()
    assert len(list_notices(demo_context.database, case_id)) == before
    dialog.reject()


def test_order_extension_and_verified_follow_up(qtbot: QtBot, demo_context: UiContext) -> None:
    case_id = _case_in(demo_context, "correcting")
    page = _page(qtbot, demo_context, case_id)
    before = len(list_orders(demo_context.database, case_id))

    ordering = page.orders.open_order()
    assert ordering is not None
    type_chinese(ordering.reasons_edit, "误封木材堆场")
    type_chinese(ordering.items_edit, "解除查封\n赔偿损失")
    type_chinese(ordering.requirements_edit, "十日内书面报告")
    ordering.buttons.accepted.emit()
    orders = list_orders(demo_context.database, case_id)
    assert len(orders) == before + 1
    order = next(o for o in orders if o.reasons == "误封木材堆场")
    assert order.items == ("解除查封", "赔偿损失")
    current = page.orders.current_order()
    assert current is not None and current.id == order.id
    assert "赔偿损失" in page.orders.detail.text()

    extending = page.orders.open_extension()
    assert extending is not None
    extending.days_spin.setValue(10)
    type_chinese(extending.reason_edit, "冬季停工")
    extending.buttons.accepted.emit()
    assert page.orders.reply_button.isEnabled()

    replying = page.orders.open_reply()
    assert replying is not None
    type_chinese(replying.reply_edit, "同意延期十日")
    replying.buttons.accepted.emit()
    moved = next(o for o in list_orders(demo_context.database, case_id) if o.id == order.id)
    assert moved.deadline > order.deadline  # ten more days, counted by the day-counting setting
    shown = moved.deadline
    row = page.orders.table.currentRow()
    cell = _cell(page.orders.table, row, 3)
    assert cell == f"{shown.year}年{shown.month}月{shown.day}日"
    assert "同意延期十日" in page.orders.detail.text()

    visiting = page.orders.open_follow_up()
    assert visiting is not None
    type_chinese(visiting.findings_edit, "已整改到位")
    visiting.verified_check.setChecked(True)
    visiting.buttons.accepted.emit()
    done = next(o for o in list_orders(demo_context.database, case_id) if o.id == order.id)
    assert any(f.verified for f in done.follow_ups)
    assert "已核实销号" in page.orders.detail.text()


def test_close_a_case_after_confirmation(qtbot: QtBot, demo_context: UiContext) -> None:
    case_id = _case_in(demo_context, "following_up")
    page = _page(qtbot, demo_context, case_id)
    assert "closed" in page.status.move_buttons
    with qtbot.waitSignal(demo_context.signals.case_changed):
        answer = answer_message_box(QMessageBox.StandardButton.Ok)
        page.status.move_buttons["closed"].click()
    assert answer.handled
    assert get_case(demo_context.database, case_id).status == "closed"
    assert page.case is not None and page.case.status == "closed"
    assert "办结归档" in page.header.text()


def test_a_refused_move_shows_the_conflict(qtbot: QtBot, demo_context: UiContext) -> None:
    case_id = _case_in(demo_context, "following_up")
    page = _page(qtbot, demo_context, case_id)
    stale = page.status.move_buttons["closed"]
    change_status(demo_context.database, case_id, "closed")  # closed elsewhere meanwhile
    answers: list[ModalAnswer] = []

    def confirm_then_expect_error(box: QDialog) -> None:
        answers.append(answer_message_box(QMessageBox.StandardButton.Ok))
        assert isinstance(box, QMessageBox)
        ok = box.button(QMessageBox.StandardButton.Ok)
        assert ok is not None
        ok.click()

    first = ModalAnswer(QMessageBox, confirm_then_expect_error)
    stale.click()
    assert first.handled and answers and answers[0].handled
    with pytest.raises(ConflictError) as refused:
        change_status(demo_context.database, case_id, "closed")
    assert answers[0].text == refused.value.message
    assert page.case is not None and page.case.status == "closed"
    assert "closed" not in page.status.move_buttons


def test_document_button_names_the_case(qtbot: QtBot, demo_context: UiContext) -> None:
    case_id = _case_in(demo_context, "correcting")
    page = _page(qtbot, demo_context, case_id)
    with qtbot.waitSignal(page.document_requested) as signal:
        page.request_document("rectification-order")
    assert signal.args == [DocumentTarget(DocumentKind.rectification_order, case_id=case_id)]
