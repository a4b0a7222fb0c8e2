"""待办: every open obligation across cases, coloured by 三色督办 (domain/due.py).

- 告知 (第十三条): a decided case whose unit or party is not yet served (services/deliveries.py),
  whatever its stage, due on the deadline stored with the decision;
- 签发: a decided, open case without a valid decision document, due on that deadline too (the
  document is what is notified) or, with no 7-day clock, on the meeting day;
- 整改期限 (第十五条): an open or extended order, due on the deadline in force; once that day has
  passed, the order's 跟踪回访 is what is due (on the same day) until a verified follow-up;
- 延期批复: a pending extension request, due before the deadline it would move;
- 信访答复: a petition without any response, 60 days from receipt (《信访工作条例》第三十二条).
Closed cases (办结归档) owe nothing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.due import (
    PETITION_RULE,
    DueItem,
    Obligation,
    due_items,
    petition_due,
)
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.vocabulary import DECISION_KINDS, decision_kind
from nanmu_desktop.services.deliveries import outstanding_by_case
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    Determination,
    DocumentVoid,
    ExtensionRequest,
    FollowUp,
    IssuedDocument,
    Petition,
    PetitionResponse,
    RectificationOrder,
)

# Where each obligation is acted on (the UI maps these to pages and tabs).
STEP_NOTICES = "tracking/notices"
STEP_ORDERS = "tracking/orders"
STEP_PETITIONS = "petitions"
STEP_DOCUMENTS = "documents/"  # + the DocumentKind value

_OPEN_CASE = Case.status != CaseStatus.closed.value


def list_due(db: Database, today: date, *, include_later: bool = False) -> list[DueItem]:
    """The open obligations, red/yellow/blue (and later ones when asked), most urgent first."""
    return due_items(open_obligations(db, today), today, include_later=include_later)


def open_obligations(db: Database, today: date) -> list[Obligation]:
    with db.session() as session:
        return [
            *_decisions(session),
            *_orders(session, today),
            *_extensions(session),
            *_petitions(session),
        ]


def _decisions(session: Session) -> list[Obligation]:
    latest = (
        select(func.max(Determination.id)).group_by(Determination.case_id).scalar_subquery()
    )
    rows = session.execute(
        select(Case.id, Case.number, Case.status, Determination)
        .join(Determination, Determination.case_id == Case.id)
        .where(Determination.id.in_(latest), Determination.decided_outcome.is_not(None), _OPEN_CASE)
    ).all()
    issued = _valid_decision_cases(session)
    clocked = {case_id: det.notification_deadline for case_id, _n, _s, det in rows}
    unserved = outstanding_by_case(
        session, {case_id: day for case_id, day in clocked.items() if day is not None}
    )
    found: list[Obligation] = []
    for case_id, number, _status, det in rows:
        deadline: date | None = det.notification_deadline
        if deadline is not None and unserved.get(case_id):
            rule = det.notification_rule or "党委研究决定后7个工作日内告知"
            missing = "、".join(r.label for r in unserved[case_id])
            found.append(Obligation(
                case_id, number, "告知认定结果（第十三条）", deadline,
                note=f"{rule}；尚未送达：{missing}", step=STEP_NOTICES,
            ))
        if case_id not in issued and det.meeting_date is not None:
            kind = decision_kind(Outcome(det.decided_outcome or ""))
            found.append(Obligation(
                case_id, number, f"签发{kind.label}", deadline or det.meeting_date,
                note="党委已研究决定，决定文书尚未签发", step=STEP_DOCUMENTS + kind.value,
            ))
    return found


def _valid_decision_cases(session: Session) -> set[int]:
    rows = session.scalars(
        select(IssuedDocument.case_id)
        .outerjoin(DocumentVoid, DocumentVoid.document_id == IssuedDocument.id)
        .where(IssuedDocument.kind.in_(DECISION_KINDS), DocumentVoid.id.is_(None))
    )
    return {case_id for case_id in rows if case_id is not None}


def _orders(session: Session, today: date) -> list[Obligation]:
    verified = set(
        session.scalars(select(FollowUp.order_id).where(FollowUp.verified.is_(True)))
    )
    # Orders first, then their open cases by id: a join may make SQLite walk every case
    # (100,000 on a big database) when its statistics predate the first order.
    orders = [o for o in session.scalars(select(RectificationOrder)) if o.id not in verified]
    numbers: dict[int, str] = {
        case_id: number
        for case_id, number in session.execute(
            select(Case.id, Case.number).where(
                Case.id.in_({o.case_id for o in orders}), _OPEN_CASE
            )
        )
    }
    found: list[Obligation] = []
    for order in orders:
        number = numbers.get(order.case_id)
        if number is None:  # the case is closed
            continue
        running = order.status in ("open", "extended")
        if running and order.deadline >= today:
            what, note = "整改期限（第十五条）", "纠错整改通知书确定的期限"
        else:
            what, note = "跟踪回访核查整改（第十六条）", "整改期限已届满，尚无核查合格的回访记录"
        found.append(Obligation(order.case_id, number, what, order.deadline, note, STEP_ORDERS))
    return found


def _extensions(session: Session) -> list[Obligation]:
    rows = session.execute(
        select(ExtensionRequest, RectificationOrder, Case.number)
        .join(RectificationOrder, RectificationOrder.id == ExtensionRequest.order_id)
        .join(Case, Case.id == RectificationOrder.case_id)
        .where(ExtensionRequest.status == "pending", _OPEN_CASE)
    ).all()
    return [
        Obligation(
            order.case_id, number, "批复延期整改申请", order.deadline,
            note=f"{request.requested_on.isoformat()}提出，须在原整改期限前批复",
            step=STEP_ORDERS,
        )
        for request, order, number in rows
    ]


def _petitions(session: Session) -> list[Obligation]:
    answered = select(PetitionResponse.petition_id)
    rows = session.execute(
        select(Petition, Case.number)
        .outerjoin(Case, Case.id == Petition.case_id)
        .where(Petition.id.not_in(answered))
    ).all()
    return [
        Obligation(
            petition.case_id, number or "", f"答复信访举报（第{petition.id}号）",
            petition_due(petition.received_on), note=PETITION_RULE, step=STEP_PETITIONS,
            petition_id=petition.id,
        )
        for petition, number in rows
    ]


def due_sheet(db: Database, today: date) -> bytes:
    """The printable 督办单 (PDF) of what is due as of `today`."""
    from nanmu_desktop.documents.due_sheet import due_sheet_pdf
    from nanmu_desktop.services.font_choice import fonts_for
    from nanmu_desktop.services.settings import load_profile

    items = list_due(db, today)
    with db.session() as session:
        authority = load_profile(session).name_zh
    return due_sheet_pdf(items, today, authority, fonts_for(db))
