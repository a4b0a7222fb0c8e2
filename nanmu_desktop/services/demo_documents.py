"""The `demo` extension that issues documents: at least one of every kind, each from the first
demo case (or petition) whose state fits it, dated when the office would have issued it and
numbered in that order, so the register and the 文书 page look like a real year's work."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.demo import DemoResult
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.services.documents import PETITION_KINDS, DocumentTarget, compose
from nanmu_desktop.services.issuing import issue_document
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    ExtensionRequest,
    Petition,
    PetitionResponse,
    RectificationOrder,
)

ACTOR = "演示数据"
_RESPONSE_KIND = {
    DocumentKind.report_feedback: "feedback",
    DocumentKind.report_explanation: "explanation",
    DocumentKind.clarification: "clarification",
}

# Demo documents are dated in the cases' past (补登), which issuing asks a reason for.
DEMO_REASON = "演示数据：按案件进程补登的文书"


def extend_demo(db: Database, result: DemoResult) -> None:
    journeys = [i for ids in result.journey_case_ids.values() for i in ids]
    case_ids = list(dict.fromkeys([*journeys, *result.case_ids]))
    today = date.today()
    planned: list[tuple[date, DocumentTarget]] = []
    with db.session() as session:
        for kind in DocumentKind:
            targets = (
                [DocumentTarget(kind, petition_id=p) for p in result.petition_ids]
                if kind in PETITION_KINDS
                else [DocumentTarget(kind, case_id=c) for c in case_ids]
            )
            planned.append(_first_fitting(session, kind, targets, today))
        planned += _to_the_party(session, planned)
    for day, target in sorted(planned, key=lambda p: p[0]):
        issue_document(db, target, on=day, actor=ACTOR, admin_reason=DEMO_REASON)


def _to_the_party(
    session: Session, planned: list[tuple[date, DocumentTarget]]
) -> list[tuple[date, DocumentTarget]]:
    """第十三条 tells each party too: the 告知书 to the case's first officer in person, which
    the township's default setting prints as a letter (信函) in the letter series."""
    for day, target in planned:
        if target.kind is DocumentKind.notification and target.case_id is not None:
            case = session.get(Case, target.case_id)
            if case is not None and case.officer_links:
                party = case.officer_links[0].officer.name
                return [(day, DocumentTarget(target.kind, case_id=case.id, recipient=party))]
    return []


def _first_fitting(
    session: Session, kind: DocumentKind, targets: list[DocumentTarget], today: date
) -> tuple[date, DocumentTarget]:
    for target in targets:
        day = min(_issue_date(session, target), today)
        try:
            compose(session, target, day)
        except ConflictError:
            continue  # this case is not at the stage the kind needs; try the next
        return day, target
    raise ConflictError(f"演示数据中没有适合出具“{kind.label}”的案件或信访举报。")


def _issue_date(session: Session, target: DocumentTarget) -> date:
    """When the office would have signed it: the day after the step the document records."""
    kind = target.kind
    if target.petition_id is not None:
        petition = session.get(Petition, target.petition_id)
        responded = session.scalar(
            select(PetitionResponse.responded_on).where(
                PetitionResponse.petition_id == target.petition_id,
                PetitionResponse.kind == _RESPONSE_KIND.get(kind, ""),
            )
        )
        return responded or (
            petition.received_on + timedelta(days=30) if petition else date.today()
        )
    case = session.get(Case, target.case_id)
    if case is None:
        return date.today()
    order = session.scalars(
        select(RectificationOrder).where(RectificationOrder.case_id == case.id)
    ).first()
    if kind is DocumentKind.rectification_order and order is not None:
        return order.ordered_on
    if kind is DocumentKind.extension_reply and order is not None:
        replied = session.scalar(
            select(ExtensionRequest.replied_on).where(ExtensionRequest.order_id == order.id)
        )
        return replied or order.ordered_on
    determination = current_row(session, case.id)
    if determination is None:
        return case.reported_on
    if determination.meeting_date is None:
        return determination.made_at.date()
    if kind is DocumentKind.determination_worksheet:
        return determination.meeting_date  # signed at the committee's meeting
    if kind is DocumentKind.risk_warning:
        return case.occurred_on + timedelta(days=60)
    return determination.meeting_date + timedelta(days=1)
