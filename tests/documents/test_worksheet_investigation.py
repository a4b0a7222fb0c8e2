"""The 审批表 read back from real PDFs: a determination without 调查核实 prints the warning
under 提示事项 (it is not blocked); once recorded, the investigation is printed and the warning
gone; 第十一条 in a 第十二条 case is printed as 追责情节, beside — never in — the basis."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from issuing_db import add_case, new_database
from page_samples import open_pdf

from nanmu_desktop.domain.vocabulary import DocumentKind as K
from nanmu_desktop.services.documents import DocumentTarget, draft_pdf
from nanmu_desktop.services.investigations import InvestigationInput, record_investigation
from nanmu_desktop.services.officers import OfficerInput, add_officer, list_officers
from nanmu_desktop.storage.db import Database

DAY = date(2026, 1, 12)


def _text(db: Database, case_id: int) -> str:
    pdf = draft_pdf(db, DocumentTarget(K.determination_worksheet, case_id), DAY)
    with open_pdf(pdf) as doc:
        assert len(doc.pages) == 1
        return "".join("".join((p.extract_text() or "").split()) for p in doc.pages)


def test_the_missing_investigation_is_warned_on_the_worksheet_then_printed(
    tmp_path: Path,
) -> None:
    db = new_database(tmp_path / "w.sqlite3")
    case_id = add_case(db, decide=False)
    text = _text(db, case_id)
    assert "调查核实未录入" in text and "提示事项未录入调查核实情况" in text

    first = list_officers(db)[0]
    other = add_officer(db, OfficerInput("郭春生", first.department_id, "15-0783-00013"))
    record_investigation(db, case_id, InvestigationInput(
        (first.id, other.id), date(2026, 1, 8), date(2026, 1, 9),
        "许可证在有效期内，查封当日即解封。", ("询问笔录2份", "许可证复印件")))
    text = _text(db, case_id)
    assert "2026年1月8日至2026年1月9日，调查人员：关某某、郭春生" in text
    assert "①询问笔录2份；②许可证复印件" in text
    assert "未录入调查核实情况" not in text


def test_art11_of_an_art12_case_is_printed_as_accountability_not_basis(tmp_path: Path) -> None:
    db = new_database(tmp_path / "w.sqlite3")
    facts = {"exclusion": {"failure_to_perform": True, "harmed_rights": True}, "art11": [1]}
    case_id = add_case(db, facts=facts)
    text = _text(db, case_id)
    assert "建议依据第十二条追责情节第十一条第（一）项：追究责任时可以从轻或者减轻" in text
    assert "决定依据第十二条" in text and "决定依据第十二条、" not in text
