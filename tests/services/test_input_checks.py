"""Services refuse text and numbers that cannot be stored or printed, naming the field, and
write nothing; the 台账 still exports data stored before these checks existed."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import NotFoundError, ValidationError
from nanmu_desktop.services.case_import import import_cases
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import find_case, get_case, register_case
from nanmu_desktop.services.documents import DocumentTarget, draft_notice
from nanmu_desktop.services.issuing import void_document
from nanmu_desktop.services.ledger import export_ledger, ledger_rows
from nanmu_desktop.services.officers import (
    OfficerInfo,
    OfficerInput,
    add_department,
    add_officer,
    ensure_default_departments,
)
from nanmu_desktop.services.settings import ProfileInput, get_profile, update_profile
from nanmu_desktop.services.validate import MAX_YUAN, Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Officer

from .conftest import audit_count, case_input


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("正常\u200b文字", "零宽字符（U+200B）"),
        ("\ufeff正常", "零宽字符（U+FEFF）"),
        ("正\u2060常", "零宽字符（U+2060）"),
        ("正常\u202e文字", "文字方向控制字符（U+202E）"),
        ("正常\x1b[0m", "控制字符（U+001B）"),
        ("正\x85常", "控制字符（U+0085）"),
        ("正\ud800常", "单独的代理码"),
        ("正\ue000常", "私用区字符（U+E000）"),
        ("正\U000f0000常", "私用区字符（U+F0000）"),
        ("正\ufdd0常", "无效字符（U+FDD0）"),
        ("第一行\n第二行", "不能换行"),
        ("姓名\t职务", "不能换行或含制表符"),
    ],
)
def test_text_refuses_invisible_and_unprintable_characters(value: str, message: str) -> None:
    problems = Problems()
    problems.text(value, "字段")
    assert len(problems.items) == 1
    assert problems.items[0].field == "字段" and message in problems.items[0].message


@pytest.mark.parametrize("value", ["\u200b", "\ufeff\u2060 ", " \u3000\u200d", "\u202f"])
def test_text_of_only_invisible_characters_counts_as_empty(value: str) -> None:
    problems = Problems()
    assert problems.text(value, "理由") == ""
    assert [str(p) for p in problems.items] == ["理由：不能为空"]
    optional = Problems()
    assert optional.text(value, "理由", required=False) == ""
    assert optional.items == []


def test_multiline_fields_keep_line_breaks_and_mongolian_keeps_its_joiners() -> None:
    problems = Problems()
    assert problems.text("第一段\n\t第二段\r\n第三段", "情况描述", multiline=True)
    mongolian = load_regulation().header_mongolian
    assert problems.text(mongolian, "蒙古文名称", mongolian=True) == mongolian
    assert problems.text("ᠨᠠᠮᠤ\u200dᠶ\u180b\u202fᠢᠨ\u180e", "蒙古文名称", mongolian=True)
    assert problems.items == []
    problems.text("南木\u200d镇", "单位名称")  # a joiner anywhere else is refused
    assert [p.field for p in problems.items] == ["单位名称"]


def test_too_large_loss_amount_is_refused_naming_the_field(db: Database, officer: OfficerInfo):
    before = audit_count(db)
    for amount in (Decimal("1e20"), MAX_YUAN + Decimal("0.01"), Decimal(10**5000)):
        with pytest.raises(ValidationError) as refused:
            register_case(db, case_input((officer.id,), loss_amount=amount))
        assert [(p.field, p.message) for p in refused.value.problems] == [
            ("损失金额", "损失金额过大，不能超过 9,999,999,999,999.99 元")
        ]
    assert audit_count(db) == before
    case = register_case(db, case_input((officer.id,), loss_amount=MAX_YUAN))
    assert get_case(db, case.id).loss_amount == MAX_YUAN  # the largest amount round-trips


def test_case_text_fields_are_all_checked(db: Database, officer: OfficerInfo) -> None:
    data = case_input(
        (officer.id,),
        title="标题\u200b",
        description="描述\x00",
        loss_text="损失\ue000",
        impact="影响\u2066",
        remedial_actions="第一条\n第二条",  # multi-line: fine
    )
    with pytest.raises(ValidationError) as refused:
        register_case(db, data)
    assert [p.field for p in refused.value.problems] == ["情况描述", "标题", "损失情况", "不良影响"]


def test_names_of_officers_and_departments_are_checked(db: Database) -> None:
    departments = ensure_default_departments(db)
    before = audit_count(db)
    with pytest.raises(ValidationError) as refused:
        add_officer(db, OfficerInput("关\u200b永军", departments[0].id, None, "鄂伦春族\x7f", ""))
    assert [p.field for p in refused.value.problems] == ["姓名", "民族"]
    with pytest.raises(ValidationError, match="科室名称：含有看不见的零宽字符"):
        add_department(db, "\u200c综合办")
    with pytest.raises(ValidationError, match="科室名称：不能为空"):
        add_department(db, "\u200b\u200b")
    assert audit_count(db) == before


def test_mongolian_township_name_with_joiners_is_saved(db: Database) -> None:
    name = load_regulation().header_mongolian + "\u200d"
    saved = update_profile(db, ProfileInput(name_zh="南木鄂温克族乡", name_mn=name))
    # Kept, joiner included; suffixes are joined with U+202F as Mongolian requires.
    assert saved.name_mn.endswith("\u200d")
    assert saved.name_mn.replace("\u202f", " ") == name
    with pytest.raises(ValidationError) as refused:
        update_profile(db, ProfileInput(name_zh="南木\u200d乡", default_cc=("县\x1b政府",)))
    assert [p.field for p in refused.value.problems] == ["单位名称", "默认抄送"]
    assert get_profile(db).name_zh == "南木鄂温克族乡"


def test_import_of_a_python_document_with_huge_numbers_is_refused(db: Database) -> None:
    ensure_default_departments(db)
    document = {
        "cases": [
            {
                "source": "个人申请",
                "enforcement_type": "行政检查",
                "field": "林业和草原",
                "occurred_on": "2026-01-05",
                "reported_on": "2026-01-08",
                "description": "雪天误封木材堆场",
                "loss_amount": 10**5000,
                "officers": [{"name": "关永军"}],
                "facts": {"art9": [10**5000]},
            }
        ]
    }
    before = audit_count(db)
    with pytest.raises(ValidationError) as refused:
        import_cases(db, document)
    fields = [p.field for p in refused.value.problems]
    assert "cases[0].loss_amount" in fields and "cases[0].facts.art9[0]" in fields
    assert audit_count(db) == before


def test_case_ids_beyond_sqlite_are_not_found(db: Database) -> None:
    for ref in ("9" * 19, "9" * 5000, "²", "٣"):
        with pytest.raises(NotFoundError):
            find_case(db, ref)
    with pytest.raises(NotFoundError, match="找不到案件"):
        get_case(db, 2**63)


def test_ledger_exports_old_data_with_control_characters(
    db: Database, officer: OfficerInfo, tmp_path: Path
) -> None:
    case = register_case(db, case_input((officer.id,), title="=HYPERLINK(\"http://x\")"))
    other = register_case(db, case_input((officer.id,)))
    with db.session() as session:  # as typed before the checks: straight into the table
        session.execute(
            update(Case).where(Case.id == other.id).values(description="雪天\x01误封\x1b木材\x7f")
        )
        # NUL only where old data can hold it: PostgreSQL's text refuses it outright.
        nul = "\x00" if db.backend.name == "sqlite" else "\x01"
        session.execute(update(Officer).values(name=f"关{nul}永\x0b军"))
    rows = ledger_rows(db)
    assert [r.summary for r in rows][1] == "雪天误封木材"
    assert rows[0].officers == "关永军"
    path = tmp_path / "台账.xlsx"
    assert export_ledger(db, path) == 2
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    first, second = (list(r) for r in sheet.iter_rows(min_row=2, values_only=True))
    assert first[1] == case.number
    assert first[9] == "=HYPERLINK(\"http://x\")"  # text, not a formula
    assert sheet.cell(row=2, column=10).data_type == "s"
    assert second[9] == "雪天误封木材"
    assert export_ledger(db, tmp_path / "台账.pdf") == 2


def test_void_reasons_and_addressees_follow_the_text_rule(db: Database, case: CaseDetail) -> None:
    with pytest.raises(ValidationError, match="作废理由：不能为空"):
        void_document(db, "鄂政发〔2026〕1号", "\u200b\u2060")
    with pytest.raises(ValidationError, match="作废理由：含有控制字符"):
        void_document(db, "鄂政发〔2026〕1号", "误\x08发")
    target = DocumentTarget(DocumentKind.determination_worksheet, case.id, recipient="县\u202e局")
    with pytest.raises(ValidationError, match="主送对象：含有看不见的文字方向控制字符"):
        draft_notice(db, target)


def test_ids_beyond_sqlite_are_refused_not_overflowed(db: Database, case: CaseDetail) -> None:
    huge = 10**30
    with pytest.raises(ValidationError, match="信访举报序号：应为 1 到 9223372036854775807"):
        draft_notice(db, DocumentTarget(DocumentKind.clarification, petition_id=huge))
    with pytest.raises(ValidationError, match="所选科室不存在"):
        add_officer(db, OfficerInput("关永军", huge, None, None, ""))
    with pytest.raises(ValidationError, match=f"执法人员（编号 {huge}）不存在"):
        register_case(db, case_input((huge,)))
