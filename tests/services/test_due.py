"""待办 across the demo cases, with "today" fixed relative to the stored deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from db_backends import raw_rows

from nanmu_desktop.domain.due import DueItem, Level
from nanmu_desktop.services.due import list_due
from nanmu_desktop.services.petitions import PetitionInput, register_petition
from nanmu_desktop.storage.db import Database


def _one(db: Database, sql: str) -> tuple[object, ...]:
    rows = raw_rows(db, sql)
    assert rows
    return tuple(rows[0])


def _decided_case(db: Database) -> tuple[str, date]:
    number, deadline = _one(db, "SELECT c.number, d.notification_deadline FROM cases c "
                                "JOIN determinations d ON d.case_id = c.id "
                                "WHERE c.status = 'decided'")
    return str(number), date.fromisoformat(str(deadline))


def _notice_item(
    db: Database, today: date, number: str, include_later: bool = False
) -> DueItem | None:
    items = list_due(db, today, include_later=include_later)
    return next((i for i in items if i.obligation.case_number == number
                 and i.obligation.what.startswith("告知")), None)


def test_notification_deadline_coloured_against_today(demo: Database) -> None:
    number, deadline = _decided_case(demo)
    on_the_day = _notice_item(demo, deadline, number)
    assert on_the_day is not None and on_the_day.level is Level.yellow and on_the_day.days == 0
    assert on_the_day.obligation.due == deadline
    before = _notice_item(demo, deadline - timedelta(days=2), number)
    assert before is not None and before.level is Level.blue and before.days == 2
    after = _notice_item(demo, deadline + timedelta(days=6), number)
    assert after is not None and after.level is Level.red and after.days == -6
    assert _notice_item(demo, deadline - timedelta(days=5), number) is None
    later = _notice_item(demo, deadline - timedelta(days=5), number, include_later=True)
    assert later is not None and later.level is Level.later


def test_decided_case_without_decision_document_awaits_signing(demo: Database) -> None:
    number, deadline = _decided_case(demo)
    items = list_due(demo, deadline)
    signing = [i for i in items if i.obligation.case_number == number
               and i.obligation.what.startswith("签发")]
    assert len(signing) == 1
    assert signing[0].obligation.step.startswith("documents/")


def test_open_order_deadline_then_follow_up(demo: Database) -> None:
    number, deadline = _one(demo, "SELECT c.number, o.deadline FROM rectification_orders o "
                                  "JOIN cases c ON c.id = o.case_id WHERE o.status = 'open' "
                                  "AND o.id NOT IN (SELECT order_id FROM follow_ups "
                                  "WHERE order_id IS NOT NULL) ORDER BY o.deadline DESC")
    due = date.fromisoformat(str(deadline))
    rows = [i for i in list_due(demo, due - timedelta(days=1)) if i.obligation.case_number == number
            and i.obligation.step == "tracking/orders"]
    assert [(i.obligation.what, i.level) for i in rows] == [("整改期限（第十五条）", Level.blue)]
    rows = [i for i in list_due(demo, due + timedelta(days=1)) if i.obligation.case_number == number
            and i.obligation.step == "tracking/orders"]
    assert [(i.obligation.what, i.level, i.days) for i in rows] == [
        ("跟踪回访核查整改（第十六条）", Level.red, -1)]


def test_closed_cases_owe_nothing(demo: Database) -> None:
    closed = {n for (n,) in raw_rows(demo, "SELECT number FROM cases WHERE status = 'closed'")}
    assert closed
    items = list_due(demo, date(2030, 1, 1), include_later=True)
    assert not {i.obligation.case_number for i in items} & closed


def test_unanswered_petition_due_60_days_after_receipt(demo: Database) -> None:
    received = date.today() - timedelta(days=10)
    petition = register_petition(demo, PetitionInput(
        real_name=False, received_on=received, channel="来信", allegations="反映执法程序问题。",
        accused_officer_ids=(int(_one(demo, "SELECT min(id) FROM officers")[0]),)))
    items = list_due(demo, received + timedelta(days=60))
    mine = [i for i in items if i.obligation.petition_id == petition.id]
    assert len(mine) == 1 and mine[0].level is Level.yellow
    assert "信访工作条例" in mine[0].obligation.note
