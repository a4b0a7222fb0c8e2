"""Departments and officers through Excel: template, export, import with a per-row report;
nothing written while a row is wrong unless the valid rows are accepted with the report saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services.officers import list_departments, list_officers
from nanmu_desktop.services.people_excel import (
    DEPARTMENT_HEADERS,
    OFFICER_HEADERS,
    apply_import,
    export_people,
    plan_import,
    write_template,
)
from nanmu_desktop.storage.db import Database

from .conftest import audit_count

OFFICERS = [
    ("张伟", "综合行政执法办公室", "执法队员", "汉族", "15-0783-00201", date(2027, 12, 31), "在用"),
    ("阿斯楞", "林草执法中队", "中队长", "蒙古族", "15-0783-00202", "2026/6/30", ""),
    ("巴特尔", "", "", "", "", None, "停用"),
]


def people_workbook(path: Path, officers: list[tuple[object, ...]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "科室"
    sheet.append(DEPARTMENT_HEADERS)
    sheet.append(("林草执法中队", "在用"))
    sheet = book.create_sheet("执法人员")
    sheet.append(OFFICER_HEADERS)
    for row in officers:
        sheet.append(row)
    book.save(path)
    return path


def test_template_has_the_headers_and_a_guide(tmp_path: Path) -> None:
    write_template(tmp_path / "模板.xlsx")
    book = load_workbook(tmp_path / "模板.xlsx")
    assert book.sheetnames == ["科室", "执法人员", "填写说明"]
    assert tuple(c.value for c in book["执法人员"][1]) == OFFICER_HEADERS
    assert book["执法人员"].max_row == 1


def test_all_valid_rows_are_imported_and_exported_back_in_pinyin_order(
    tmp_path: Path, db: Database
) -> None:
    plan = plan_import(db, people_workbook(tmp_path / "in.xlsx", OFFICERS))
    assert plan.problems == [] and plan.valid_rows == 4
    result = apply_import(db, plan)
    assert (result.departments_added, result.officers_added) == (1, 3)
    officers = {o.name: o for o in list_officers(db, include_inactive=True)}
    assert officers["阿斯楞"].badge_valid_until == date(2026, 6, 30)
    assert officers["阿斯楞"].department_name == "林草执法中队"
    assert not officers["巴特尔"].active
    export_people(db, tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx")
    names = [r[0] for r in book["执法人员"].iter_rows(min_row=2, values_only=True)]
    assert names == ["阿斯楞", "巴特尔", "张伟"] == sorted(names, key=pinyin_key)
    departments = [r[0] for r in book["科室"].iter_rows(min_row=2, values_only=True)]
    assert departments == sorted(departments, key=pinyin_key) and "林草执法中队" in departments
    # the export imports again without changes
    again = apply_import(db, plan_import(db, tmp_path / "out.xlsx"))
    assert (again.departments_added, again.officers_added, again.officers_updated) == (0, 0, 0)


def test_a_bad_row_writes_nothing_unless_the_valid_rows_are_accepted_with_the_report(
    tmp_path: Path, db: Database
) -> None:
    bad = [*OFFICERS, ("", "不存在科", "", "", "证号 12", "明年", "离职")]
    plan = plan_import(db, people_workbook(tmp_path / "in.xlsx", bad))
    assert [str(p) for p in plan.problems] == [
        "执法人员 第5行：姓名不能为空",
        "执法人员 第5行：执法证号只能由数字、字母和“-”组成（如 15-0783-00112）",
        "执法人员 第5行：执法证有效期“明年”不是日期（如 2027-12-31）",
        "执法人员 第5行：科室“不存在科”不存在，请先在“科室”页列出",
        "执法人员 第5行：状态“离职”应为 在用 或 停用",
    ]
    before, departments = audit_count(db), len(list_departments(db))
    with pytest.raises(ValidationError, match=r"第5行.*未导入任何内容"):
        apply_import(db, plan)
    with pytest.raises(NanmuError, match="必须先保存错误报告"):
        apply_import(db, plan, accept_valid=True)
    assert audit_count(db) == before and list_officers(db, include_inactive=True) == []
    assert len(list_departments(db)) == departments
    report = tmp_path / "报告.txt"
    result = apply_import(db, plan, accept_valid=True, report=report)
    assert (result.officers_added, result.skipped) == (3, 5)
    text = report.read_text(encoding="utf-8")
    assert "无误的行：4；有错误的行：5" in text and "执法人员 第5行：姓名不能为空" in text


def test_a_badge_held_by_someone_else_and_bad_files(tmp_path: Path, db: Database) -> None:
    apply_import(db, plan_import(db, people_workbook(tmp_path / "a.xlsx", OFFICERS)))
    clash = [("李娜", "", "", "", "15-0783-00201", None, "")]
    plan = plan_import(db, people_workbook(tmp_path / "b.xlsx", clash))
    assert [p.message for p in plan.problems] == ["执法证号 15-0783-00201 已登记给“张伟”"]
    (tmp_path / "x.xlsx").write_bytes(b"junk")
    with pytest.raises(NanmuError, match="不是有效的 Excel"):
        plan_import(db, tmp_path / "x.xlsx")
    with pytest.raises(NanmuError, match=r"只能导入 \.xlsx"):
        plan_import(db, tmp_path / "x.csv")
    book = Workbook()
    book.active.title = "执法人员"
    book.active.append(("姓名", "科室"))
    book.save(tmp_path / "cols.xlsx")
    with pytest.raises(NanmuError, match="缺少列：职务"):
        plan_import(db, tmp_path / "cols.xlsx")
