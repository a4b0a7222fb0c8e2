"""送达 on the 办理跟踪 page: the recipients table, the 记录送达 dialog with its 送达回证, the
confirm button held back until every unit and party is served, and dates out of order refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from nanmu_desktop.services.case_list import list_cases
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.determinations import current_determination
from nanmu_desktop.services.notices import NotificationInput, list_notices, record_notification
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.due.page import DuePage
from nanmu_desktop.ui.tracking.page import TrackingPage


def _decided_page(qtbot: QtBot, context: UiContext) -> tuple[TrackingPage, int]:
    case_id = next(r.id for r in list_cases(context.database).rows if r.status == "decided")
    page = TrackingPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 740)
    page.show()
    page.select_case(case_id)
    return page, case_id


def _rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def test_recipients_show_who_is_served_and_the_confirm_waits(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    page, case_id = _decided_page(qtbot, demo_context)
    detail = get_case(demo_context.database, case_id)
    rows = _rows(page.notices.recipients.table)
    names = [o.officer.name for o in detail.officers]
    units = list(dict.fromkeys(o.officer.department_name for o in detail.officers))
    assert [(r[0], r[1]) for r in rows] == [("当事人", n) for n in names] + [
        ("所在单位", u) for u in units
    ]
    served = {r[1] for r in rows if r[2] == "已送达"}
    waiting = [r[1] for r in rows if r[2] == "未送达"]
    assert served and waiting  # the demo served the first party only
    summary = page.notices.recipients.summary.text()
    assert "尚未送达" in summary and all(name in summary for name in waiting)
    confirm = page.status.move_buttons["notified"]
    assert confirm.text() == "确认已告知公开" and not confirm.isEnabled()
    assert all(name in confirm.toolTip() for name in waiting)


def test_serving_the_rest_through_the_dialog_completes_the_notice(
    qtbot: QtBot, demo_context: UiContext, tmp_path: Path
) -> None:
    page, case_id = _decided_page(qtbot, demo_context)
    receipt = tmp_path / "送达回证-扫描.pdf"
    receipt.write_bytes(b"%PDF-1.4 scanned receipt")
    first = True
    while page.notices.service.missing:
        dialog = page.notices.open_notification()
        assert dialog is not None
        waiting = page.notices.service.missing[0]
        assert dialog.recipient_edit.text() == waiting.name  # the next one not yet served
        assert dialog.role_box.currentData() == waiting.role
        dialog.method_box.setCurrentText("邮寄送达")
        dialog.by_edit.setText("Zhang")
        if first:
            dialog.receipt_edit.setText(str(receipt))
            first = False
        with qtbot.waitSignal(demo_context.signals.case_changed):
            dialog.buttons.accepted.emit()
        assert not dialog.isVisible()
    assert get_case(demo_context.database, case_id).status == "notified"
    assert page.case is not None and page.case.status == "notified"
    assert all(r[2] == "已送达" for r in _rows(page.notices.recipients.table))
    assert "已送达全部对象" in page.notices.deadline_label.text()
    notices = list_notices(demo_context.database, case_id)
    assert any(n.receipt_file_name == receipt.name for n in notices)
    cells = _rows(page.notices.table)
    assert any(receipt.name in row and "Zhang" in row for row in cells)
    attachments = get_case(demo_context.database, case_id).attachments
    assert any(a.file_name == receipt.name for a in attachments)


def test_a_delivery_before_the_meeting_is_refused_inline(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    page, case_id = _decided_page(qtbot, demo_context)
    info = current_determination(demo_context.database, case_id)
    assert info is not None and info.meeting_date is not None
    early = info.meeting_date - timedelta(days=1)
    before = len(list_notices(demo_context.database, case_id))
    dialog = page.notices.open_notification()
    assert dialog is not None
    dialog.date_edit.setDate(QDate(early.year, early.month, early.day))
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    text = dialog.problems_label.text()
    assert early.isoformat() in text and info.meeting_date.isoformat() in text
    assert len(list_notices(demo_context.database, case_id)) == before
    dialog.reject()


def test_due_lists_the_notice_until_the_last_recipient_is_served(
    qtbot: QtBot, demo_context: UiContext
) -> None:
    page, case_id = _decided_page(qtbot, demo_context)
    info = current_determination(demo_context.database, case_id)
    assert info is not None and info.notification_deadline is not None
    due = DuePage(demo_context)
    qtbot.addWidget(due)
    due.set_today(info.notification_deadline)

    def notice_row() -> int | None:
        rows = [r for r, i in enumerate(due.items)
                if i.obligation.case_id == case_id and i.obligation.what.startswith("告知")]
        return rows[0] if rows else None

    row = notice_row()
    assert row is not None
    note = due.table.item(row, 5).text()  # type: ignore[union-attr]
    waiting = [r.name for r in page.notices.service.missing]
    assert "尚未送达" in note and all(name in note for name in waiting)
    for recipient in page.notices.service.missing:
        record_notification(demo_context.database, case_id, NotificationInput(
            recipient.name, info.meeting_date, "直接送达", role=recipient.role))
    due.refresh()
    assert notice_row() is None
