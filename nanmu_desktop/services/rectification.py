"""纠错 (第十五–十七条): rectification orders, extension requests and their replies, follow-ups.

Issuing an order moves a notified case to 纠错整改; a follow-up moves it to 跟踪回访, and a
verified follow-up (销号) completes its order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.date_order import future_problem, order_problem
from nanmu_desktop.domain.engine import rulebook_of
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.cases import set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.deadlines import period_end
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.services.regulations import case_regulation
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, ExtensionRequest, FollowUp, RectificationOrder

ORDER_STATUS_LABELS = {
    "open": "整改中",
    "extended": "已延期",
    "completed": "已销号",
    "overdue": "逾期",
}
EXTENSION_STATUS_LABELS = {"pending": "待批复", "approved": "已同意", "refused": "不同意"}
# 第十五条: correction starts at the same time as the decision, so an order may be issued
# right after it, before 告知 is done.
_OPEN_FOR_ORDERS = (
    CaseStatus.decided, CaseStatus.notified, CaseStatus.correcting, CaseStatus.following_up
)


@dataclass(frozen=True)
class OrderInput:
    reasons: str  # 纠错事由
    items: tuple[str, ...]  # 纠错事项
    requirements: str  # 纠错要求或建议
    ordered_on: date | None
    deadline_days: int  # 整改期限（日）, counted by the day-counting setting


@dataclass(frozen=True)
class ExtensionInput:
    requested_on: date | None
    days: int
    reason: str


@dataclass(frozen=True)
class FollowUpInput:
    followed_on: date | None
    method: str  # 实地回访 / 电话回访 / 书面
    findings: str
    verified: bool = False  # 销号
    order_id: int | None = None


@dataclass(frozen=True)
class ExtensionInfo:
    id: int
    order_id: int
    requested_on: date
    requested_days: int | None
    new_deadline: date | None
    reason: str
    status: str
    status_label: str
    reply: str
    replied_on: date | None


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    case_id: int
    order_id: int | None
    followed_on: date
    method: str
    findings: str
    verified: bool


@dataclass(frozen=True)
class OrderInfo:
    id: int
    case_id: int
    reasons: str
    items: tuple[str, ...]
    requirements: str
    ordered_on: date
    deadline: date
    status: str
    status_label: str
    completed_on: date | None
    extensions: tuple[ExtensionInfo, ...]
    follow_ups: tuple[FollowUpInfo, ...]


def issue_order(
    db: Database, case_id: int, data: OrderInput, *, actor: str = DEFAULT_ACTOR
) -> OrderInfo:
    """纠错整改通知书 content (第十六条) with its deadline."""
    require(db, Operation.draft)
    problems = Problems()
    reasons = problems.text(data.reasons, "纠错事由", max_len=2000, multiline=True)
    items = [t for raw in data.items if (t := problems.text(raw, "纠错事项", required=False))]
    problems.check(bool(items), "纠错事项", "至少列出一项纠错事项")
    problems.text(data.requirements, "纠错要求", max_len=2000, multiline=True)
    ordered_on = problems.day(data.ordered_on, "通知日期")
    problems.raise_if_any()
    assert ordered_on is not None
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        if CaseStatus(case.status) not in _OPEN_FOR_ORDERS:
            raise ConflictError(
                f"案件处于“{CaseStatus(case.status).label}”阶段，须在党委作出决定后才能下达纠错整改通知"
            )
        cap = _cap(session, case, "rectification_max_days", ordered_on)
        problems.check(
            1 <= data.deadline_days <= cap, "整改期限", f"整改期限应在 1 至 {cap} 日之间"
        )
        decision = current_row(session, case.id)
        meeting = decision.meeting_date if decision is not None else None
        _in_order(problems, "通知日期", ordered_on, ("党委会议日期", meeting))
        problems.raise_if_any()
        row = RectificationOrder(
            case_id=case.id,
            reasons=reasons,
            items=items,
            requirements=data.requirements.strip(),
            ordered_on=ordered_on,
            deadline=period_end(session, ordered_on, data.deadline_days),
            status="open",
        )
        session.add(row)
        session.flush()
        audit(session, actor, "issue", "rectification_order", row.id, None, _order_state(row))
        if case.status == CaseStatus.notified:
            set_status(session, case, CaseStatus.correcting.value, actor)
        return order_info(session, row)


def request_extension(
    db: Database, order_id: int, data: ExtensionInput, *, actor: str = DEFAULT_ACTOR
) -> ExtensionInfo:
    """延期整改申请: made before the deadline (第十六条), for a number of days."""
    require(db, Operation.record)
    problems = Problems()
    requested_on = problems.day(data.requested_on, "申请日期")
    reason = problems.text(data.reason, "申请理由", max_len=2000, multiline=True)
    with db.write_session() as session:
        order = fetch(session, RectificationOrder, order_id, "纠错整改通知")
        cap = _cap(session, order.case, "extension_max_days", requested_on or date.today())
        problems.check(1 <= data.days <= cap, "延长天数", f"延长天数应在 1 至 {cap} 日之间")
        if requested_on is not None:
            _in_order(problems, "延期申请日期", requested_on, ("整改通知日期", order.ordered_on))
        problems.raise_if_any()
        assert requested_on is not None
        if order.status == "completed":
            raise ConflictError("整改已销号，不能再申请延期")
        if requested_on > order.deadline:
            raise ConflictError(
                f"延期申请应在整改期限（{order.deadline.isoformat()}）届满前提出（第十六条）"
            )
        if any(e.status == "pending" for e in order.extensions):
            raise ConflictError("已有一份延期申请尚待批复")
        row = ExtensionRequest(
            requested_on=requested_on, requested_days=data.days, reason=reason, status="pending"
        )
        order.extensions.append(row)
        session.flush()
        info = extension_info(row)
        audit(session, actor, "request", "extension_request", row.id, None, asdict(info))
        return info


def reply_extension(
    db: Database,
    extension_id: int,
    *,
    approved: bool,
    reply: str,
    replied_on: date | None,
    actor: str = DEFAULT_ACTOR,
) -> ExtensionInfo:
    """批复: approving moves the order's deadline on by the requested days."""
    require(db, Operation.record)
    problems = Problems()
    text = problems.text(reply, "批复意见", max_len=2000, multiline=True)
    day = problems.day(replied_on, "批复日期")
    problems.raise_if_any()
    assert day is not None
    with db.write_session() as session:
        row = fetch(session, ExtensionRequest, extension_id, "延期申请")
        if row.status != "pending":
            raise ConflictError("该延期申请已经批复")
        _in_order(
            problems, "批复日期", day,
            ("延期申请日期", row.requested_on), ("整改通知日期", row.order.ordered_on),
        )
        problems.raise_if_any()
        before = asdict(extension_info(row))
        row.status, row.reply, row.replied_on = ("approved" if approved else "refused"), text, day
        order = row.order
        if approved and row.requested_days:
            row.new_deadline = period_end(session, order.deadline, row.requested_days)
            order.deadline, order.status = row.new_deadline, "extended"
        session.flush()
        info = extension_info(row)
        audit(session, actor, "reply", "extension_request", row.id, before, asdict(info))
        return info


def _in_order(
    problems: Problems, label: str, day: date, *earlier: tuple[str, date | None]
) -> None:
    """`day` not before each (label, date) it answers, nor after today; the message names both
    dates (domain/date_order.py)."""
    for problem in (
        *(order_problem(day, name, before) for name, before in earlier if before),
        future_problem(day, date.today()),
    ):
        if problem:
            problems.add(label, problem)


def _cap(session: Session, case: Case, name: str, on: date) -> int:
    """A cap of 第十六条 from the case's regulation version (its dated parameters)."""
    return rulebook_of(case_regulation(session, case)).parameter(name, on)


def record_follow_up(
    db: Database, case_id: int, data: FollowUpInput, *, actor: str = DEFAULT_ACTOR
) -> FollowUpInfo:
    """跟踪回访 (第十七条); a verified follow-up of an order is its 销号."""
    require(db, Operation.record)
    problems = Problems()
    day = problems.day(data.followed_on, "回访日期")
    problems.text(data.method, "回访方式", max_len=50)
    findings = problems.text(data.findings, "回访情况", max_len=2000, multiline=True)
    problems.raise_if_any()
    assert day is not None
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        order = _order_of(session, case, data.order_id)
        if case.status not in (CaseStatus.correcting, CaseStatus.following_up):
            raise ConflictError("只有纠错整改中的案件才能登记跟踪回访")
        decision = current_row(session, case.id)
        _in_order(
            problems, "回访日期", day,
            ("整改通知日期", order.ordered_on if order is not None else None),
            ("党委会议日期", decision.meeting_date if decision is not None else None),
        )
        problems.raise_if_any()
        row = FollowUp(
            case_id=case.id,
            order_id=order.id if order else None,
            followed_on=day,
            method=data.method.strip(),
            findings=findings,
            verified=data.verified,
        )
        session.add(row)
        if order is not None and data.verified:
            order.status, order.completed_on = "completed", day
        session.flush()
        info = follow_up_info(row)
        audit(session, actor, "record", "follow_up", row.id, None, asdict(info))
        if case.status == CaseStatus.correcting:
            set_status(session, case, CaseStatus.following_up.value, actor)
        return info


def list_orders(db: Database, case_id: int) -> list[OrderInfo]:
    with db.session() as session:
        fetch(session, Case, case_id, "案件")
        rows = session.scalars(
            select(RectificationOrder)
            .where(RectificationOrder.case_id == case_id)
            .order_by(RectificationOrder.id)
        )
        return [order_info(session, r) for r in rows]


def _order_of(session: Session, case: Case, order_id: int | None) -> RectificationOrder | None:
    if order_id is None:
        return None
    order = fetch(session, RectificationOrder, order_id, "纠错整改通知")
    if order.case_id != case.id:
        raise ConflictError("该纠错整改通知不属于此案件")
    return order


def _order_state(row: RectificationOrder) -> dict[str, object]:
    return {
        "case_id": row.case_id,
        "reasons": row.reasons,
        "items": list(row.items),
        "requirements": row.requirements,
        "ordered_on": row.ordered_on,
        "deadline": row.deadline,
        "status": row.status,
    }


def order_status(row: RectificationOrder, today: date | None = None) -> str:
    """Stored status, or 逾期 when the deadline has passed without 销号."""
    if row.status != "completed" and row.deadline < (today or date.today()):
        return "overdue"
    return row.status


def order_info(session: Session, row: RectificationOrder) -> OrderInfo:
    follow_ups = session.scalars(
        select(FollowUp).where(FollowUp.order_id == row.id).order_by(FollowUp.id)
    )
    status = order_status(row)
    return OrderInfo(
        id=row.id,
        case_id=row.case_id,
        reasons=row.reasons,
        items=tuple(row.items),
        requirements=row.requirements,
        ordered_on=row.ordered_on,
        deadline=row.deadline,
        status=status,
        status_label=ORDER_STATUS_LABELS[status],
        completed_on=row.completed_on,
        extensions=tuple(extension_info(e) for e in row.extensions),
        follow_ups=tuple(follow_up_info(f) for f in follow_ups),
    )


def extension_info(row: ExtensionRequest) -> ExtensionInfo:
    return ExtensionInfo(
        id=row.id,
        order_id=row.order_id,
        requested_on=row.requested_on,
        requested_days=row.requested_days,
        new_deadline=row.new_deadline,
        reason=row.reason,
        status=row.status,
        status_label=EXTENSION_STATUS_LABELS[row.status],
        reply=row.reply,
        replied_on=row.replied_on,
    )


def follow_up_info(row: FollowUp) -> FollowUpInfo:
    return FollowUpInfo(
        id=row.id,
        case_id=row.case_id,
        order_id=row.order_id,
        followed_on=row.followed_on,
        method=row.method,
        findings=row.findings,
        verified=row.verified,
    )
