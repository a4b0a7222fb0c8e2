"""三色督办: the colour of a due date against today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nanmu_desktop.domain.due import (
    Level,
    Obligation,
    classify,
    counts,
    days_left,
    days_text,
    due_items,
    petition_due,
)

TODAY = date(2026, 5, 6)


@pytest.mark.parametrize(
    ("offset", "level"),
    [(-30, Level.red), (-1, Level.red), (0, Level.yellow), (1, Level.blue), (3, Level.blue),
     (4, Level.later)],
)
def test_levels_by_days_left(offset: int, level: Level) -> None:
    due = TODAY + timedelta(days=offset)
    assert classify(due, TODAY) is level
    assert days_left(due, TODAY) == offset


def test_days_text_says_overdue_days() -> None:
    assert days_text(-6) == "已逾期 6 天"
    assert days_text(0) == "今日到期"
    assert days_text(2) == "还剩 2 天"


def test_items_most_urgent_first_and_later_only_on_request() -> None:
    obligations = [
        Obligation(1, "RC-1", "告知", TODAY + timedelta(days=10)),
        Obligation(2, "RC-2", "整改期限", TODAY),
        Obligation(3, "RC-3", "签发", TODAY - timedelta(days=2)),
    ]
    items = due_items(obligations, TODAY)
    assert [i.obligation.case_number for i in items] == ["RC-3", "RC-2"]
    assert [i.days for i in items] == [-2, 0]
    everything = due_items(obligations, TODAY, include_later=True)
    assert counts(everything) == {Level.red: 1, Level.yellow: 1, Level.blue: 0, Level.later: 1}


def test_petitions_are_answered_within_60_days_of_receipt() -> None:
    assert petition_due(date(2026, 1, 1)) == date(2026, 3, 2)
