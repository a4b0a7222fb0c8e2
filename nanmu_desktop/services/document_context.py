"""Reading a document's case (or petition) from the store into a `DocumentContext`: the case
and its officers, the determination and the committee's decision, the rectification order and
its extension, the petition, and — for a 易错风险警示提醒 — the recurring pattern (第十七条) the
clerk selected on the 统计分析 page."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.documents.context import (
    CaseInfo,
    DecisionInfo,
    DocumentContext,
    Letterhead,
    PrintedExtension,
    PrintedInvestigation,
    PrintedOfficer,
    PrintedPetition,
    PrintedProposal,
    RectificationInfo,
)
from nanmu_desktop.documents.worksheet_answers import worksheet_answers
from nanmu_desktop.domain.engine import rulebook_of
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.risk_patterns import RiskSelection
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, NotFoundError, Problem, ValidationError
from nanmu_desktop.services import determinations
from nanmu_desktop.services.choices import label
from nanmu_desktop.services.decided import linked_case_decision
from nanmu_desktop.services.document_formats import read_document_formats
from nanmu_desktop.services.investigations import investigation_info, investigation_row
from nanmu_desktop.services.regulations import load_version, reference_date, version_in_force
from nanmu_desktop.services.risk_warning import risk_warning_info
from nanmu_desktop.services.rule_options import not_an_error, read_rule_options
from nanmu_desktop.services.settings import DAY_COUNTING_LABELS, load_profile
from nanmu_desktop.storage.models import (
    Case,
    CaseNotice,
    Determination,
    Officer,
    Petition,
    PetitionResponse,
    RectificationOrder,
)

PETITION_KINDS = frozenset(
    {DocumentKind.report_feedback, DocumentKind.report_explanation, DocumentKind.clarification}
)
_RESPONSE_OF_KIND = {
    DocumentKind.report_explanation: "explanation",
    DocumentKind.clarification: "clarification",
}


@dataclass(frozen=True)
class DocumentTarget:
    """What a document is about: a kind and its case and/or petition (by database id)."""

    kind: DocumentKind
    case_id: int | None = None
    petition_id: int | None = None
    recipient: str | None = None  # one addressee instead of all (e.g. one 告知书 per party)
    # 易错风险警示提醒: the statistics row the clerk chose (citation, field, period, threshold);
    # None: the pattern of the case's own field and citations.
    risk: RiskSelection | None = None


def gather_context(session: Session, target: DocumentTarget, on: date) -> DocumentContext:
    kind = target.kind
    petition = _petition_row(session, target)
    case_id = target.case_id
    if case_id is None and petition is not None:
        case_id = petition.case_id
    case = _case_row(session, case_id) if case_id is not None else None
    if case is None and kind not in PETITION_KINDS:
        raise ValidationError([Problem("案件", "请指定案件")])
    det_row = determinations.current_row(session, case.id) if case else None
    if case is not None and kind is not DocumentKind.determination_worksheet:
        _check_state(case, kind)
    if det_row is not None:
        regulation = load_version(session, det_row.regulation_version)
    else:
        regulation = version_in_force(session, reference_date(case) if case else on)
    letterhead = _letterhead(session, regulation.title, regulation.number)
    ctx = DocumentContext(
        kind=kind.value, letterhead=letterhead, issue_date=on, recipient=target.recipient,
        notification_to_party_as_letter=read_document_formats(
            session).notification_to_party_as_letter,
    )
    if case is not None:
        ctx = _with_case(session, ctx, case, det_row, regulation)
    if petition is not None:
        ctx = replace(ctx, petition=_petition_info(session, petition, kind))
    elif kind in PETITION_KINDS:
        raise ConflictError("该案件没有关联的信访举报，不能生成此文书。")
    if kind is DocumentKind.risk_warning:
        info = risk_warning_info(session, case, regulation, target.risk)
        ctx = replace(ctx, risk_warning=info)
    return ctx


def _with_case(
    session: Session,
    ctx: DocumentContext,
    case: Case,
    det_row: Determination | None,
    regulation: Regulation,
) -> DocumentContext:
    determination = decision = None
    if det_row is not None:
        info = determinations.determination_info(session, det_row)
        determination = PrintedProposal(
            outcome=info.outcome,
            basis=info.basis,
            explanation=info.explanation,
            warnings=info.warnings,
            # Only the worksheet prints the answers; other kinds skip the work.
            answers=(
                worksheet_answers(info.facts, regulation)
                if ctx.kind == DocumentKind.determination_worksheet
                else ()
            ),
            regulation_version=info.regulation_version,
            made_on=info.made_at.date(),
            accountability=info.accountability,
        )
        if info.decided_outcome is not None and info.meeting_date is not None:
            ground = info.decided_ground.value if info.decided_ground else ""
            decision = DecisionInfo(
                meeting_date=info.meeting_date,
                outcome=info.decided_outcome,
                basis=info.decided_basis,
                ground=ground,
                tolerated=not_an_error(
                    read_rule_options(session), info.decided_outcome, ground or None
                ),
                attendees=info.attendees,
                leniency=info.leniency,
                measure=info.measure,
                reason=info.differing_reason,
                notification_days=_notification_days(regulation, info.meeting_date),
                notification_deadline=info.notification_deadline,
                day_rule=DAY_COUNTING_LABELS.get(load_profile(session).day_counting, "自然日"),
                day_rule_text=info.day_counting_label,
                publication_scope=_publication_scope(session, case.id),
            )
    order = _rectification(session, case.id)
    return replace(
        ctx,
        case=case_info(case),
        determination=determination,
        decision=decision,
        rectification=order[0] if order else None,
        extension=order[1] if order else None,
        evidence=tuple(_evidence(case)),
        investigation=_investigation(session, case.id),
    )


def _investigation(session: Session, case_id: int) -> PrintedInvestigation | None:
    row = investigation_row(session, case_id)
    if row is None:
        return None
    info = investigation_info(row)
    return PrintedInvestigation(
        tuple(i.name for i in info.investigators), info.started_on, info.ended_on,
        info.findings, info.evidence,
    )


def _evidence(case: Case) -> list[str]:
    """The case's attachments as an evidence list: the description, else the file's name."""
    return [(a.description or "").strip() or a.file_name for a in case.attachments]


def case_info(case: Case) -> CaseInfo:
    return CaseInfo(
        number=case.number,
        source=label("source", case.source),
        enforcement_type=label("enforcement_type", case.enforcement_type),
        field=label("field", case.field),
        occurred_on=case.occurred_on,
        reported_on=case.reported_on,
        description=case.description,
        officers=tuple(officer_info(link.officer) for link in case.officer_links),
        loss=case.loss_text,
        impact=case.impact,
        remedial_actions=case.remedial_actions,
    )


def officer_info(officer: Officer) -> PrintedOfficer:
    return PrintedOfficer(
        name=officer.name,
        department=officer.department.name if officer.department else "",
        post=officer.post,
        badge_number=officer.badge_number or "",
    )


def _letterhead(session: Session, regulation_title: str, regulation_number: str) -> Letterhead:
    profile = load_profile(session)
    if not profile.name_zh.strip():
        raise ConflictError("尚未填写本单位名称，请先在“设置”中完成单位信息后再生成文书。")
    return Letterhead(
        authority=profile.name_zh,
        mongolian=profile.name_mn,
        printed_by=profile.issuing_authority or profile.name_zh,
        cc=tuple(profile.default_cc or ()),
        regulation_title=regulation_title,
        regulation_number=regulation_number,
        township_type=profile.township_type or "xiang",
    )


def _case_row(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(f"找不到案件（编号 {case_id}）")
    return case


def _petition_row(session: Session, target: DocumentTarget) -> Petition | None:
    if target.petition_id is not None:
        petition = session.get(Petition, target.petition_id)
        if petition is None:
            raise NotFoundError(f"找不到信访举报（编号 {target.petition_id}）")
        return petition
    if target.kind in PETITION_KINDS and target.case_id is not None:
        query = select(Petition).where(Petition.case_id == target.case_id)
        return session.scalars(query.order_by(Petition.id.desc()).limit(1)).first()
    return None


def _check_state(case: Case, kind: DocumentKind) -> None:
    """Decision-stage documents need the committee's decision (党委研究决定) first."""
    status = CaseStatus(case.status)
    early = (CaseStatus.registered, CaseStatus.investigating, CaseStatus.determining)
    if kind not in PETITION_KINDS and status in early:
        raise ConflictError(
            f"案件“{case.number}”尚处于“{status.label}”阶段，须待党委研究决定后才能出具{kind.label}。"
        )


def _notification_days(regulation: Regulation, on: date) -> int:
    return rulebook_of(regulation).parameter("notification_days", on)


def _publication_scope(session: Session, case_id: int) -> str:
    scope = session.scalar(
        select(CaseNotice.scope)
        .where(CaseNotice.case_id == case_id, CaseNotice.kind == "publication")
        .order_by(CaseNotice.id.desc())
        .limit(1)
    )
    return scope or ""  # "" = the township's 公示栏, worded by its type


def _rectification(
    session: Session, case_id: int
) -> tuple[RectificationInfo, PrintedExtension | None] | None:
    order = session.scalars(
        select(RectificationOrder)
        .where(RectificationOrder.case_id == case_id)
        .order_by(RectificationOrder.id.desc())
        .limit(1)
    ).first()
    if order is None:
        return None
    replied = [e for e in order.extensions if e.status in ("approved", "refused")]
    extension = None
    if replied:
        last = replied[-1]
        extension = PrintedExtension(
            requested_on=last.requested_on,
            reason=last.reason,
            new_deadline=last.new_deadline or order.deadline,
            approved=last.status == "approved",
            reply=last.reply,
        )
    info = RectificationInfo(
        reasons=order.reasons,
        items=tuple(order.items or ()),
        requirements=order.requirements,
        deadline=order.deadline,  # the deadline in force (moved on by an approved extension)
        issued_on=order.ordered_on,
    )
    return info, extension


def _petition_info(session: Session, petition: Petition, kind: DocumentKind) -> PrintedPetition:
    scope = ""  # "" = the township's staff meeting, worded by its type
    wanted = _RESPONSE_OF_KIND.get(kind)
    responses: list[PetitionResponse] = [r for r in petition.responses if r.kind == wanted]
    if responses and responses[-1].scope:
        scope = responses[-1].scope
    return PrintedPetition(
        received_on=petition.received_on,
        channel=petition.channel,
        real_name=petition.real_name,
        allegations=petition.allegations,
        findings=petition.findings,
        conclusion=petition.conclusion or "",
        accused=tuple(officer_info(o) for o in petition.accused),
        malicious=petition.malicious,
        # Only the feedback letter goes to the reporter; no other kind even receives the name.
        reporter_name=(petition.reporter_name or "")
        if kind is DocumentKind.report_feedback
        else "",
        scope=scope,
        linked=_linked_ids(session, petition.case_id),
        art10_leniency_is_tolerance=read_rule_options(session).art10_leniency_is_tolerance,
    )


def _linked_ids(session: Session, case_id: int | None) -> tuple[str, str] | None:
    linked = linked_case_decision(session, case_id) if case_id is not None else None
    return (linked[0].value, linked[1].value) if linked else None
