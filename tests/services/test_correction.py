"""告知/公开, rectification orders, extensions and follow-ups along the case lifecycle."""

from __future__ import annotations

from datetime import date

import pytest

from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.notices import (
    NotificationInput,
    PublicationInput,
    list_notices,
    record_notification,
    record_publication,
)
from nanmu_desktop.services.rectification import (
    ExtensionInput,
    FollowUpInput,
    OrderInput,
    issue_order,
    list_orders,
    record_follow_up,
    reply_extension,
    request_extension,
)
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_count

ORDER = OrderInput(
    reasons="查封前未核验许可状态",
    items=("修订许可核验流程", "组织系统使用培训"),
    requirements="期限内提交完成情况报告",
    ordered_on=date(2026, 2, 13),
    deadline_days=30,
)


def _decided(db: Database, case: CaseDetail) -> None:
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))
    record_decision(db, case.id, DecisionInput(date(2026, 2, 10), ("乌力吉",)))


def _served(db: Database, case: CaseDetail) -> None:
    """The party and the party's unit told (第十三条), which completes 告知."""
    unit = case.officers[0].officer.department_name
    record_notification(db, case.id, NotificationInput("关永军", date(2026, 2, 12), role="party"))
    record_notification(db, case.id, NotificationInput(unit, date(2026, 2, 12), role="unit"))


def test_notice_needs_a_decision(db: Database, case: CaseDetail) -> None:
    with pytest.raises(ConflictError, match="党委"):
        record_notification(db, case.id, NotificationInput("关永军", date(2026, 2, 12)))


def test_serving_every_recipient_moves_to_notified_and_late_ones_show(
    db: Database, case: CaseDetail
) -> None:
    _decided(db, case)
    on_time = record_notification(db, case.id, NotificationInput("关永军", date(2026, 2, 12)))
    # Decided on the 10th: the 17th is 春节, so the deadline is the 24th (first working day).
    assert on_time.deadline == date(2026, 2, 24) and not on_time.late
    assert get_case(db, case.id).status == "decided"  # the party's unit is not told yet
    unit = case.officers[0].officer.department_name
    late = record_notification(db, case.id, NotificationInput(unit, date(2026, 2, 25)))
    assert late.late
    assert get_case(db, case.id).status == "notified"
    record_publication(db, case.id, PublicationInput("乡政府公示栏", date(2026, 2, 13)))
    kinds = [(n.kind_label, n.recipient) for n in list_notices(db, case.id)]
    assert kinds == [("告知", "关永军"), ("告知", unit), ("公开", "乡政府公示栏")]


def test_order_extension_and_follow_up_walk_the_case_to_following_up(
    db: Database, case: CaseDetail
) -> None:
    _decided(db, case)
    _served(db, case)
    order = issue_order(db, case.id, ORDER)
    # 30 days from 13 Feb is Sunday 15 March: the deadline moves to Monday.
    assert order.deadline == date(2026, 3, 16) and order.items == ORDER.items
    assert get_case(db, case.id).status == "correcting"

    request = request_extension(db, order.id, ExtensionInput(date(2026, 3, 10), 15, "培训推迟"))
    assert request.status_label == "待批复"
    reply = reply_extension(
        db, request.id, approved=True, reply="同意延期15日", replied_on=date(2026, 3, 12)
    )
    assert reply.new_deadline == date(2026, 3, 31)
    with pytest.raises(ConflictError, match="已经批复"):
        reply_extension(
            db, request.id, approved=False, reply="不同意", replied_on=date(2026, 3, 12)
        )

    record_follow_up(
        db, case.id, FollowUpInput(date(2026, 3, 28), "实地回访", "已完成", True, order.id)
    )
    [done] = list_orders(db, case.id)
    assert (done.status_label, done.deadline, done.completed_on) == (
        "已销号",
        date(2026, 3, 31),
        date(2026, 3, 28),
    )
    assert [e.status for e in done.extensions] == ["approved"]
    assert get_case(db, case.id).status == "following_up"


def test_extension_after_the_deadline_is_refused_without_a_write(
    db: Database, case: CaseDetail
) -> None:
    _decided(db, case)
    _served(db, case)
    order = issue_order(db, case.id, ORDER)
    before = audit_count(db)
    with pytest.raises(ConflictError, match="第十六条"):
        request_extension(db, order.id, ExtensionInput(date(2026, 3, 20), 10, "来不及"))
    with pytest.raises(ValidationError) as err:
        request_extension(db, order.id, ExtensionInput(None, 0, ""))
    assert {p.field for p in err.value.problems} == {"申请日期", "延长天数", "申请理由"}
    assert audit_count(db) == before
    assert list_orders(db, case.id)[0].extensions == ()
