"""Issuing through the service on a real SQLite file: numbers, frozen bytes, voids, refusals."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from issuing_db import add_case, new_database

from nanmu_desktop.documents.glyphs import MissingGlyphError
from nanmu_desktop.domain.vocabulary import DocumentKind as K
from nanmu_desktop.errors import ConflictError, NotFoundError, ValidationError
from nanmu_desktop.services.documents import DocumentTarget, draft_pdf
from nanmu_desktop.services.issuing import (
    document_pdf,
    issue_document,
    list_documents,
    next_number,
    void_document,
)
from nanmu_desktop.storage.db import Database

DAY = date(2026, 1, 12)


def pdf_text(pdf: bytes) -> str:
    """The text of every page without the (very large) draft watermark, whitespace removed."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [p.filter(lambda o: o.get("size", 0) < 100).extract_text() for p in doc.pages]
    return "".join("".join(pages).split())


def counts(db: Database) -> tuple[int, int, int]:
    with sqlite3.connect(db.path) as raw:
        return tuple(  # type: ignore[return-value]
            raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("issued_documents", "number_register", "audit_log")
        )


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_database(tmp_path / "nanmu.sqlite3")


def test_numbers_are_drawn_in_order_without_gaps_per_prefix_and_year(db: Database) -> None:
    case_id = add_case(db)
    assert next_number(db, K.exemption_decision, DAY) == "鄂政发〔2026〕1号"
    targets = (DocumentTarget(K.exemption_decision, case_id),
               DocumentTarget(K.notification, case_id),
               DocumentTarget(K.determination_worksheet, case_id),
               DocumentTarget(K.notification, case_id, recipient="综合行政执法办公室"))
    numbers = [issue_document(db, target, on=DAY).number for target in targets]
    # The 审批表 takes no 文号: the register goes on without a gap.
    assert numbers == ["鄂政发〔2026〕1号", "鄂政发〔2026〕2号", "RC-2026-001审批表",
                       "鄂政发〔2026〕3号"]
    later = issue_document(db, DocumentTarget(K.notification, case_id), on=date(2027, 1, 4),
                           admin_reason="跨年补登")
    assert later.number == "鄂政发〔2027〕1号"
    with sqlite3.connect(db.path) as raw:
        seqs = raw.execute(
            "SELECT seq FROM number_register WHERE prefix='鄂政发' AND year=2026 ORDER BY seq"
        ).fetchall()
    assert [s for (s,) in seqs] == [1, 2, 3]


def test_each_kind_may_have_its_own_prefix(tmp_path: Path) -> None:
    db = new_database(tmp_path / "p.sqlite3", prefixes={"notification": "南木告"})
    case_id = add_case(db)
    first = issue_document(db, DocumentTarget(K.notification, case_id), on=DAY)
    other = issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    assert (first.number, other.number) == ("南木告〔2026〕1号", "鄂政发〔2026〕1号")


def test_issued_pdf_carries_its_number_and_reprints_identically(db: Database) -> None:
    case_id = add_case(db)
    info = issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    stored, pdf = document_pdf(db, info.number)
    again = document_pdf(db, info.number)[1]
    assert pdf == again and hashlib.sha256(pdf).hexdigest() == info.sha256 == stored.sha256
    text = pdf_text(pdf)
    assert "鄂政发〔2026〕1号" in text
    assert "依据第十条第一款第（四）项及第二款第（一）（二）（三）项" in text
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert not any(c["text"] == "草" and c["size"] > 100 for p in doc.pages for c in p.chars)


def test_draft_has_watermark_and_no_number(db: Database) -> None:
    case_id = add_case(db)
    pdf = draft_pdf(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        big = "".join(c["text"] for c in doc.pages[0].chars if c["size"] > 100)
    assert big == "草稿"
    assert "〔2026〕" not in pdf_text(pdf)
    assert counts(db)[:2] == (0, 0)  # a draft writes nothing


def test_void_keeps_the_number_with_its_reason(db: Database) -> None:
    case_id = add_case(db)
    info = issue_document(db, DocumentTarget(K.notification, case_id), on=DAY)
    with pytest.raises(ValidationError, match="作废理由"):
        void_document(db, info.number, "  ")
    voided = void_document(db, info.number, "主送单位填写错误")
    assert voided.voided and voided.void_reason == "主送单位填写错误"
    with pytest.raises(ConflictError, match="不能重复作废"):
        void_document(db, info.number, "再次作废")
    assert [(d.number, d.status_label) for d in list_documents(db)] == [(info.number, "已作废")]
    # The number is not given out again: the next document takes the next one.
    assert issue_document(db, DocumentTarget(K.notification, case_id), on=DAY).number.endswith(
        "〔2026〕2号"
    )
    assert document_pdf(db, info.number)[1]  # a voided document still reprints


def test_unknown_or_malformed_number(db: Database) -> None:
    with pytest.raises(NotFoundError, match="找不到文号"):
        void_document(db, "鄂政发〔2026〕9号", "x")
    with pytest.raises(ValidationError):
        document_pdf(db, "鄂政发[2026]9号")


def test_decision_document_before_the_committee_decision_is_refused(db: Database) -> None:
    case_id = add_case(db, decide=False)
    before = counts(db)
    with pytest.raises(ConflictError, match="党委研究决定"):
        issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    assert counts(db) == before
    # The worksheet is what the committee decides on: it may be issued before the decision.
    assert issue_document(db, DocumentTarget(K.determination_worksheet, case_id), on=DAY)


def test_wrong_decision_kind_is_refused_with_the_decided_outcome(db: Database) -> None:
    case_id = add_case(db)
    with pytest.raises(ConflictError, match="容错免责"):
        issue_document(db, DocumentTarget(K.non_tolerance_decision, case_id), on=DAY)


def test_a_character_no_font_has_is_refused_and_nothing_is_written(db: Database) -> None:
    case_id = add_case(db, officer_name="关\U0002a6d6某")  # CJK Ext-B: valid, in no bundled font
    before = counts(db)
    with pytest.raises(MissingGlyphError) as caught:
        issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    assert "U+2A6D6" in caught.value.message
    assert counts(db) == before
    with pytest.raises(MissingGlyphError):
        draft_pdf(db, DocumentTarget(K.notification, case_id), on=DAY)


def test_issue_writes_an_audit_row(db: Database) -> None:
    case_id = add_case(db)
    info = issue_document(db, DocumentTarget(K.notification, case_id), on=DAY, actor="王文书")
    with sqlite3.connect(db.path) as raw:
        row = raw.execute(
            "SELECT actor, action, entity_id FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert row == ("王文书", "issue", str(info.id))


def test_choices_say_which_kinds_fit_the_case_and_why_not(db: Database) -> None:
    from nanmu_desktop.services.documents import document_choices

    choices = {c.kind: c for c in document_choices(db, add_case(db), on=DAY)}
    assert set(choices) == set(K)
    assert choices[K.exemption_decision].ready and choices[K.notification].ready
    assert not choices[K.non_tolerance_decision].ready
    assert "容错免责" in choices[K.non_tolerance_decision].reason
    assert not choices[K.rectification_order].ready
    assert "纠错整改" in choices[K.rectification_order].reason
    assert not choices[K.report_feedback].ready


def test_a_decision_differing_from_the_proposal_cites_what_the_committee_relied_on(
    db: Database,
) -> None:
    from nanmu_desktop.services.decisions import DecisionInput, record_decision
    from nanmu_desktop.services.documents import draft_notice

    case_id = add_case(db, decide=False)  # proposal: 容错免责
    record_decision(
        db,
        case_id,
        DecisionInput(
            meeting_date=date(2026, 1, 10),
            attendees=("刘晓伟",),
            outcome="mitigated",
            leniency="lighter",
            measure="通报批评改为批评教育",
            reason="损失虽已挽回，但未及时报告",
        ),
    )
    with pytest.raises(ConflictError):
        draft_notice(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    notice = draft_notice(db, DocumentTarget(K.mitigation_decision, case_id), on=DAY)
    text = "".join(getattr(b, "text", "") for b in notice.body)
    assert "依据第十条第一款第（四）项的规定，决定对关某某同志从轻处理" in text
    assert "从轻的处理措施为：通报批评改为批评教育" in text
    assert "及第二款" not in text  # the decision cites 第一款 only; 第二款 is why not exempt
    sheet = draft_notice(db, DocumentTarget(K.determination_worksheet, case_id), on=DAY)
    cells = [c for b in sheet.body if hasattr(b, "rows") for row in b.rows for c in row]
    assert "损失虽已挽回，但未及时报告。" in cells
    assert "从轻处理（处理措施：通报批评改为批评教育）" in cells
    assert "第十条第一款第（四）项" in cells  # 决定依据: what was decided


def test_the_body_font_chosen_in_settings_is_the_one_issued_documents_embed(
    db: Database, tmp_path: Path
) -> None:
    from nanmu_desktop.documents.fonts import FontRole, fonts_dir
    from nanmu_desktop.services.font_choice import set_font_file

    chosen = tmp_path / "办公室仿宋.ttf"
    chosen.write_bytes((fonts_dir() / "WenKaiGB-Regular.ttf").read_bytes())
    set_font_file(db, FontRole.FANGSONG, chosen)
    case_id = add_case(db)
    info = issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    with pdfplumber.open(io.BytesIO(document_pdf(db, info.number)[1])) as doc:
        fonts = {c["fontname"].split("+")[-1] for p in doc.pages for c in p.chars}
    assert any(name.startswith("WenKaiGB-Regular") for name in fonts)
    assert "FandolFang-Regular-GB" not in fonts  # the automatic 仿宋 is not used
