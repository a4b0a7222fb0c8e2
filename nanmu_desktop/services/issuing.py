"""Issuing (签发) and the number register: a document gets the next number of its (代字, year),
is rendered with it and stored — PDF bytes, sha256, register row, audit row — in one
transaction of the one write path with its series locked (`storage.numbering`), so two
processes (or PCs) never draw the same number and nothing is half written. An issued
document never changes; voiding adds a row and keeps the number.

Cannot half-happen: with `output`, the PDF is written to a temporary file beside it (and synced)
before the number is committed, and renamed into place after; a failure before the commit
leaves no number taken. A retry after an unknown outcome (crash, lost window) finds the
document by its issue key (kind + case/petition + day) instead of drawing a new number. The next
number counts on from the register's high-water mark, which a deleted row cannot lower."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.numbering import format_number, parse_number
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, NanmuError, NotFoundError, Problem, ValidationError
from nanmu_desktop.services.access import acting_name, require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.document_series import (
    draws_number,
    internal_reference,
    series_prefix,
)
from nanmu_desktop.services.documents import DocumentTarget, compose
from nanmu_desktop.services.settings import LETTER_SERIES, load_profile
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    DocumentVoid,
    IssuedDocument,
    NumberRegister,
    Petition,
)
from nanmu_desktop.storage.numbering import last_seq

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
    voided_by: str = ""
    found_again: bool = False  # a retry found this document already issued (no new number)

    @property
    def status_label(self) -> str:
        return "已作废" if self.voided else "有效"


def next_number(
    db: Database, kind: DocumentKind, on: date | None = None,
    target: DocumentTarget | None = None,
) -> str:
    """The number issuing `kind` (or `target`, whose addressee may make it a letter) now would
    take, for the confirmation; it may still change. The 审批表's is its internal reference."""
    day = on or date.today()
    with db.session() as session:
        if target is not None:
            notice = compose(session, target, day)
            if not draws_number(target.kind):
                return internal_reference(session, _case_number(session, target), day.year)[2]
            prefix = series_prefix(session, target.kind, notice.format)
        else:
            prefix = series_prefix(session, kind, "letter" if kind.value in LETTER_SERIES
                                   else "file")
        return format_number(prefix, day.year, last_seq(session, prefix, day.year) + 1)


def issue_key(target: DocumentTarget, day: date) -> str:
    """The same document asked for again on the same day has the same key."""
    recipient = f"|{target.recipient}" if target.recipient else ""
    return (
        f"{target.kind.value}|case:{target.case_id or ''}|petition:{target.petition_id or ''}"
        f"|{day.isoformat()}{recipient}"
    )[:120]


def issue_document(
    db: Database,
    target: DocumentTarget,
    *,
    on: date | None = None,
    actor: str = DEFAULT_ACTOR,
    admin_reason: str = "",
    output: Path | None = None,
) -> IssuedDocumentInfo:
    """Issue `target`: number, frozen PDF, register and audit rows, all or nothing.

    A date outside the current year or before the decision needs `admin_reason` (a 管理员's
    reason, audited). With `output`, the PDF is on disk before success is reported."""
    require(db, Operation.issue)
    from nanmu_desktop.services.font_choice import fonts_for

    day = on or date.today()
    reason = admin_reason.strip()
    if reason:  # the exception to the issue-date rule is the 管理员's to give
        require(db, Operation.backdate)
    fonts = fonts_for(db)  # the fonts chosen in 设置, read before the write lock is taken
    if output is not None and output.is_dir():
        raise OutputError(f"无法写入文书文件“{output}”：这是一个文件夹。未签发，未占用文号。")
    partial = _partial_path(output) if output is not None else None
    with db.write_session() as session:
        key = issue_key(target, day)
        earlier = _issued_with_key(session, key)
        if earlier is not None:
            info = _info(session, earlier)
            if partial is not None:
                _write_partial(partial, earlier.pdf)
            found = True
        else:
            _check_day(session, target, day, reason)
            info = _issue(session, target, day, actor, key, reason, fonts, partial)
            found = False
    if output is not None and partial is not None:
        _publish(partial, output, info.number)
    if found:
        return IssuedDocumentInfo(**{**info.__dict__, "found_again": True})
    return info


def _issue(
    session: Session,
    target: DocumentTarget,
    day: date,
    actor: str,
    key: str,
    reason: str,
    fonts: FontSet,
    partial: Path | None,
) -> IssuedDocumentInfo:
    from nanmu_desktop.documents.render import render_notice

    # Composed first: it refuses a case in the wrong state, and its format (文件 / 信函) picks
    # the series. The 审批表 takes no 文号, only its case's internal reference.
    notice = compose(session, target, day)
    numbered = draws_number(target.kind)
    if numbered:
        prefix = series_prefix(session, target.kind, notice.format)
        seq = last_seq(session, prefix, day.year, lock=True) + 1
        number = format_number(prefix, day.year, seq)
    else:
        prefix, seq, number = internal_reference(session, _case_number(session, target), day.year)
    notice = replace(notice, number=number, draft=False)
    if target.kind.is_decision and target.case_id is not None:
        _refuse_second_decision(session, target.case_id)
    pdf = render_notice(notice, fonts)  # refuses a character without a glyph
    if partial is not None:
        _write_partial(partial, pdf)  # on disk before the number is committed
    profile = load_profile(session)
    case_id = target.case_id
    if case_id is None and target.petition_id is not None:
        petition = session.get(Petition, target.petition_id)
        case_id = petition.case_id if petition else None
    signed_by = acting_name(session, actor)
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
        issued_by=signed_by,
        issued_at=_issued_at(day),
        issue_key=key,
    )
    session.add(row)
    session.flush()
    if numbered:
        session.add(NumberRegister(prefix=prefix, year=day.year, seq=seq, document_id=row.id,
                                   actor=signed_by))
    audit(
        session,
        actor,
        "issue",
        "issued_document",
        row.id,
        None,
        {
            "number": number,
            "kind": row.kind,
            "case_id": case_id,
            "sha256": row.sha256,
            # A drawn 文号 (never the 审批表's internal reference): `check` keeps the register's
            # high-water mark against these.
            **({"prefix": prefix, "year": day.year, "seq": seq} if numbered else {}),
            **({"admin_reason": reason} if reason else {}),
        },
    )
    session.flush()
    return _info(session, row)


def issue_in_session(
    session: Session, target: DocumentTarget, day: date, fonts: FontSet, actor: str
) -> IssuedDocumentInfo:
    """`issue_document` inside a write session the caller holds (several documents, one
    transaction: `services.decision_set`); the caller checks the role."""
    _check_day(session, target, day, "")
    return _issue(session, target, day, actor, issue_key(target, day), "", fonts, None)


def _issued_with_key(session: Session, key: str) -> IssuedDocument | None:
    """The valid document a retry is asking for again, if it was issued."""
    return session.scalars(
        select(IssuedDocument)
        .outerjoin(DocumentVoid, DocumentVoid.document_id == IssuedDocument.id)
        .where(IssuedDocument.issue_key == key, DocumentVoid.id.is_(None))
        .order_by(IssuedDocument.id.desc())
    ).first()


def _check_day(session: Session, target: DocumentTarget, day: date, reason: str) -> None:
    """A date outside this year, or before the decision it carries, needs a 管理员's reason."""
    if reason:
        if len(reason) > 500:
            raise ValidationError([Problem("管理员理由", "不能超过500字")])
        return
    today = date.today()
    if day.year != today.year:
        raise ValidationError(
            [Problem("成文日期", f"{day.isoformat()} 不在本年度（{today.year}年）内，"
                     "签发须由管理员说明理由")]
        )
    if target.case_id is not None:
        from nanmu_desktop.services.determinations import current_row

        decision = current_row(session, target.case_id)
        meeting = decision.meeting_date if decision is not None else None
        if meeting is not None and day < meeting and target.kind.is_decision:
            raise ValidationError(
                [Problem("成文日期", f"{day.isoformat()} 早于党委决定日期 {meeting.isoformat()}，"
                         "签发须由管理员说明理由")]
            )


def _partial_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.{os.getpid()}.part")


def _write_partial(partial: Path, pdf: bytes) -> None:
    try:
        with partial.open("wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise OutputError(
            f"无法写入文书文件“{partial.parent}”：{err.strerror or err}。未签发，未占用文号。"
        ) from err


def _publish(partial: Path, output: Path, number: str) -> None:
    try:
        os.replace(partial, output)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise OutputError(
            f"文书已签发为 {number}，但无法保存为“{output}”（{err.strerror or err}）；"
            f"请用 document show {number} -o 文件 重新导出。"
        ) from err


class OutputError(NanmuError):
    """The issued PDF could not be written where it was asked for."""


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
    require(db, Operation.void)
    problems = Problems()
    problems.text(reason, "作废理由", max_len=500, multiline=True)
    problems.raise_if_any()
    with db.write_session() as session:
        row = _by_number(session, number)
        if row.void is not None:
            raise ConflictError(
                f"文书“{row.number}”已于{chinese_date(row.void.voided_at)}作废，不能重复作废。"
            )
        void = DocumentVoid(
            document_id=row.id, reason=reason.strip(), actor=acting_name(session, actor)
        )
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


def _case_number(session: Session, target: DocumentTarget) -> str:
    case = session.get(Case, target.case_id) if target.case_id is not None else None
    if case is None:
        raise ConflictError("审批表须依附于一个容错纠错案件，请先选择案件。")
    return case.number


def _by_number(session: Session, number: str) -> IssuedDocument:
    internal = session.scalars(
        select(IssuedDocument).where(IssuedDocument.number == number.strip())
    ).first()
    if internal is not None and not draws_number(DocumentKind(internal.kind)):
        return internal  # a 审批表 by its internal reference
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
        voided_by=void.actor if void else "",
    )
