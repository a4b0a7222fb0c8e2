"""第十三条's recipients (every party; under the 7-day clock each party's unit) and tracking's
date-order messages."""

from __future__ import annotations

from datetime import date

from nanmu_desktop.domain.date_order import future_problem, order_problem
from nanmu_desktop.domain.service_of_notice import (
    DELIVERY_METHODS,
    Delivered,
    Recipient,
    RecipientRole,
    outstanding,
    required_recipients,
)

PARTY, UNIT, OTHER = RecipientRole.party, RecipientRole.unit, RecipientRole.other
PEOPLE = [
    ("李秀梅", "综合行政执法办公室"), ("巴特尔", "综合行政执法办公室"), ("白音", "应急管理办"),
]


def test_parties_always_units_only_under_the_clock() -> None:
    assert required_recipients(PEOPLE, tell_units=False) == (
        Recipient(PARTY, "李秀梅"), Recipient(PARTY, "巴特尔"), Recipient(PARTY, "白音"),
    )
    # Two parties in one unit: the unit is told once.
    assert required_recipients(PEOPLE, tell_units=True)[3:] == (
        Recipient(UNIT, "综合行政执法办公室"), Recipient(UNIT, "应急管理办"),
    )


def test_a_party_without_a_known_unit_still_needs_a_unit_told() -> None:
    required = required_recipients([("关永军", None)], tell_units=True)
    assert required == (Recipient(PARTY, "关永军"), Recipient(UNIT, ""))
    assert required[1].label == "所在单位：（未登记单位名称）"
    # Any unit delivery answers it; a party or an "other" delivery does not.
    assert outstanding(required, [Delivered(PARTY, "关永军"), Delivered(OTHER, "乡纪委")]) == (
        Recipient(UNIT, ""),
    )
    assert outstanding(required, [Delivered(PARTY, "关永军"), Delivered(UNIT, "林业站")]) == ()


def test_roles_must_match_and_old_records_match_by_name() -> None:
    required = required_recipients([("关永军", "综合行政执法办公室")], tell_units=True)
    assert outstanding(required, [Delivered(UNIT, "关永军")]) == required
    legacy = [Delivered(None, "关永军"), Delivered(None, "执法办")]
    assert outstanding(required, legacy) == (Recipient(UNIT, "综合行政执法办公室"),)


def test_methods_come_from_practice() -> None:
    assert DELIVERY_METHODS[0] == "直接送达"
    assert {"留置送达", "邮寄送达", "电子送达", "公告送达"} <= set(DELIVERY_METHODS)


def test_date_order_messages_name_both_dates() -> None:
    assert order_problem(date(2026, 3, 1), "整改通知日期", date(2026, 3, 1)) is None
    message = order_problem(date(2026, 2, 28), "整改通知日期", date(2026, 3, 1))
    assert message is not None
    assert "2026-02-28" in message and "整改通知日期（2026-03-01）" in message
    assert future_problem(date(2026, 3, 1), date(2026, 3, 1)) is None
    later = future_problem(date(2026, 3, 2), date(2026, 3, 1))
    assert later is not None and "2026-03-02" in later and "今天（2026-03-01）" in later
