"""套打 from the services: an issued document drawn for 红头纸 only while its normal drawing is
the frozen file itself; a draft at any time."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from issuing_db import add_case, new_database

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import get_case, update_case
from nanmu_desktop.services.document_context import DocumentTarget
from nanmu_desktop.services.issuing import document_pdf, issue_document
from nanmu_desktop.services.preprinted import preprinted_draft, preprinted_issued

RED = (0.0, 1.0, 1.0, 0.0)  # the red head's CMYK in the engine


def _red_objects(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        shapes = [*page.chars, *page.rects, *page.lines]
        return sum(1 for o in shapes if tuple(o.get("non_stroking_color") or ()) == RED
                   or tuple(o.get("stroking_color") or ()) == RED)


def _words(pdf: bytes) -> list[tuple[str, int, int]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(w["text"], round(w["x0"]), round(w["top"])) for w in doc.pages[-1].extract_words()]


def test_an_issued_document_prints_on_red_head_paper_exactly_in_place(tmp_path: Path) -> None:
    db = new_database(tmp_path / "nanmu.sqlite3")
    case_id = add_case(db)
    issued = issue_document(db, DocumentTarget(DocumentKind.exemption_decision, case_id),
                            on=date.today())
    frozen = document_pdf(db, issued.number)[1]
    plain = preprinted_issued(db, issued.number)
    assert _red_objects(frozen) > 0 and _red_objects(plain) == 0
    assert _words(plain) == _words(frozen)  # the body, signature and 版记 stay in place

    detail = get_case(db, case_id)
    update_case(db, case_id, CaseInput(
        source=detail.source, enforcement_type=detail.enforcement_type, field=detail.field,
        occurred_on=detail.occurred_on, reported_on=detail.reported_on,
        description=detail.description + "（补充）", officer_ids=tuple(
            o.officer.id for o in detail.officers)))
    with pytest.raises(ConflictError, match="套打"):
        preprinted_issued(db, issued.number)  # it would no longer be what was issued


def test_a_draft_prints_for_red_head_paper(tmp_path: Path) -> None:
    db = new_database(tmp_path / "nanmu.sqlite3")
    case_id = add_case(db)
    pdf = preprinted_draft(db, DocumentTarget(DocumentKind.exemption_decision, case_id))
    assert _red_objects(pdf) == 0
