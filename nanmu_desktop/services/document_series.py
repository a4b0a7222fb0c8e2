"""Which number a document takes: each series (代字) its own register per year.

文件-format kinds draw from their kind's 代字 (鄂政发 by default); letters (信函: the 反馈函, and
the 告知书 to a party in person) from a letter series (鄂政函 by default, derived from the
township's 代字); the 审批表 is an internal form and draws no 文号 at all — it is filed under
its case number (RC-2026-001审批表, then …审批表-2 for a reissue), outside the 发文 register."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.settings import UNNUMBERED_KINDS, profile_info, read_profile, series_key
from nanmu_desktop.storage.numbering import last_document_seq

INTERNAL_SUFFIX = "审批表"


def draws_number(kind: DocumentKind) -> bool:
    return kind.value not in UNNUMBERED_KINDS


def series_prefix(session: Session, kind: DocumentKind, document_format: str) -> str:
    """The 代字 a document of `kind` in `document_format` ("file" / "letter") draws from."""
    return profile_info(read_profile(session)).prefix_for(series_key(kind.value, document_format))


def internal_reference(session: Session, case_number: str, year: int) -> tuple[str, int, str]:
    """(prefix, seq, reference) of an internal form filed under its case: never a 代字 (case
    numbers are not Chinese characters), so it can never meet a 发文 register."""
    seq = last_document_seq(session, case_number, year) + 1
    reference = f"{case_number}{INTERNAL_SUFFIX}" + (f"-{seq}" if seq > 1 else "")
    return case_number, seq, reference
