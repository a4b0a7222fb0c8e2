"""套打: a print of a document on paper that already carries the red head (the red mark, the
Mongolian line and the red rules left out, everything else in place).

For an issued document the 套打 copy is drawn again under its number and date, and used only
when the normal drawing of that same composition is byte-for-byte the frozen issued file — so
the clerk prints exactly what was issued; if anything changed since (case data, fonts), it is
refused and the frozen file stays the record.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.document_context import DocumentTarget
from nanmu_desktop.services.documents import compose, draft_notice
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import IssuedDocument


def preprinted_draft(db: Database, target: DocumentTarget, on: date | None = None) -> bytes:
    """The draft (草稿 watermark, no number) for pre-printed 红头纸."""
    from nanmu_desktop.documents.render import render_notice
    from nanmu_desktop.services.font_choice import fonts_for

    return render_notice(draft_notice(db, target, on), fonts_for(db), preprinted=True)


def preprinted_issued(db: Database, number: str) -> bytes:
    """The issued document `number` for pre-printed 红头纸, proven equal to the frozen file."""
    from nanmu_desktop.documents.render import render_notice
    from nanmu_desktop.services.font_choice import fonts_for
    from nanmu_desktop.services.issuing import document_pdf

    info, _ = document_pdf(db, number)  # checks the frozen bytes against their digest
    fonts = fonts_for(db)
    with db.session() as session:
        row = session.get(IssuedDocument, info.id)
        assert row is not None
        notice = compose(session, _target(row), _issue_day(row), row.number)
    notice = replace(notice, number=row.number, draft=False)
    if hashlib.sha256(render_notice(notice, fonts)).hexdigest() != row.sha256:
        raise ConflictError(
            f"文书 {number} 签发后案件信息或字体已有变化，无法生成与签发文件完全一致的套打版；"
            "请打印签发文件（document show）。"
        )
    return render_notice(notice, fonts, preprinted=True)


def _issue_day(row: IssuedDocument) -> date:
    """The 成文日期 it was composed for (kept in the issue key; the stored time is UTC)."""
    parts = (row.issue_key or "").split("|")
    try:
        return date.fromisoformat(parts[3])
    except (IndexError, ValueError):
        return row.issued_at.date()


def _target(row: IssuedDocument) -> DocumentTarget:
    """The target the document was issued for (its addressee is kept in the issue key)."""
    parts = (row.issue_key or "").split("|")
    recipient = parts[4] if len(parts) > 4 and parts[4] else None
    return DocumentTarget(DocumentKind(row.kind), row.case_id, row.petition_id, recipient)
