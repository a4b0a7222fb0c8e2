"""送达 of a decision (第十三条): who must be told, who has been, and whether 告知 is complete.

The required recipients come from the case (its parties and their units) and the decision (under
the 7-day clock the units are told too; domain/service_of_notice.py). A notification record
(case_notices, kind "notification") is one delivery. Until every required recipient has one, the
case cannot be confirmed 告知公开 and 待办 keeps the 告知 obligation (services/due.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.service_of_notice import (
    Delivered,
    Recipient,
    RecipientRole,
    answers,
    required_by_case,
)
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    CaseNotice,
    CaseOfficer,
    Department,
    Determination,
    Officer,
)

# The officers of cases `ids` (case id, role, name, unit), in each case's order; and the
# notifications on record for them. Shared with 待办's start-up reader (services/due_queries.py).
REQUIRED_PARTIES = (
    select(CaseOfficer.case_id, CaseOfficer.role, Officer.name, Department.name)
    .join(Officer, Officer.id == CaseOfficer.officer_id)
    .outerjoin(Department, Department.id == Officer.department_id)
    .where(CaseOfficer.case_id.in_(bindparam("ids", expanding=True)))
    .order_by(CaseOfficer.case_id, CaseOfficer.position)
)
NOTIFICATIONS = select(CaseNotice.case_id, CaseNotice.recipient_role, CaseNotice.recipient).where(
    CaseNotice.case_id.in_(bindparam("ids", expanding=True)), CaseNotice.kind == "notification"
)


@dataclass(frozen=True)
class RecipientStatus:
    """One required recipient and the date and method of the delivery that reached it."""

    role: str
    role_label: str
    name: str
    delivered_on: date | None
    method: str
    notice_id: int | None

    @property
    def delivered(self) -> bool:
        return self.notice_id is not None

    @property
    def label(self) -> str:
        return Recipient(RecipientRole(self.role), self.name).label


@dataclass(frozen=True)
class ServiceStatus:
    """Where 告知 of a case's decision stands."""

    case_id: int
    decided: bool
    deadline: date | None  # 第十三条's 7-day deadline, None when the clock does not apply
    recipients: tuple[RecipientStatus, ...]

    @property
    def complete(self) -> bool:
        return self.decided and all(r.delivered for r in self.recipients)

    @property
    def missing(self) -> tuple[RecipientStatus, ...]:
        return tuple(r for r in self.recipients if not r.delivered)


def service_status(db: Database, case_id: int) -> ServiceStatus:
    with db.session() as session:
        return status_in(session, case_id)


def status_in(session: Session, case_id: int) -> ServiceStatus:
    decision = _latest_decisions(session, [case_id]).get(case_id)
    if decision is None:
        return ServiceStatus(case_id, False, None, ())
    required = _required(session, [case_id], {case_id: decision.notification_deadline})
    rows = list(
        session.scalars(
            select(CaseNotice)
            .where(CaseNotice.case_id == case_id, CaseNotice.kind == "notification")
            .order_by(CaseNotice.done_on, CaseNotice.id)
        )
    )
    found = []
    for recipient in required[case_id]:
        row = next((r for r in rows if answers(recipient, _delivered(r))), None)
        found.append(
            RecipientStatus(
                role=recipient.role.value,
                role_label=recipient.role.label,
                name=recipient.name,
                delivered_on=row.done_on if row else None,
                method=row.method if row else "",
                notice_id=row.id if row else None,
            )
        )
    return ServiceStatus(case_id, True, decision.notification_deadline, tuple(found))


def require_complete(session: Session, case: Case) -> None:
    """Refuse to confirm 告知公开 while a required recipient has no delivery on record."""
    status = status_in(session, case.id)
    if status.decided and status.missing:
        names = "、".join(r.label for r in status.missing)
        raise ConflictError(f"尚未登记对以下对象的送达，不能确认已告知公开：{names}")


def outstanding_by_case(
    session: Session, deadlines: dict[int, date | None]
) -> dict[int, tuple[Recipient, ...]]:
    """For decided cases (id → their 7-day deadline), the recipients still to be told."""
    from nanmu_desktop.services.due_queries import orm_reader
    from nanmu_desktop.services.due_rows import outstanding_from

    return outstanding_from(orm_reader(session), deadlines)


def infer_role(session: Session, case_id: int, name: str) -> RecipientRole:
    """The role of a recipient given by name only: the required one of that name, else other."""
    decision = _latest_decisions(session, [case_id]).get(case_id)
    deadline = decision.notification_deadline if decision else None
    for recipient in _required(session, [case_id], {case_id: deadline})[case_id]:
        if recipient.name == name:
            return recipient.role
    return RecipientRole.other


def _delivered(row: CaseNotice) -> Delivered:
    role = RecipientRole(row.recipient_role) if row.recipient_role else None
    return Delivered(role, row.recipient)


def _latest_decisions(session: Session, case_ids: Iterable[int]) -> dict[int, Determination]:
    latest = (
        select(func.max(Determination.id))
        .where(Determination.case_id.in_(list(case_ids)))
        .group_by(Determination.case_id)
        .scalar_subquery()
    )
    rows = session.scalars(
        select(Determination).where(
            Determination.id.in_(latest), Determination.decided_outcome.is_not(None)
        )
    )
    return {row.case_id: row for row in rows}


def _required(
    session: Session, case_ids: list[int], deadlines: dict[int, date | None]
) -> dict[int, tuple[Recipient, ...]]:
    """Each case's required recipients: its parties (当事人; every officer when none is marked
    as party) and, under the 7-day clock, their units."""
    rows = session.execute(REQUIRED_PARTIES, {"ids": case_ids}).all()
    return required_by_case(rows, case_ids, deadlines)
