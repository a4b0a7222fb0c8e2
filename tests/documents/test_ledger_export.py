"""The 台账: Excel read back with openpyxl, PDF read back with pdfplumber, rows from the store."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from issuing_db import add_case, new_database
from openpyxl import load_workbook

from nanmu_desktop.documents.glyphs import MissingGlyphError
from nanmu_desktop.documents.ledger_model import COLUMNS, NOT_AN_ERROR, LedgerRow
from nanmu_desktop.documents.ledger_pdf import ledger_pdf
from nanmu_desktop.documents.ledger_xlsx import ledger_xlsx
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import issue_document, void_document
from nanmu_desktop.services.ledger import export_ledger, ledger_rows

ROW = LedgerRow(
    number="RC-2026-001",
    reported_on=date(2026, 1, 8),
    source="个人申请",
    officers="关永军",
    departments="综合行政执法办公室",
    field="林业和草原",
    enforcement_type="行政检查",
    occurred_on=date(2026, 1, 5),
    summary="暴雪天气下开展林业行政检查时查封木材堆放场",
    status="办结归档",
    outcome="容错免责",
    basis="第十条第一款第（四）项及第二款第（一）（二）（三）项",
    meeting_date=date(2026, 1, 10),
    rectification="已销号",
    documents="鄂政发〔2026〕1号",
    tolerated=True,
)


def test_excel_has_chinese_headers_frozen_widths_dates_and_article_14_marks() -> None:
    rows = [ROW, replace(ROW, number="RC-2026-002", outcome="不予容错", tolerated=False)]
    sheet = load_workbook(io.BytesIO(ledger_xlsx(rows))).active
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    for letter, column in zip("ABCDEFGHIJKLMNOPQ", COLUMNS, strict=True):
        assert sheet.column_dimensions[letter].width == column.excel_width
    first, second = (list(r) for r in sheet.iter_rows(min_row=2, values_only=True))
    assert first[0] == 1 and first[1] == "RC-2026-001"
    assert first[2].date() == date(2026, 1, 8)  # a real date, sortable in Excel
    assert first[-1] == NOT_AN_ERROR and second[-1] is None
    assert sheet.auto_filter.ref == "A1:Q3"


def test_pdf_is_landscape_with_the_header_on_every_page() -> None:
    rows = [replace(ROW, number=f"RC-2026-{n:03d}") for n in range(1, 41)]
    with pdfplumber.open(io.BytesIO(ledger_pdf(rows, date(2026, 12, 30)))) as doc:
        assert len(doc.pages) >= 2
        for page in doc.pages:
            assert page.width > page.height
            text = "".join((page.extract_text() or "").split())
            assert "案件编号登记日期当事执法人员" in text  # the repeated header row
            assert "第十四条" in text
        everything = "".join("".join((p.extract_text() or "").split()) for p in doc.pages)
    assert all(f"RC-2026-{n:03d}" in everything for n in range(1, 41))
    assert everything.count("不作为执法错误认定") == 40


def test_pdf_refuses_a_character_no_font_has() -> None:
    with pytest.raises(MissingGlyphError, match="U\\+F0001"):
        ledger_pdf([replace(ROW, officers="关\U000f0001")], date(2026, 12, 30))


def test_rows_from_the_store_mark_tolerated_cases_and_list_documents(tmp_path: Path) -> None:
    db = new_database(tmp_path / "nanmu.sqlite3")
    exempt = add_case(db)
    add_case(db, "莫日根", "15-0783-00125", decide=False)
    add_case(
        db,
        "郭春生",
        "15-0783-00160",
        facts={"exclusion": {"failure_to_perform": True, "harmed_rights": True}},
    )
    doc = issue_document(db, DocumentTarget(DocumentKind.exemption_decision, exempt))
    void_document(db, doc.number, "重新印发")
    rows = {r.officers: r for r in ledger_rows(db)}
    assert len(rows) == 3
    assert rows["关某某"].tolerated and rows["关某某"].outcome == "容错免责"
    assert rows["关某某"].basis == "第十条第一款第（四）项及第二款第（一）（二）（三）项"
    assert rows["关某某"].documents == f"{doc.number}（已作废）"
    assert rows["关某某"].departments == "综合行政执法办公室"
    assert not rows["郭春生"].tolerated and rows["郭春生"].outcome == "不予容错"
    # Undecided: the proposal, labelled as such, never passed off as a decision.
    assert rows["莫日根"].outcome == "建议：容错免责" and not rows["莫日根"].tolerated
    assert rows["莫日根"].basis.startswith("建议：第十条第一款第（四）项")

    target = tmp_path / "台账.xlsx"
    assert export_ledger(db, target) == 3
    assert load_workbook(target).active.max_row == 4
    with pytest.raises(ValidationError, match="xlsx"):
        export_ledger(db, tmp_path / "台账.csv")
