"""信访举报 (第十八条): reports about officers, their findings, and the responses sent.

A real-name reporter gets feedback of the result (反馈); an anonymous report an explanation
within a scope (情况说明); an officer maliciously or falsely accused is cleared (澄清正名).
Which answer fits which report is `domain/petition_rules` (the one home of 第十八条); the
linked case's decision it needs is read by `services/decided`. The reporter's identity lives in
the petition record only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain import petition_rules
from nanmu_desktop.domain.petition_rules import CONCLUSION_LABELS as CONCLUSION_LABELS
from nanmu_desktop.domain.petition_rules import RESPONSE_LABELS as RESPONSE_LABELS
from nanmu_desktop.domain.petition_rules import LinkedDecision, PetitionFacts
from nanmu_desktop.domain.petition_rules import ResponseRule as ResponseRule
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.decided import linked_case_decision as linked_case_decision
from nanmu_desktop.services.officers import OfficerInfo, officer_info
from nanmu_desktop.services.rule_options import read_rule_options
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Officer, Petition, PetitionResponse


@dataclass(frozen=True)
class PetitionInput:
    real_name: bool
    received_on: date | None
    channel: str  # 来信 / 来访 / 电话 / 网络 / 上级转办
    allegations: str
    accused_officer_ids: tuple[int, ...]
    reporter_name: str = ""
    reporter_contact: str = ""
    case_id: int | None = None


@dataclass(frozen=True)
class FindingsInput:
    findings: str
    conclusion: str  # unfounded / no_evidence / tolerated / substantiated
    malicious: bool = False  # 恶意中伤、诬告陷害


@dataclass(frozen=True)
class ResponseInput:
    kind: str  # feedback / explanation / clarification
    responded_on: date | None
    scope: str
    method: str
    text: str
    officer_id: int | None = None  # the officer cleared by a clarification


@dataclass(frozen=True)
class ResponseInfo:
    id: int
    petition_id: int
    kind: str
    kind_label: str
    responded_on: date
    scope: str
    method: str
    text: str
    officer_id: int | None


@dataclass(frozen=True)
class PetitionInfo:
    id: int
    real_name: bool
    reporter_name: str
    reporter_contact: str
    received_on: date
    channel: str
    allegations: str
    findings: str
    conclusion: str | None
    conclusion_label: str
    malicious: bool
    case_id: int | None
    accused: tuple[OfficerInfo, ...]
    responses: tuple[ResponseInfo, ...]
    linked: LinkedDecision | None = None  # the linked case's decided outcome and ground
    art10_leniency_is_tolerance: bool = True  # the rule option in force

    @property
    def rule_facts(self) -> PetitionFacts:
        return PetitionFacts(self.conclusion, self.real_name, self.malicious, self.linked,
                             self.art10_leniency_is_tolerance)


def response_rules(petition: PetitionInfo) -> tuple[ResponseRule, ...]:
    """第十八条 (domain/petition_rules): each answer allowed or not, with the reason."""
    return petition_rules.response_rules(petition.rule_facts)


def register_petition(
    db: Database, data: PetitionInput, *, actor: str = DEFAULT_ACTOR
) -> PetitionInfo:
    require(db, Operation.record)
    problems = Problems()
    received = problems.day(data.received_on, "收到日期")
    if received and received > date.today():
        problems.add("收到日期", "收到日期不能晚于今天")
    channel = problems.text(data.channel, "来源渠道", max_len=30)
    allegations = problems.text(data.allegations, "反映内容", max_len=5000, multiline=True)
    name = problems.text(data.reporter_name, "举报人姓名", required=data.real_name, max_len=50)
    contact = problems.text(data.reporter_contact, "联系方式", required=False, max_len=100)
    if not data.real_name and (data.reporter_name.strip() or data.reporter_contact.strip()):
        problems.add("举报人姓名", "匿名举报不登记举报人姓名和联系方式")
    problems.check(bool(data.accused_officer_ids), "被反映人员", "至少选择一名被反映的执法人员")
    problems.raise_if_any()
    assert received is not None
    with db.write_session() as session:
        accused = [fetch(session, Officer, i, "执法人员") for i in data.accused_officer_ids]
        if data.case_id is not None:
            fetch(session, Case, data.case_id, "案件")
        row = Petition(
            real_name=data.real_name,
            reporter_name=name if data.real_name else None,
            reporter_contact=(contact or None) if data.real_name else None,
            received_on=received,
            channel=channel,
            allegations=allegations,
            case_id=data.case_id,
            accused=accused,
        )
        session.add(row)
        session.flush()
        info = petition_info(row, None)
        # The audit trail keeps whether it was anonymous, never the reporter's identity.
        audit(
            session,
            actor,
            "register",
            "petition",
            row.id,
            None,
            {
                "real_name": row.real_name,
                "received_on": received,
                "channel": channel,
                "accused": [o.id for o in accused],
                "case_id": row.case_id,
            },
        )
        return info


def record_findings(
    db: Database, petition_id: int, data: FindingsInput, *, actor: str = DEFAULT_ACTOR
) -> PetitionInfo:
    require(db, Operation.record)
    problems = Problems()
    findings = problems.text(data.findings, "调查结果", max_len=5000, multiline=True)
    with db.write_session() as session:
        row = fetch(session, Petition, petition_id, "信访举报")
        linked = _linked(session, row)
        facts = PetitionFacts(data.conclusion, row.real_name, data.malicious, linked,
                              _art10_is_tolerance(session))
        for field, message in petition_rules.findings_problems(facts):
            problems.add(field, message)
        problems.raise_if_any()
        before = {
            "findings": row.findings,
            "conclusion": row.conclusion,
            "malicious": row.malicious,
        }
        row.findings, row.conclusion, row.malicious = findings, data.conclusion, data.malicious
        session.flush()
        after = {"findings": findings, "conclusion": data.conclusion, "malicious": data.malicious}
        audit(session, actor, "findings", "petition", row.id, before, after)
        return petition_info(row, linked, _art10_is_tolerance(session))


def record_response(
    db: Database, petition_id: int, data: ResponseInput, *, actor: str = DEFAULT_ACTOR
) -> ResponseInfo:
    require(db, Operation.record)
    problems = Problems()
    problems.check(data.kind in RESPONSE_LABELS, "类型", "应为反馈结果、情况说明或澄清正名")
    day = problems.day(data.responded_on, "日期")
    scope = problems.text(data.scope, "范围", max_len=200)
    method = problems.text(data.method, "方式", max_len=50)
    text = problems.text(data.text, "内容", max_len=5000, multiline=True)
    problems.raise_if_any()
    assert day is not None
    with db.write_session() as session:
        petition = fetch(session, Petition, petition_id, "信访举报")
        facts = PetitionFacts(petition.conclusion, petition.real_name, petition.malicious,
                              _linked(session, petition), _art10_is_tolerance(session))
        officer_id = _check_response(petition, data, facts)
        if day < petition.received_on:
            raise ConflictError("答复日期不能早于收到举报的日期")
        row = PetitionResponse(
            kind=data.kind,
            responded_on=day,
            scope=scope,
            method=method,
            text=text,
            officer_id=officer_id,
        )
        petition.responses.append(row)
        session.flush()
        info = response_info(row)
        audit(session, actor, f"respond_{data.kind}", "petition", petition.id, None, asdict(info))
        return info


def get_petition(db: Database, petition_id: int) -> PetitionInfo:
    with db.session() as session:
        row = fetch(session, Petition, petition_id, "信访举报")
        return petition_info(row, _linked(session, row), _art10_is_tolerance(session))


def list_petitions(db: Database) -> list[PetitionInfo]:
    with db.session() as session:
        rows = session.scalars(select(Petition).order_by(Petition.received_on.desc(), Petition.id))
        option = _art10_is_tolerance(session)
        return [petition_info(r, _linked(session, r), option) for r in rows]


def _linked(session: Session, petition: Petition) -> LinkedDecision | None:
    return linked_case_decision(session, petition.case_id) if petition.case_id else None


def _art10_is_tolerance(session: Session) -> bool:
    return read_rule_options(session).art10_leniency_is_tolerance


def _check_response(petition: Petition, data: ResponseInput, facts: PetitionFacts) -> int | None:
    """第十八条 (domain/petition_rules) for this answer; returns the cleared officer's id."""
    rule = petition_rules.response_rule(facts, data.kind)
    if not rule.allowed:
        raise ConflictError(rule.reason)
    if data.kind != "clarification":
        return None
    accused = [o.id for o in petition.accused]
    if data.officer_id is None and len(accused) == 1:
        return accused[0]
    if data.officer_id not in accused:
        raise ConflictError("澄清正名须指明被反映的执法人员")
    return data.officer_id


def response_info(row: PetitionResponse) -> ResponseInfo:
    return ResponseInfo(
        id=row.id,
        petition_id=row.petition_id,
        kind=row.kind,
        kind_label=RESPONSE_LABELS[row.kind],
        responded_on=row.responded_on,
        scope=row.scope,
        method=row.method,
        text=row.text,
        officer_id=row.officer_id,
    )


def petition_info(
    row: Petition, linked: LinkedDecision | None, art10_leniency_is_tolerance: bool = True
) -> PetitionInfo:
    return PetitionInfo(
        id=row.id,
        real_name=row.real_name,
        reporter_name=row.reporter_name or "",
        reporter_contact=row.reporter_contact or "",
        received_on=row.received_on,
        channel=row.channel,
        allegations=row.allegations,
        findings=row.findings,
        conclusion=row.conclusion,
        conclusion_label=CONCLUSION_LABELS.get(row.conclusion or "", ""),
        malicious=row.malicious,
        case_id=row.case_id,
        accused=tuple(officer_info(o) for o in row.accused),
        responses=tuple(response_info(r) for r in row.responses),
        linked=linked,
        art10_leniency_is_tolerance=art10_leniency_is_tolerance,
    )
