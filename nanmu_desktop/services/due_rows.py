"""待办's obligations built from plain query rows: the one logic shared by the ORM path
(services/due.py) and the start-up reader (services/due_light.py).

A `Reader` runs one of the named statements of services/due_queries.py with its parameters and
returns plain rows (dates as `date`, flags as `bool`). Neither SQLAlchemy nor Qt is imported
here, so the first page can be filled before the ORM has loaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from nanmu_desktop.domain.due import PETITION_RULE, Obligation, petition_due
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.service_of_notice import (
    Delivered,
    Recipient,
    RecipientRole,
    outstanding,
    required_by_case,
)
from nanmu_desktop.domain.vocabulary import DECISION_KINDS, decision_kind

Reader = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]

# Where each obligation is acted on (the UI maps these to pages and tabs).
STEP_NOTICES = "tracking/notices"
STEP_ORDERS = "tracking/orders"
STEP_PETITIONS = "petitions"
STEP_DOCUMENTS = "documents/"  # + the DocumentKind value


def open_obligations_from(read: Reader, today: date) -> list[Obligation]:
    return [*_decisions(read), *_orders(read, today), *_extensions(read), *_petitions(read)]


def outstanding_from(
    read: Reader, deadlines: Mapping[int, date | None]
) -> dict[int, tuple[Recipient, ...]]:
    """For decided cases (id → their 7-day deadline), the recipients still to be told."""
    ids = list(deadlines)
    required = required_by_case(read("required_parties", {"ids": ids}), ids, deadlines)
    delivered: dict[int, list[Delivered]] = defaultdict(list)
    for case_id, role, name in read("notifications", {"ids": ids}):
        delivered[case_id].append(Delivered(RecipientRole(role) if role else None, name))
    return {case_id: outstanding(required[case_id], delivered[case_id]) for case_id in ids}


def _decisions(read: Reader) -> list[Obligation]:
    # case id, number, notification deadline and rule, meeting date, decided outcome
    rows = read("decisions", {})
    issued = {
        case_id
        for (case_id,) in read("valid_decision_cases", {"kinds": list(DECISION_KINDS)})
        if case_id is not None
    }
    clocked = {row[0]: row[2] for row in rows if row[2] is not None}
    unserved = outstanding_from(read, clocked)
    found: list[Obligation] = []
    for case_id, number, deadline, rule, meeting_date, decided in rows:
        if deadline is not None and unserved.get(case_id):
            rule = rule or "党委研究决定后7个工作日内告知"
            missing = "、".join(r.label for r in unserved[case_id])
            found.append(Obligation(
                case_id, number, "告知认定结果（第十三条）", deadline,
                note=f"{rule}；尚未送达：{missing}", step=STEP_NOTICES,
            ))
        if case_id not in issued and meeting_date is not None:
            kind = decision_kind(Outcome(decided or ""))
            found.append(Obligation(
                case_id, number, f"签发{kind.label}", deadline or meeting_date,
                note="党委已研究决定，决定文书尚未签发", step=STEP_DOCUMENTS + kind.value,
            ))
    return found


def _orders(read: Reader, today: date) -> list[Obligation]:
    verified = {order_id for (order_id,) in read("verified_orders", {})}
    # Orders first, then their open cases by id: a join may make SQLite walk every case
    # (100,000 on a big database) when its statistics predate the first order.
    orders = [row for row in read("orders", {}) if row[0] not in verified]
    numbers = {case_id: number for case_id, number in read(
        "open_case_numbers", {"ids": sorted({row[1] for row in orders})}
    )}
    found: list[Obligation] = []
    for _order_id, case_id, deadline, status in orders:
        number = numbers.get(case_id)
        if number is None:  # the case is closed
            continue
        if status in ("open", "extended") and deadline >= today:
            what, note = "整改期限（第十五条）", "纠错整改通知书确定的期限"
        else:
            what, note = "跟踪回访核查整改（第十六条）", "整改期限已届满，尚无核查合格的回访记录"
        found.append(Obligation(case_id, number, what, deadline, note, STEP_ORDERS))
    return found


def _extensions(read: Reader) -> list[Obligation]:
    return [
        Obligation(
            case_id, number, "批复延期整改申请", deadline,
            note=f"{requested_on.isoformat()}提出，须在原整改期限前批复",
            step=STEP_ORDERS,
        )
        for requested_on, case_id, deadline, number in read("extensions", {})
    ]


def _petitions(read: Reader) -> list[Obligation]:
    return [
        Obligation(
            case_id, number or "", f"答复信访举报（第{petition_id}号）",
            petition_due(received_on), note=PETITION_RULE, step=STEP_PETITIONS,
            petition_id=petition_id,
        )
        for petition_id, case_id, received_on, number in read("petitions", {})
    ]
