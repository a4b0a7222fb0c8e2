"""A case's documents: what it has (issued, valid or voided) and which kinds may be drawn up
now, read from the rules — case status, the committee's decision, the order and its extension,
the linked petition (第十八条), the documents already valid — without composing any document.

A kind already validly issued for the case is not offered again (作废 first); a rectification
order or an extension reply is offered again for a further order or a further reply.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.petition_rules import PetitionFacts, response_rule
from nanmu_desktop.domain.vocabulary import DocumentKind, decision_kind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.common import fetch
from nanmu_desktop.services.decided import linked_case_decision
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.services.documents import KindChoice
from nanmu_desktop.services.issuing import IssuedDocumentInfo, list_documents
from nanmu_desktop.services.rule_options import read_rule_options
from nanmu_desktop.services.settings import load_profile
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    Determination,
    DocumentVoid,
    ExtensionRequest,
    IssuedDocument,
    Petition,
    RectificationOrder,
)

_EARLY = (CaseStatus.registered, CaseStatus.investigating, CaseStatus.determining)
_RESPONSE = {
    DocumentKind.report_feedback: "feedback",
    DocumentKind.report_explanation: "explanation",
    DocumentKind.clarification: "clarification",
}


@dataclass(frozen=True)
class CaseDocuments:
    """The case's issued documents (newest first) and every kind with whether it may be drafted."""

    issued: list[IssuedDocumentInfo]
    kinds: list[KindChoice]


def case_documents(db: Database, case_id: int) -> CaseDocuments:
    return CaseDocuments(list_documents(db, case_id), allowed_kinds(db, case_id))


def allowed_kinds(db: Database, case_id: int) -> list[KindChoice]:
    """Every kind, each ready or with the Chinese reason it is not (no document is built)."""
    with db.session() as session:
        return kinds_in(session, case_id)


def kinds_in(session: Session, case_id: int) -> list[KindChoice]:
    case = fetch(session, Case, case_id, "案件")
    valid = valid_kinds(session, case_id)
    profile_missing = not load_profile(session).name_zh.strip()
    det = current_row(session, case_id)
    choices: list[KindChoice] = []
    for kind in DocumentKind:
        if profile_missing:
            reason = "尚未填写本单位名称，请先在“设置”中完成单位信息后再生成文书。"
        else:
            reason = _refusal(session, case, det, kind, valid)
        choices.append(KindChoice(kind, kind.label, not reason, reason))
    return choices


def valid_kinds(session: Session, case_id: int) -> dict[DocumentKind, list[str]]:
    """The numbers of the case's valid (not voided) documents, by kind."""
    rows = session.execute(
        select(IssuedDocument.kind, IssuedDocument.number)
        .outerjoin(DocumentVoid, DocumentVoid.document_id == IssuedDocument.id)
        .where(IssuedDocument.case_id == case_id, DocumentVoid.id.is_(None))
        .order_by(IssuedDocument.id)
    )
    found: dict[DocumentKind, list[str]] = {}
    for kind, number in rows:
        found.setdefault(DocumentKind(kind), []).append(number)
    return found


def _refusal(
    session: Session,
    case: Case,
    det: Determination | None,
    kind: DocumentKind,
    valid: dict[DocumentKind, list[str]],
) -> str:
    """Why `kind` cannot be drafted for `case` now ("" when it can)."""
    status = CaseStatus(case.status)
    if kind in _RESPONSE:
        reason = _petition_refusal(session, case, kind)
    elif kind is DocumentKind.determination_worksheet:
        reason = "" if det is not None else (
            "该案件尚未完成研判认定，不能生成容错纠错认定审批表。")
    elif status in _EARLY:
        reason = (f"案件“{case.number}”尚处于“{status.label}”阶段，"
                  f"须待党委研究决定后才能出具{kind.label}。")
    elif det is None or det.decided_outcome is None:
        reason = "该案件尚未记录党委研究决定（第十三条），不能生成此文书。"
    else:
        reason = _decided_refusal(session, case, det, kind)
    if reason:
        return reason
    issued = valid.get(kind, [])
    if issued and len(issued) >= _allowed_count(session, case.id, kind):
        return f"已签发有效的{kind.label}（{'、'.join(issued)}），如需重新签发，请先将其作废。"
    return ""


def _decided_refusal(
    session: Session, case: Case, det: Determination, kind: DocumentKind
) -> str:
    outcome = Outcome(det.decided_outcome or "")
    if kind.is_decision:
        if kind is not decision_kind(outcome):
            return f"党委决定的结论为“{outcome.label}”，不能生成{kind.label}。"
        if outcome is Outcome.mitigated and not det.leniency:
            return "党委决定未载明从轻还是减轻处理，请先补记后再生成决定书。"
        return ""
    if kind is DocumentKind.rectification_order:
        items = session.scalars(
            select(RectificationOrder.items).where(RectificationOrder.case_id == case.id)
            .order_by(RectificationOrder.id.desc()).limit(1)
        ).first()
        if items is None:
            return "该案件尚未登记纠错整改事项，不能生成纠错整改通知书。"
        return "" if items else "纠错整改通知书至少应列明一项纠错事项。"
    if kind is DocumentKind.extension_reply:
        return _extension_refusal(session, case.id)
    if kind is DocumentKind.risk_warning:
        return _risk_refusal(session, case, det)
    return ""


def _extension_refusal(session: Session, case_id: int) -> str:
    order = session.scalars(
        select(RectificationOrder).where(RectificationOrder.case_id == case_id)
        .order_by(RectificationOrder.id.desc()).limit(1)
    ).first()
    if order is None:
        return "该案件尚未登记纠错整改事项，不能生成延期整改申请批复。"
    replied = [e for e in order.extensions if e.status in ("approved", "refused")]
    if not replied:
        return "该案件没有已作出批复意见的延期整改申请，请先记录同意或不同意。"
    last = replied[-1]
    if last.status == "refused" and not last.reply.strip():
        return "不同意延期的批复须写明理由。"
    return ""


def _risk_refusal(session: Session, case: Case, det: Determination) -> str:
    from nanmu_desktop.services.regulations import load_version
    from nanmu_desktop.services.risk_warning import risk_warning_info

    try:
        risk_warning_info(session, case, load_version(session, det.regulation_version), None)
    except ConflictError as err:
        return err.message
    return ""


def _petition_refusal(session: Session, case: Case, kind: DocumentKind) -> str:
    petition = session.scalars(
        select(Petition).where(Petition.case_id == case.id).order_by(Petition.id.desc()).limit(1)
    ).first()
    if petition is None:
        return "该案件没有关联的信访举报，不能生成此文书。"
    options = read_rule_options(session)
    facts = PetitionFacts(
        petition.conclusion, petition.real_name, petition.malicious,
        linked_case_decision(session, case.id), options.art10_leniency_is_tolerance,
    )
    rule = response_rule(facts, _RESPONSE[kind])
    return "" if rule.allowed else f"不能生成此文书：{rule.reason}。"


def _allowed_count(session: Session, case_id: int, kind: DocumentKind) -> int:
    """How many valid documents of `kind` the case may hold: one, except one order per order
    and one reply per replied extension request."""
    if kind is DocumentKind.rectification_order:
        return int(session.scalar(
            select(func.count()).select_from(RectificationOrder)
            .where(RectificationOrder.case_id == case_id)) or 0)
    if kind is DocumentKind.extension_reply:
        statuses = Counter(session.scalars(
            select(ExtensionRequest.status)
            .join(RectificationOrder, RectificationOrder.id == ExtensionRequest.order_id)
            .where(RectificationOrder.case_id == case_id)))
        return statuses["approved"] + statuses["refused"]
    return 1


