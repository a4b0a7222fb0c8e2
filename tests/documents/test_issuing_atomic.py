"""Issuing that cannot half-happen: the PDF is on disk before the number is committed, a retry
finds the issued document, dates outside this year or before the decision need a reason, and
case numbers count on past 999."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from issuing_db import add_case, new_database

from nanmu_desktop.domain.vocabulary import DocumentKind as K
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services.case_list import list_cases
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import get_case, register_case
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import document_pdf, issue_document, void_document
from nanmu_desktop.storage.case_search import CaseQuery
from nanmu_desktop.storage.db import Database

DAY = date(2026, 1, 12)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_database(tmp_path / "nanmu.sqlite3")


def registered(db: Database) -> int:
    with sqlite3.connect(db.path) as raw:
        return int(raw.execute("SELECT count(*) FROM number_register").fetchone()[0])


def test_an_unwritable_output_takes_no_number(db: Database, tmp_path: Path) -> None:
    case_id = add_case(db)
    folder_as_file = tmp_path / "out.pdf"
    folder_as_file.mkdir()  # -o names a folder: the PDF cannot be written there
    target = DocumentTarget(K.notification, case_id)
    for output in (folder_as_file, tmp_path / "missing" / "x.pdf"):
        with pytest.raises(NanmuError, match="未签发，未占用文号"):
            issue_document(db, target, on=DAY, output=output)
    assert registered(db) == 0
    good = tmp_path / "ok.pdf"
    info = issue_document(db, target, on=DAY, output=good)
    assert info.number == "鄂政发〔2026〕1号"  # the failed attempt took nothing
    assert good.read_bytes() == document_pdf(db, info.number)[1]
    assert not list(tmp_path.glob(".*.part"))


def test_a_retry_finds_the_issued_document_instead_of_a_new_number(
    db: Database, tmp_path: Path
) -> None:
    case_id = add_case(db)
    target = DocumentTarget(K.notification, case_id)
    first = issue_document(db, target, on=DAY)
    again = issue_document(db, target, on=DAY, output=tmp_path / "again.pdf")
    assert (again.number, again.found_again, first.found_again) == (first.number, True, False)
    assert (tmp_path / "again.pdf").read_bytes() == document_pdf(db, first.number)[1]
    assert registered(db) == 1
    void_document(db, first.number, "送达对象有误")
    assert issue_document(db, target, on=DAY).number == "鄂政发〔2026〕2号"  # voided: new one


def test_other_years_and_days_before_the_decision_need_an_admin_reason(db: Database) -> None:
    case_id = add_case(db)
    decision = DocumentTarget(K.exemption_decision, case_id)
    with pytest.raises(ValidationError, match="不在本年度"):
        issue_document(db, decision, on=date(2020, 1, 1))
    with pytest.raises(ValidationError, match="早于党委决定日期"):
        issue_document(db, decision, on=date(2026, 1, 9))
    assert registered(db) == 0
    info = issue_document(db, decision, on=date(2026, 1, 9), admin_reason="补登：会议纪要后补")
    assert info.number == "鄂政发〔2026〕1号"
    with sqlite3.connect(db.path) as raw:
        (after,) = raw.execute(
            "SELECT after_json FROM audit_log WHERE action = 'issue'").fetchone()
    assert "补登：会议纪要后补" in after


def test_case_numbers_count_on_past_999(db: Database) -> None:
    case_id = add_case(db)
    with sqlite3.connect(db.path) as raw:
        raw.execute("UPDATE cases SET number = 'RC-2026-999' WHERE id = ?", (case_id,))
    template = get_case(db, case_id)
    data = CaseInput(source=template.source, enforcement_type=template.enforcement_type,
                     field=template.field, occurred_on=template.occurred_on,
                     reported_on=template.reported_on, description=template.description,
                     officer_ids=tuple(o.officer.id for o in template.officers))
    numbers = [register_case(db, data).number for _ in range(2)]
    assert numbers == ["RC-2026-1000", "RC-2026-1001"]
    listed = list_cases(db, CaseQuery(sort="number", descending=False, limit=10)).rows
    assert [r.number for r in listed] == ["RC-2026-999", "RC-2026-1000", "RC-2026-1001"]
