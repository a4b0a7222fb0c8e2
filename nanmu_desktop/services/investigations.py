"""调查核实: record (or revise) a case's investigation — investigators from the people list,
dates, findings, evidence and the case attachments that belong to it — checked, role-checked
and audited. The rules (what warns, the order of dates) live in `domain.investigation`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.investigation import (
    MIN_INVESTIGATORS,
    investigation_warnings,
    later_than,
    not_after_today,
)
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import NotFoundError
from nanmu_desktop.services.access import acting_name, require
from nanmu_desktop.services.case_types import AttachmentInfo
from nanmu_desktop.services.cases import attachment_info, set_status
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Attachment,
    Case,
    Determination,
    Investigation,
    InvestigationAttachment,
    InvestigationOfficer,
    Officer,
)

MAX_EVIDENCE_ITEMS = 100


@dataclass(frozen=True)
class InvestigationInput:
    """The investigation as entered; `investigators` are officer ids in the order chosen."""

    investigators: tuple[int, ...]
    started_on: date | None
    ended_on: date | None
    findings: str
    evidence: tuple[str, ...] = ()
    attachment_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Investigator:
    officer_id: int
    name: str
    department: str


@dataclass(frozen=True)
class InvestigationInfo:
    id: int
    case_id: int
    investigators: tuple[Investigator, ...]
    started_on: date
    ended_on: date
    findings: str
    evidence: tuple[str, ...]
    attachments: tuple[AttachmentInfo, ...]
    recorded_by: str
    updated_at: datetime
    warnings: tuple[str, ...]

    @property
    def names(self) -> str:
        return "、".join(i.name for i in self.investigators)

    @property
    def period(self) -> str:
        return f"{self.started_on.isoformat()} 至 {self.ended_on.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        """As `case show --json` prints it."""
        return {
            "investigators": [
                {"officer_id": i.officer_id, "name": i.name, "department": i.department}
                for i in self.investigators
            ],
            "started_on": self.started_on.isoformat(),
            "ended_on": self.ended_on.isoformat(),
            "findings": self.findings,
            "evidence": list(self.evidence),
            "attachments": [
                {"id": a.id, "file_name": a.file_name, "sha256": a.sha256} for a in self.attachments
            ],
            "recorded_by": self.recorded_by,
            "warnings": list(self.warnings),
        }


def record_investigation(
    db: Database, case_id: int, data: InvestigationInput, *, actor: str = DEFAULT_ACTOR
) -> InvestigationInfo:
    """Record the case's investigation, or revise the one recorded (audited before and after).

    A registered case moves on to 调查核实. Nothing is written when any input is wrong.
    """
    require(db, Operation.record)
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = investigation_row(session, case.id)
        cleaned = _checked(session, case, data)
        before = _state(row) if row is not None else None
        if row is None:
            row = Investigation(case_id=case.id)
            session.add(row)
        assert cleaned.started_on is not None and cleaned.ended_on is not None
        row.started_on, row.ended_on = cleaned.started_on, cleaned.ended_on
        row.findings = cleaned.findings
        row.evidence = list(cleaned.evidence)
        row.recorded_by = acting_name(session, actor)
        row.investigator_links = [
            InvestigationOfficer(officer_id=officer_id, position=n)
            for n, officer_id in enumerate(cleaned.investigators)
        ]
        row.attachment_links = [
            InvestigationAttachment(attachment_id=a) for a in sorted(set(cleaned.attachment_ids))
        ]
        session.flush()
        if case.status == CaseStatus.registered:
            set_status(session, case, CaseStatus.investigating.value, actor)
        action = "investigate" if before is None else "update_investigation"
        audit(session, actor, action, "case", case.id, before, _state(row))
        session.flush()
        session.refresh(row)
        return investigation_info(row)


def get_investigation(db: Database, case_id: int) -> InvestigationInfo | None:
    with db.session() as session:
        fetch(session, Case, case_id, "案件")
        row = investigation_row(session, case_id)
        return investigation_info(row) if row is not None else None


def case_investigation_warnings(session: Session, case_id: int) -> tuple[str, ...]:
    """The warnings a case's determination carries about its investigation."""
    row = investigation_row(session, case_id)
    return investigation_warnings(row is not None, len(row.investigator_links) if row else 0)


def investigation_end(session: Session, case_id: int) -> date | None:
    """The recorded investigation's last day (a 党委 meeting may not come before it)."""
    return session.scalar(select(Investigation.ended_on).where(Investigation.case_id == case_id))


def officers_named(db: Database, names: list[str]) -> tuple[int, ...]:
    """Officer ids for names (or 执法证号) as typed on the command line; an unknown or ambiguous
    name is refused naming it."""
    problems = Problems()
    ids: list[int] = []
    with db.session() as session:
        for raw in names:
            name = raw.strip()
            rows = list(session.scalars(
                select(Officer).where((Officer.name == name) | (Officer.badge_number == name))
            ))
            if not rows:
                problems.add(f"调查人员“{name}”", "人员名单中没有此人，请先在设置 → 人员中添加")
            elif len(rows) > 1:
                badges = "、".join(r.badge_number or "无证号" for r in rows)
                problems.add(f"调查人员“{name}”",
                             f"名单中有{len(rows)}人同名（{badges}），请改用执法证号")
            else:
                ids.append(rows[0].id)
    problems.raise_if_any()
    return tuple(ids)


def investigation_row(session: Session, case_id: int) -> Investigation | None:
    return session.scalar(select(Investigation).where(Investigation.case_id == case_id))


def investigation_info(row: Investigation) -> InvestigationInfo:
    investigators = tuple(
        Investigator(
            link.officer_id,
            link.officer.name,
            link.officer.department.name if link.officer.department else "",
        )
        for link in row.investigator_links
    )
    return InvestigationInfo(
        id=row.id,
        case_id=row.case_id,
        investigators=investigators,
        started_on=row.started_on,
        ended_on=row.ended_on,
        findings=row.findings,
        evidence=tuple(row.evidence or ()),
        attachments=tuple(attachment_info(link.attachment) for link in row.attachment_links),
        recorded_by=row.recorded_by,
        updated_at=row.updated_at,
        warnings=investigation_warnings(True, len(investigators)),
    )


def _checked(session: Session, case: Case, data: InvestigationInput) -> InvestigationInput:
    problems = Problems()
    started = problems.day(data.started_on, "调查开始日期")
    ended = problems.day(data.ended_on, "调查结束日期")
    today = date.today()
    if started is not None:
        for message in (
            later_than("调查开始日期", started, "行为发生日期", case.occurred_on),
            later_than("调查开始日期", started, "登记日期", case.reported_on),
            not_after_today("调查开始日期", started, today),
        ):
            if message:
                problems.add("调查开始日期", message)
    if ended is not None:
        meeting = _meeting_date(session, case.id)
        for message in (
            later_than("调查结束日期", ended, "调查开始日期", started) if started else None,
            not_after_today("调查结束日期", ended, today),
            later_than("党委会议日期", meeting, "调查结束日期", ended) if meeting else None,
        ):
            if message:
                problems.add("调查结束日期", message + _after_meeting(message))
    investigators = _investigators(session, data.investigators, problems)
    findings = problems.text(data.findings, "查明的事实", max_len=5000, multiline=True)
    evidence = tuple(
        item for n, text in enumerate(data.evidence, 1)
        if (item := problems.text(text, f"证据第{n}项", required=False, max_len=200))
    )
    problems.check(len(evidence) <= MAX_EVIDENCE_ITEMS, "证据清单",
                   f"证据不能超过 {MAX_EVIDENCE_ITEMS} 项")
    attachments = _attachments(session, case.id, data.attachment_ids, problems)
    problems.raise_if_any()
    return InvestigationInput(investigators, started, ended, findings, evidence, attachments)


def _after_meeting(message: str) -> str:
    if message.startswith("党委会议日期"):
        return "：第十三条规定单位调查核实后再作出认定结论，调查结束日期不能晚于党委会议日期"
    return ""


def _investigators(session: Session, ids: tuple[int, ...], problems: Problems) -> tuple[int, ...]:
    if not ids:
        problems.add("调查人员", f"至少选择一名调查人员（一般应不少于{MIN_INVESTIGATORS}名）")
        return ()
    if len(set(ids)) != len(ids):
        problems.add("调查人员", "同一人不能重复列为调查人员")
    for officer_id in ids:
        try:
            fetch(session, Officer, officer_id, "调查人员")
        except NotFoundError as err:
            problems.add("调查人员", err.message)
    return tuple(dict.fromkeys(ids))


def _attachments(
    session: Session, case_id: int, ids: tuple[int, ...], problems: Problems
) -> tuple[int, ...]:
    for attachment_id in ids:
        owner = session.scalar(select(Attachment.case_id).where(Attachment.id == attachment_id))
        if owner != case_id:
            problems.add("附件", f"附件（编号 {attachment_id}）不属于本案件")
    return ids


def _meeting_date(session: Session, case_id: int) -> date | None:
    return session.scalar(
        select(Determination.meeting_date)
        .where(Determination.case_id == case_id, Determination.meeting_date.is_not(None))
        .order_by(Determination.id.desc())
        .limit(1)
    )


def _state(row: Investigation) -> dict[str, Any]:
    return {
        "investigators": [link.officer_id for link in row.investigator_links],
        "started_on": row.started_on,
        "ended_on": row.ended_on,
        "findings": row.findings,
        "evidence": list(row.evidence or ()),
        "attachments": [link.attachment_id for link in row.attachment_links],
    }
