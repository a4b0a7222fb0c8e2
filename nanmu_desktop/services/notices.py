"""告知 and 公开 (第十三条): who was served the decision (送达), and where it was published.

A notification is one delivery: to a unit or party, by a method, on a day, by someone, with its
送达回证 kept as an attachment of the case. The delivery that completes the required recipients
(services/deliveries.py) moves a decided case on to 告知公开. Each notification keeps the 7-day
deadline it answered, so a late one shows as such.
"""

from __future__ import annotations

import mimetypes
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.date_order import future_problem, order_problem
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.service_of_notice import RecipientRole
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.cases import MAX_ATTACHMENT_BYTES, set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.deliveries import infer_role, status_in
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Attachment, Case, CaseNotice

KIND_LABELS = {"notification": "告知", "publication": "公开"}
ROLE_CHOICES: dict[str, RecipientRole] = {
    **{r.value: r for r in RecipientRole},
    **{r.label: r for r in RecipientRole},
    "单位": RecipientRole.unit,
}


@dataclass(frozen=True)
class Receipt:
    """A 送达回证 (scan or photo) to keep with the delivery."""

    file_name: str
    content: bytes


@dataclass(frozen=True)
class NotificationInput:
    recipient: str  # 相关单位或当事人的名称
    done_on: date | None  # 送达日期
    method: str = "直接送达"
    notes: str = ""
    role: str | None = None  # unit / party / other (or 所在单位 / 当事人 / 其他); None: by name
    delivered_by: str = ""  # 送达人
    receipt: Receipt | None = None  # 送达回证


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
    recipient_role: str | None = None
    recipient_role_label: str = ""
    delivered_by: str = ""
    receipt_attachment_id: int | None = None
    receipt_file_name: str = ""

    @property
    def late(self) -> bool:
        """Done after the 7-day deadline of 第十三条."""
        return self.deadline is not None and self.done_on > self.deadline


def record_notification(
    db: Database, case_id: int, data: NotificationInput, *, actor: str = DEFAULT_ACTOR
) -> NoticeInfo:
    """One delivery (送达) of the decision to a unit or party, with its 送达回证 if given."""
    require(db, Operation.record)
    problems = Problems()
    recipient = problems.text(data.recipient, "送达对象", max_len=200)
    role = problems.choice(data.role, "对象类别", ROLE_CHOICES, required=False)
    done_on = problems.day(data.done_on, "送达日期")
    problems.text(data.method, "送达方式", max_len=50)
    delivered_by = problems.text(data.delivered_by, "送达人", required=False, max_len=50)
    problems.text(data.notes, "备注", required=False, multiline=True)
    if data.receipt is not None:
        problems.text(data.receipt.file_name, "送达回证", max_len=255)
        problems.check(len(data.receipt.content) > 0, "送达回证", "送达回证文件是空的")
        problems.check(
            len(data.receipt.content) <= MAX_ATTACHMENT_BYTES,
            "送达回证",
            "送达回证文件超过 50 MB，不能作为附件",
        )
    problems.raise_if_any()
    assert done_on is not None
    with db.write_session() as session:
        case = _decided_case(session, case_id, done_on, "送达日期")
        row = CaseNotice(
            case_id=case.id,
            kind="notification",
            recipient=recipient,
            recipient_role=(role or infer_role(session, case.id, recipient)).value,
            done_on=done_on,
            method=data.method.strip(),
            delivered_by=delivered_by,
            scope="",
            deadline=_deadline(session, case.id),
            notes=data.notes.strip(),
        )
        if data.receipt is not None:
            row.receipt = _receipt(case, recipient, data.receipt)
        return _save(session, case, row, actor)


def _receipt(case: Case, recipient: str, receipt: Receipt) -> Attachment:
    """The 送达回证 as one of the case's attachments (so it travels with a backup)."""
    name = receipt.file_name.strip()
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    attachment = Attachment.from_bytes(name, mime, receipt.content)
    attachment.description = f"送达回证：{recipient}"[:200]
    case.attachments.append(attachment)
    return attachment


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
        case = _decided_case(session, case_id, done_on, "公开日期")
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


def _decided_case(session: Session, case_id: int, done_on: date, label: str) -> Case:
    """The case, decided, with `done_on` between the decision and today (else a Chinese
    message naming both dates)."""
    case = fetch(session, Case, case_id, "案件")
    if case.outcome is None:
        raise ConflictError("党委尚未作出认定决定，不能登记告知或公开")
    determination = current_row(session, case.id)
    meeting = determination.meeting_date if determination else None
    problems = Problems()
    for problem in (
        meeting and order_problem(done_on, "党委会议日期", meeting),
        future_problem(done_on, date.today()),
    ):
        if problem:
            problems.add(label, problem)
    problems.raise_if_any()
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
        {
            "case_id": case.id,
            **asdict(info),
            **({"receipt_sha256": row.receipt.sha256} if row.receipt is not None else {}),
        },
    )
    # The delivery that reaches the last required recipient completes 告知 (第十三条).
    if case.status == CaseStatus.decided and status_in(session, case.id).complete:
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
        recipient_role=row.recipient_role,
        recipient_role_label=RecipientRole(row.recipient_role).label if row.recipient_role else "",
        delivered_by=row.delivered_by,
        receipt_attachment_id=row.receipt_attachment_id,
        receipt_file_name=row.receipt.file_name if row.receipt is not None else "",
    )
