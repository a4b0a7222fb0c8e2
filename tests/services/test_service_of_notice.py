"""送达 (第十三条): each unit and party served, with method, day, 送达人 and 送达回证; 告知公开 and
待办 follow the required recipients; every tracking date in order, none in the future."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, timedelta

import pytest

from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import (
    attachment_bytes,
    change_status,
    get_case,
    remove_attachment,
)
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.deliveries import service_status
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.due import list_due
from nanmu_desktop.services.notices import (
    NotificationInput,
    PublicationInput,
    Receipt,
    list_notices,
    record_notification,
    record_publication,
)
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.services.rectification import (
    ExtensionInput,
    FollowUpInput,
    OrderInput,
    issue_order,
    record_follow_up,
    reply_extension,
    request_extension,
)
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_actions, audit_count

MEETING = date(2026, 2, 10)
ORDER = OrderInput("查封前未核验许可状态", ("修订许可核验流程",), "提交报告", date(2026, 2, 13), 30)


def _decided(db: Database, case: CaseDetail) -> None:
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))
    record_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)))


def _party(name: str, day: date = date(2026, 2, 12), **more: object) -> NotificationInput:
    return NotificationInput(name, day, "直接送达", role="party", **more)  # type: ignore[arg-type]


def _unit(name: str, day: date = date(2026, 2, 12)) -> NotificationInput:
    return NotificationInput(name, day, "邮寄送达", role="unit", delivered_by="张海涛")


def _problems(err: pytest.ExceptionInfo[ValidationError]) -> str:
    return "；".join(str(p) for p in err.value.problems)


def test_a_tolerance_decision_is_served_on_the_party_and_its_unit(
    db: Database, case: CaseDetail, officer: OfficerInfo
) -> None:
    _decided(db, case)
    status = service_status(db, case.id)
    assert [(r.role, r.name, r.delivered) for r in status.recipients] == [
        ("party", "关永军", False),
        ("unit", officer.department_name, False),
    ]
    assert status.deadline is not None and not status.complete

    record_notification(db, case.id, _party("关永军"))
    assert get_case(db, case.id).status == "decided"  # the unit is still to be served
    with pytest.raises(ConflictError, match=officer.department_name):
        change_status(db, case.id, "notified")

    served = record_notification(db, case.id, _unit(officer.department_name))
    assert (served.recipient_role, served.recipient_role_label) == ("unit", "所在单位")
    assert served.delivered_by == "张海涛" and served.method == "邮寄送达"
    assert service_status(db, case.id).complete
    assert get_case(db, case.id).status == "notified"


def test_the_receipt_is_kept_as_an_attachment_of_the_case(
    db: Database, case: CaseDetail
) -> None:
    _decided(db, case)
    scan = b"%PDF-1.4 signed receipt"
    info = record_notification(
        db, case.id, _party("关永军", receipt=Receipt("送达回证.pdf", scan), delivered_by="张海涛")
    )
    assert info.receipt_file_name == "送达回证.pdf" and info.receipt_attachment_id is not None
    [attachment] = get_case(db, case.id).attachments
    assert attachment.id == info.receipt_attachment_id
    assert attachment.description == "送达回证：关永军"
    assert attachment_bytes(db, attachment.id)[1] == scan
    assert audit_actions(db, "case_notice") == ["record_notification"]
    with sqlite3.connect(db.path) as con:
        (after,) = con.execute(
            "SELECT after_json FROM audit_log WHERE entity = 'case_notice'"
        ).fetchone()
    assert hashlib.sha256(scan).hexdigest() in after and "送达回证.pdf" in after


def test_a_recipient_given_by_name_only_takes_its_role(db: Database, case: CaseDetail) -> None:
    _decided(db, case)
    told = record_notification(db, case.id, NotificationInput("关永军", date(2026, 2, 12)))
    other = record_notification(db, case.id, NotificationInput("举报人王某", date(2026, 2, 12)))
    assert (told.recipient_role, other.recipient_role) == ("party", "other")
    assert [r.delivered for r in service_status(db, case.id).recipients] == [True, False]


def test_a_delivery_out_of_date_order_is_refused_naming_both_dates(
    db: Database, case: CaseDetail
) -> None:
    _decided(db, case)
    before = audit_count(db)
    with pytest.raises(ValidationError) as early:
        record_notification(db, case.id, _party("关永军", MEETING - timedelta(days=1)))
    assert "2026-02-09" in _problems(early) and "2026-02-10" in _problems(early)
    assert "党委会议日期" in _problems(early)
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as future:
        record_notification(db, case.id, _party("关永军", tomorrow))
    assert tomorrow.isoformat() in _problems(future) and "今天" in _problems(future)
    with pytest.raises(ValidationError) as published:
        record_publication(db, case.id, PublicationInput("公示栏", MEETING - timedelta(days=3)))
    assert _problems(published).startswith("公开日期：2026-02-07 早于党委会议日期（2026-02-10）")
    with pytest.raises(ValidationError) as role:
        record_notification(db, case.id, NotificationInput("关永军", MEETING, role="上级"))
    assert "对象类别" in _problems(role)
    assert audit_count(db) == before and list_notices(db, case.id) == []


def test_rectification_dates_follow_their_order(db: Database, case: CaseDetail) -> None:
    _decided(db, case)
    with pytest.raises(ValidationError) as early_order:
        issue_order(db, case.id, OrderInput("事由", ("一项",), "要求", date(2026, 2, 9), 30))
    assert "2026-02-09 早于党委会议日期（2026-02-10）" in _problems(early_order)
    record_notification(db, case.id, _party("关永军"))
    unit = get_case(db, case.id).officers[0].officer.department_name
    record_notification(db, case.id, _unit(unit))
    order = issue_order(db, case.id, ORDER)  # ordered on 2026-02-13
    with pytest.raises(ValidationError) as early_request:
        request_extension(db, order.id, ExtensionInput(date(2026, 2, 12), 10, "来不及"))
    assert "延期申请日期：2026-02-12 早于整改通知日期（2026-02-13）" in _problems(early_request)
    request = request_extension(db, order.id, ExtensionInput(date(2026, 3, 1), 10, "培训推迟"))
    with pytest.raises(ValidationError) as early_reply:
        reply_extension(db, request.id, approved=True, reply="同意", replied_on=date(2026, 2, 28))
    assert "批复日期：2026-02-28 早于延期申请日期（2026-03-01）" in _problems(early_reply)
    future = date.today() + timedelta(days=2)
    with pytest.raises(ValidationError) as future_reply:
        reply_extension(db, request.id, approved=True, reply="同意", replied_on=future)
    assert f"{future.isoformat()} 晚于今天" in _problems(future_reply)
    with pytest.raises(ValidationError) as early_visit:
        record_follow_up(
            db, case.id, FollowUpInput(date(2026, 2, 12), "实地回访", "未整改", order_id=order.id)
        )
    assert "回访日期：2026-02-12 早于整改通知日期（2026-02-13）" in _problems(early_visit)
    with pytest.raises(ValidationError) as future_visit:
        record_follow_up(
            db, case.id, FollowUpInput(future, "实地回访", "未整改", order_id=order.id)
        )
    assert "晚于今天" in _problems(future_visit)


def test_due_keeps_the_notice_until_every_recipient_is_served(
    db: Database, case: CaseDetail, officer: OfficerInfo
) -> None:
    _decided(db, case)

    def notice_note() -> str | None:
        items = list_due(db, date(2026, 2, 20), include_later=True)
        found = [i for i in items if i.obligation.what.startswith("告知")]
        return found[0].obligation.note if found else None

    assert notice_note() is not None and "当事人：关永军" in (notice_note() or "")
    record_notification(db, case.id, _party("关永军"))
    note = notice_note()
    assert note is not None and f"所在单位：{officer.department_name}" in note
    assert "关永军" not in note
    # Correction may start before 告知 is done (第十五条); the obligation stays.
    issue_order(db, case.id, ORDER)
    assert notice_note() is not None
    record_notification(db, case.id, _unit(officer.department_name))
    assert notice_note() is None


def test_demo_cases_are_served_and_the_decided_one_partly(demo: Database) -> None:
    with sqlite3.connect(demo.path) as con:
        rows = con.execute(
            "SELECT c.id, c.status FROM cases c WHERE c.status IN "
            "('decided', 'notified', 'correcting', 'following_up')"
        ).fetchall()
        receipts = con.execute(
            "SELECT count(*) FROM case_notices WHERE receipt_attachment_id IS NOT NULL"
        ).fetchone()[0]
    assert receipts > 0
    for case_id, status in rows:
        served = service_status(demo, case_id)
        assert served.complete == (status != "decided"), status
    [decided] = [case_id for case_id, status in rows if status == "decided"]
    marks = [r.delivered for r in service_status(demo, decided).recipients]
    assert any(marks) and not all(marks)


def test_removing_the_receipt_attachment_keeps_the_delivery(
    db: Database, case: CaseDetail
) -> None:
    _decided(db, case)
    info = record_notification(db, case.id, _party("关永军", receipt=Receipt("回证.jpg", b"jpg")))
    assert info.receipt_attachment_id is not None
    remove_attachment(db, info.receipt_attachment_id)
    [kept] = list_notices(db, case.id)
    assert (kept.recipient, kept.receipt_attachment_id) == ("关永军", None)
    assert kept.receipt_file_name == ""
    assert service_status(db, case.id).recipients[0].delivered
