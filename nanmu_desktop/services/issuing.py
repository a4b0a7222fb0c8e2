"""Issuing (签发) and the number register: a document gets the next number of its (代字, year),
is rendered with it and stored — PDF bytes, sha256, register row, audit row — in one
BEGIN IMMEDIATE transaction, so two processes never draw the same number and nothing is half
written. An issued document never changes; voiding adds a row and keeps the number."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.numbering import format_number, parse_number
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, NanmuError, NotFoundError
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.documents import DocumentTarget, compose
from nanmu_desktop.services.settings import DEFAULT_PREFIX, load_profile
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    DocumentVoid,
    IssuedDocument,
    NumberRegister,
    Petition,
)

if TYPE_CHECKING:
    from nanmu_desktop.documents.fonts import FontSet


class TamperedDocumentError(NanmuError):
    """The stored bytes of an issued document no longer match the digest taken at issue."""


@dataclass(frozen=True)
class IssuedDocumentInfo:
    id: int
    number: str
    kind: str
    kind_label: str
    title: str
    case_id: int | None
    case_number: str
    petition_id: int | None
    recipient: str
    signer: str
    sha256: str
    issued_at: datetime
    issued_by: str
    voided: bool
    void_reason: str
    voided_at: datetime | None

    @property
    def status_label(self) -> str:
        return "已作废" if self.voided else "有效"


def next_number(db: Database, kind: DocumentKind, on: date | None = None) -> str:
    """The number issuing `kind` now would take (for the confirmation; it may still change)."""
    year = (on or date.today()).year
    with db.session() as session:
        prefix = _prefix(session, kind)
        return format_number(prefix, year, _last_seq(session, prefix, year) + 1)


def issue_document(
    db: Database, target: DocumentTarget, *, on: date | None = None, actor: str = DEFAULT_ACTOR
) -> IssuedDocumentInfo:
    """Issue `target`: number, frozen PDF, register and audit rows, all or nothing."""
    from nanmu_desktop.services.font_choice import fonts_for

    day = on or date.today()
    fonts = fonts_for(db)  # the fonts chosen in 设置, read before the write lock is taken
    with db.write_session() as session:
        return issue_in_session(session, target, day, fonts, actor)


def issue_in_session(
    session: Session, target: DocumentTarget, day: date, fonts: FontSet, actor: str
) -> IssuedDocumentInfo:
    """`issue_document` inside a write session the caller holds (several documents, one
    transaction: `services.decision_set`)."""
    from nanmu_desktop.documents.render import render_notice

    prefix = _prefix(session, target.kind)
    seq = _last_seq(session, prefix, day.year) + 1
    number = format_number(prefix, day.year, seq)
    notice = compose(session, target, day, number)  # refuses a case in the wrong state
    if target.kind.is_decision and target.case_id is not None:
        _refuse_second_decision(session, target.case_id)
    pdf = render_notice(notice, fonts)  # refuses a character without a glyph
    profile = load_profile(session)
    case_id = target.case_id
    if case_id is None and target.petition_id is not None:
        petition = session.get(Petition, target.petition_id)
        case_id = petition.case_id if petition else None
    row = IssuedDocument(
        kind=target.kind.value,
        number=number,
        prefix=prefix,
        year=day.year,
        seq=seq,
        title=notice.title[:200],
        case_id=case_id,
        petition_id=target.petition_id,
        recipient="、".join(notice.recipients)[:200],
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        signer=profile.signer,
        issued_by=actor,
        issued_at=_issued_at(day),
    )
    session.add(row)
    session.flush()
    session.add(
        NumberRegister(prefix=prefix, year=day.year, seq=seq, document_id=row.id, actor=actor)
    )
    audit(
        session,
        actor,
        "issue",
        "issued_document",
        row.id,
        None,
        {"number": number, "kind": row.kind, "case_id": case_id, "sha256": row.sha256},
    )
    session.flush()
    return _info(session, row)


def _refuse_second_decision(session: Session, case_id: int) -> None:
    """One valid decision document per case: a new one needs the old one voided first."""
    from nanmu_desktop.services.decisions import valid_decision_documents

    issued = valid_decision_documents(session, case_id)
    if issued:
        raise ConflictError(
            f"该案件已有有效的决定文书{'、'.join(issued)}，如需重新签发，请先将其作废"
        )


def void_document(
    db: Database, number: str, reason: str, *, actor: str = DEFAULT_ACTOR
) -> IssuedDocumentInfo:
    """作废: the number stays taken in the register; the void row says why and who."""
    problems = Problems()
    problems.text(reason, "作废理由", max_len=500, multiline=True)
    problems.raise_if_any()
    with db.write_session() as session:
        row = _by_number(session, number)
        if row.void is not None:
            raise ConflictError(
                f"文书“{row.number}”已于{_day(row.void.voided_at)}作废，不能重复作废。"
            )
        void = DocumentVoid(document_id=row.id, reason=reason.strip(), actor=actor)
        session.add(void)
        session.flush()
        audit(
            session,
            actor,
            "void",
            "issued_document",
            row.id,
            None,
            {"number": row.number, "reason": void.reason},
        )
        session.refresh(row)
        return _info(session, row)


def document_pdf(db: Database, number: str) -> tuple[IssuedDocumentInfo, bytes]:
    """The frozen bytes of an issued document, checked against the digest taken at issue."""
    with db.session() as session:
        row = _by_number(session, number)
        pdf = row.pdf
        if hashlib.sha256(pdf).hexdigest() != row.sha256:
            raise TamperedDocumentError(f"文书“{row.number}”的存档内容与签发时的校验值不一致。")
        return _info(session, row), pdf


def get_document(db: Database, number: str) -> IssuedDocumentInfo:
    with db.session() as session:
        return _info(session, _by_number(session, number))


def list_documents(db: Database, case_id: int | None = None) -> list[IssuedDocumentInfo]:
    """Issued documents, newest number first within each register (voided ones included)."""
    query = (
        select(IssuedDocument, DocumentVoid, Case.number)
        .outerjoin(DocumentVoid, DocumentVoid.document_id == IssuedDocument.id)
        .outerjoin(Case, Case.id == IssuedDocument.case_id)
        .order_by(IssuedDocument.year.desc(), IssuedDocument.prefix, IssuedDocument.seq.desc())
    )
    if case_id is not None:
        query = query.where(IssuedDocument.case_id == case_id)
    with db.session() as session:
        return [_make_info(row, void, number or "") for row, void, number in session.execute(query)]


def _prefix(session: Session, kind: DocumentKind) -> str:
    prefixes = load_profile(session).document_prefixes or {}
    return prefixes.get(kind.value) or DEFAULT_PREFIX


def _last_seq(session: Session, prefix: str, year: int) -> int:
    last = session.scalar(
        select(func.max(NumberRegister.seq)).where(
            NumberRegister.prefix == prefix, NumberRegister.year == year
        )
    )
    return int(last or 0)


def _by_number(session: Session, number: str) -> IssuedDocument:
    parsed = parse_number(number)  # ValidationError for a malformed number
    row = session.scalars(
        select(IssuedDocument).where(
            IssuedDocument.prefix == parsed.prefix,
            IssuedDocument.year == parsed.year,
            IssuedDocument.seq == parsed.serial,
        )
    ).first()
    if row is None:
        raise NotFoundError(f"找不到文号为“{number.strip()}”的已签发文书。")
    return row


def _issued_at(day: date) -> datetime:
    """签发 time: now, or — for a document dated another day (补登) — that day at this hour, so
    the register's date is the document's 成文日期. Stored in UTC like every timestamp."""
    now = datetime.now().astimezone()
    moment = now if day == now.date() else datetime.combine(day, now.timetz())
    return moment.astimezone(UTC)


def _day(moment: datetime) -> str:
    return f"{moment.year}年{moment.month}月{moment.day}日"


def _info(session: Session, row: IssuedDocument) -> IssuedDocumentInfo:
    void = session.scalars(select(DocumentVoid).where(DocumentVoid.document_id == row.id)).first()
    case_number = ""
    if row.case_id is not None:
        case_number = session.scalar(select(Case.number).where(Case.id == row.case_id)) or ""
    return _make_info(row, void, case_number)


def _make_info(
    row: IssuedDocument, void: DocumentVoid | None, case_number: str
) -> IssuedDocumentInfo:
    kind = DocumentKind(row.kind)
    return IssuedDocumentInfo(
        id=row.id,
        number=row.number,
        kind=kind.value,
        kind_label=kind.label,
        title=row.title,
        case_id=row.case_id,
        case_number=case_number,
        petition_id=row.petition_id,
        recipient=row.recipient,
        signer=row.signer,
        sha256=row.sha256,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
        voided=void is not None,
        void_reason=void.reason if void else "",
        voided_at=void.voided_at if void else None,
    )
