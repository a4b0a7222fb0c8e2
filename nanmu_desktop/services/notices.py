"""告知 and 公开 (第十三条): recording who was told of a decision, and where it was published.

The first record moves a decided case on to 告知公开. Each notification keeps the 7-day
deadline it answered, so a late one shows as such.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.cases import set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, CaseNotice

KIND_LABELS = {"notification": "告知", "publication": "公开"}


@dataclass(frozen=True)
class NotificationInput:
    recipient: str  # 相关单位或当事人
    done_on: date | None
    method: str = "直接送达"
    notes: str = ""


@dataclass(frozen=True)
class PublicationInput:
    scope: str  # 公开范围, e.g. 乡政府公示栏
    done_on: date | None
    method: str = "张贴公示"
    days: int | None = 7  # 公示期
    notes: str = ""


@dataclass(frozen=True)
class NoticeInfo:
    id: int
    case_id: int
    kind: str
    kind_label: str
    recipient: str
    done_on: date
    method: str
    scope: str
    deadline: date | None
    publication_days: int | None
    notes: str

    @property
    def late(self) -> bool:
        """Done after the 7-day deadline of 第十三条."""
        return self.deadline is not None and self.done_on > self.deadline


def record_notification(
    db: Database, case_id: int, data: NotificationInput, *, actor: str = DEFAULT_ACTOR
) -> NoticeInfo:
    require(db, Operation.record)
    problems = Problems()
    recipient = problems.text(data.recipient, "告知对象", max_len=200)
    done_on = problems.day(data.done_on, "告知日期")
    problems.text(data.method, "告知方式", required=False, max_len=50)
    problems.text(data.notes, "备注", required=False, multiline=True)
    problems.raise_if_any()
    assert done_on is not None
    with db.write_session() as session:
        case = _decided_case(session, case_id, done_on)
        row = CaseNotice(
            case_id=case.id,
            kind="notification",
            recipient=recipient,
            done_on=done_on,
            method=data.method.strip(),
            scope="",
            deadline=_deadline(session, case.id),
            notes=data.notes.strip(),
        )
        return _save(session, case, row, actor)


def record_publication(
    db: Database, case_id: int, data: PublicationInput, *, actor: str = DEFAULT_ACTOR
) -> NoticeInfo:
    require(db, Operation.record)
    problems = Problems()
    scope = problems.text(data.scope, "公开范围", max_len=200)
    done_on = problems.day(data.done_on, "公开日期")
    problems.text(data.method, "公开方式", required=False, max_len=50)
    problems.text(data.notes, "备注", required=False, multiline=True)
    if data.days is not None and data.days < 1:
        problems.add("公示期", "公示期至少 1 日")
    elif data.days is not None:
        problems.integer(data.days, "公示期", low=1, high=3650)
    problems.raise_if_any()
    assert done_on is not None
    with db.write_session() as session:
        case = _decided_case(session, case_id, done_on)
        row = CaseNotice(
            case_id=case.id,
            kind="publication",
            recipient=scope,
            done_on=done_on,
            method=data.method.strip(),
            scope=scope,
            publication_days=data.days,
            notes=data.notes.strip(),
        )
        return _save(session, case, row, actor)


def list_notices(db: Database, case_id: int) -> list[NoticeInfo]:
    with db.session() as session:
        fetch(session, Case, case_id, "案件")
        rows = session.scalars(
            select(CaseNotice).where(CaseNotice.case_id == case_id).order_by(CaseNotice.id)
        )
        return [notice_info(r) for r in rows]


def _decided_case(session: Session, case_id: int, done_on: date) -> Case:
    case = fetch(session, Case, case_id, "案件")
    if case.outcome is None:
        raise ConflictError("党委尚未作出认定决定，不能登记告知或公开")
    determination = current_row(session, case.id)
    if determination and determination.meeting_date and done_on < determination.meeting_date:
        raise ConflictError("告知或公开日期不能早于党委会议日期")
    return case


def _deadline(session: Session, case_id: int) -> date | None:
    """The deadline stored when the decision was recorded (never recomputed)."""
    determination = current_row(session, case_id)
    return determination.notification_deadline if determination else None


def _save(session: Session, case: Case, row: CaseNotice, actor: str) -> NoticeInfo:
    session.add(row)
    session.flush()
    info = notice_info(row)
    audit(
        session,
        actor,
        f"record_{row.kind}",
        "case_notice",
        row.id,
        None,
        {"case_id": case.id, **asdict(info)},
    )
    if case.status == CaseStatus.decided:
        set_status(session, case, CaseStatus.notified.value, actor)
    return info


def notice_info(row: CaseNotice) -> NoticeInfo:
    return NoticeInfo(
        id=row.id,
        case_id=row.case_id,
        kind=row.kind,
        kind_label=KIND_LABELS[row.kind],
        recipient=row.recipient,
        done_on=row.done_on,
        method=row.method,
        scope=row.scope,
        deadline=row.deadline,
        publication_days=row.publication_days,
        notes=row.notes,
    )
