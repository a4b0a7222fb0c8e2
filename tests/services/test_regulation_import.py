"""A township's own regulation imported from the text as issued: structure, metadata, the diff
against the model, the rulebook attached only when the articles fit, picked per case by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nanmu_desktop.domain.regulation_diff import Change
from nanmu_desktop.domain.rulebook import UnsupportedRegulationError
from nanmu_desktop.errors import ConflictError, NanmuError
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.services.regulation_import import import_regulation, prepare_import
from nanmu_desktop.services.regulations import list_versions
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_actions, case_input
from .regulation_fixtures import NEIGHBOUR, NEIGHBOUR_NUMBER, neighbour_text, write_docx


def test_a_docx_regulation_is_read_with_its_structure_and_metadata(tmp_path: Path) -> None:
    preview = prepare_import(write_docx(tmp_path / "萨政发.docx", neighbour_text()))
    reg = preview.regulation
    assert reg.version == "2025-12" and reg.number == NEIGHBOUR_NUMBER
    assert reg.issuer == f"扎兰屯市{NEIGHBOUR}人民政府" and reg.signer == "王立新"
    assert reg.issue_date == reg.effective_date == date(2025, 3, 1)
    assert reg.header_mongolian == "" and reg.trial
    assert reg.title == f"{NEIGHBOUR}行政执法尽职尽责和容错纠错制度（试行）"
    assert [c.title for c in reg.chapters] == ["总则", "履职尽责", "容错纠错"]
    assert [len(p.items) for p in reg.article(10).paragraphs] == [8, 3]
    assert "法律法规调整" in reg.article(10).text  # the OCR page break is joined
    assert preview.usable and reg.rulebook is not None
    assert any("第十条：2款（第1款8项，第2款3项）" in line for line in preview.structure_lines())
    changed = {d.number: d for d in preview.diffs if d.change is not Change.same}
    assert set(changed) == {2, 13}  # the articles that name the township
    assert changed[2].change is Change.wording
    assert changed[2].detail == "“南木鄂伦春”→“萨马街鄂温克”"
    assert preview.summary == "与范本相同17条，不同2条：第二条、第十三条"


def test_the_imported_version_is_picked_for_cases_after_its_effective_date(
    tmp_path: Path, db: Database, officer: OfficerInfo
) -> None:
    preview = prepare_import(write_docx(tmp_path / "own.docx", neighbour_text()))
    import_regulation(db, preview)
    assert audit_actions(db, "regulation_version") == ["add"]
    later = register_case(db, case_input(
        (officer.id,), occurred_on=date(2025, 4, 2), reported_on=date(2025, 4, 3)))
    earlier = register_case(db, case_input(
        (officer.id,), occurred_on=date(2025, 1, 2), reported_on=date(2025, 1, 3)))
    assert save_proposal(db, later.id, J1_FACTS).regulation_version == "2025-12"
    assert save_proposal(db, earlier.id, J1_FACTS).regulation_version == "2024-127"
    versions = {v.version: v for v in list_versions(db)}
    assert versions["2025-12"].usable and versions["2025-12"].source == "数据库"
    with pytest.raises(ConflictError, match="已存在"):
        import_regulation(db, preview)


def test_a_different_article_10_is_reported_and_only_determination_is_refused(
    tmp_path: Path, db: Database, officer: OfficerInfo
) -> None:
    path = write_docx(tmp_path / "own.docx", neighbour_text(drop_art10_item=True))
    preview = prepare_import(path, version="2025-12-b", effective_date=date(2025, 3, 15))
    assert not preview.usable
    assert preview.problems == ("第十条第一款有7项，认定规则需要8项",)
    art10 = next(d for d in preview.diffs if d.number == 10)
    assert art10.change is Change.structure and art10.detail == "第一款：范本8项，本制度7项"
    import_regulation(db, preview)
    info = {v.version: v for v in list_versions(db)}["2025-12-b"]
    assert not info.usable and info.effective_date == date(2025, 3, 15)
    case = register_case(db, case_input(
        (officer.id,), occurred_on=date(2025, 4, 2), reported_on=date(2025, 4, 3)))
    assert case.id
    with pytest.raises(UnsupportedRegulationError, match="第十条第一款有7项，认定规则需要8项"):
        save_proposal(db, case.id, J1_FACTS)


def test_a_plain_text_file_and_bad_files(tmp_path: Path) -> None:
    txt = tmp_path / "own.txt"
    txt.write_text(neighbour_text(), encoding="gb18030")
    assert prepare_import(txt).regulation.number == NEIGHBOUR_NUMBER
    other = tmp_path / "own.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(NanmuError, match=r"只能导入 \.txt 或 \.docx"):
        prepare_import(other)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(NanmuError, match="不是有效的 Word"):
        prepare_import(broken)
    empty = tmp_path / "empty.txt"
    empty.write_text("关于做好工作的通知\n请各科室认真落实。\n", encoding="utf-8")
    with pytest.raises(NanmuError, match="未找到“第一章”"):
        prepare_import(empty)
