"""Documents from the store: compose the kind's `Notice` for a case or petition and render a
draft (草稿 watermark, no number); say which kinds fit a case now. Issuing lives in
`services/issuing.py`; reading the store into a `DocumentContext` in `document_context.py`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from nanmu_desktop.documents.kinds import build_notice
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, Problem, ValidationError
from nanmu_desktop.services.document_context import PETITION_KINDS, DocumentTarget, gather_context
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database

__all__ = [
    "PETITION_KINDS",
    "DocumentTarget",
    "KindChoice",
    "compose",
    "document_choices",
    "draft_notice",
    "draft_pdf",
    "parse_kind",
]


@dataclass(frozen=True)
class KindChoice:
    """Whether a kind can be drawn up for a case now, and if not, why (in Chinese)."""

    kind: DocumentKind
    label: str
    ready: bool
    reason: str = ""


def document_choices(db: Database, case_id: int, on: date | None = None) -> list[KindChoice]:
    """Every kind for the case, each ready or with the reason it is not (for the 文书 page)."""
    day = on or date.today()
    choices: list[KindChoice] = []
    with db.session() as session:
        for kind in DocumentKind:
            try:
                compose(session, DocumentTarget(kind, case_id=case_id), day)
            except ConflictError as err:
                choices.append(KindChoice(kind, kind.label, False, err.message))
            else:
                choices.append(KindChoice(kind, kind.label, True))
    return choices


def parse_kind(text: str) -> DocumentKind:
    """A kind by id (exemption-decision) or Chinese name (容错免责决定书)."""
    for kind in DocumentKind:
        if text in (kind.value, kind.label):
            return kind
    names = "、".join(k.value for k in DocumentKind)
    raise ValidationError([Problem("文书种类", f"不认识“{text}”，应为：{names}")])


def draft_notice(db: Database, target: DocumentTarget, on: date | None = None) -> Notice:
    """The draft `Notice` (no number) of `target`, as it would be issued on `on` (today)."""
    with db.session() as session:
        return compose(session, target, on or date.today())


def draft_pdf(db: Database, target: DocumentTarget, on: date | None = None) -> bytes:
    """The draft's PDF: same layout as the issued document, 草稿 watermark, no number."""
    from nanmu_desktop.documents.render import render_notice
    from nanmu_desktop.services.font_choice import fonts_for

    return render_notice(draft_notice(db, target, on), fonts_for(db))


def compose(
    session: Session, target: DocumentTarget, on: date, number: str | None = None
) -> Notice:
    """Read `target` in `session` and build its `Notice` (refusing an unfit state): a draft
    without `number`, else the document as issued under that number."""
    problems = Problems()
    if target.recipient is not None:  # typed by the clerk (--to, 主送): the text rule holds
        problems.text(target.recipient, "主送对象", max_len=200)
    for row_id, what in ((target.case_id, "案件序号"), (target.petition_id, "信访举报序号")):
        if row_id is not None:
            problems.integer(row_id, what, low=1)
    problems.raise_if_any()
    return build_notice(replace(gather_context(session, target, on), number=number))
