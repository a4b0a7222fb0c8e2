"""A decision that departs from the proposal: the issued PDF, the worksheet, the Excel 台账 and
the 第十七条 statistics cite only what the committee decided (read back as a reader would)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
from issuing_db import add_case, new_database
from openpyxl import load_workbook

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.document_context import DocumentTarget
from nanmu_desktop.services.issuing import document_pdf, issue_document
from nanmu_desktop.services.ledger import export_ledger
from nanmu_desktop.services.statistics import recurring_citations
from nanmu_desktop.storage.db import Database

DAY = date(2026, 1, 20)
ART10_4 = "第十条第一款第（四）项"
CONDITIONS = "第十条第二款第（一）（二）（三）项"


def _pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join("".join((p.extract_text() or "").split()) for p in doc.pages)


def _overridden(tmp_path: Path) -> tuple[Database, int, int]:
    """One exempt proposal decided as 从轻 (a departure), one 第十一条 proposal declined."""
    db = new_database(tmp_path / "nanmu.sqlite3")
    lenient = add_case(db, decide=False)
    record_decision(db, lenient, DecisionInput(
        date(2026, 1, 12), ("刘晓伟",), outcome="mitigated", leniency="从轻",
        measure="通报批评改为批评教育", reason="损失虽已挽回，但未及时报告"))
    declined = add_case(db, "莫日根", "15-0783-00125", facts={"art11": [1]}, decide=False)
    record_decision(db, declined, DecisionInput(
        date(2026, 1, 12), ("刘晓伟",), outcome="not_tolerated", reason="事后才采取措施"))
    return db, lenient, declined


def test_issued_documents_cite_the_decision_not_the_proposal(tmp_path: Path) -> None:
    db, lenient, declined = _overridden(tmp_path)
    doc = issue_document(db, DocumentTarget(DocumentKind.mitigation_decision, lenient), on=DAY)
    text = _pdf_text(document_pdf(db, doc.number)[1])
    assert f"依据{ART10_4}的规定，决定对关某某同志从轻处理" in text
    assert CONDITIONS not in text and "予以容错免责" not in text
    refused = issue_document(
        db, DocumentTarget(DocumentKind.non_tolerance_decision, declined), on=DAY
    )
    text = _pdf_text(document_pdf(db, refused.number)[1])
    assert "依据第" not in text  # a declined 第十一条 leniency rests on no article
    assert "经研究决定不予从轻、减轻" in text and "事后才采取措施" in text
    sheet = issue_document(
        db, DocumentTarget(DocumentKind.determination_worksheet, lenient), on=DAY
    )
    text = _pdf_text(document_pdf(db, sheet.number)[1])
    assert f"决定依据{ART10_4}" in text and f"建议依据{ART10_4}及第二款" in text


def test_the_excel_ledger_and_the_statistics_read_the_decision(tmp_path: Path) -> None:
    db, _lenient, _declined = _overridden(tmp_path)
    target = tmp_path / "台账.xlsx"
    export_ledger(db, target)
    sheet = load_workbook(target).active
    rows = [[str(c.value or "") for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    basis = header.index(next(h for h in header if "依据" in h))
    outcome = header.index(next(h for h in header if "结果" in h or "结论" in h))
    by_officer = {r[header.index(next(h for h in header if "人员" in h))]: r for r in rows[1:]}
    assert by_officer["关某某"][basis] == ART10_4
    assert by_officer["关某某"][outcome].startswith("从轻处理")
    assert by_officer["莫日根"][basis] == "不援引条款"
    assert by_officer["莫日根"][outcome] == "不予容错"
    counted = {r.citation for r in recurring_citations(db, date(2026, 1, 1), DAY, min_count=2)}
    assert ART10_4 in counted
    assert not any(c.startswith("第十条第二款") or c.startswith("第十一条") for c in counted)
