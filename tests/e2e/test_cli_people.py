"""`departments …` and `officers …` as processes: pinyin order, Excel round trip, and every
refusal one Chinese line with exit 2 and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from nanmu_desktop.domain.collation import pinyin_key
from tests.services.test_people_excel import OFFICERS, people_workbook

from .cli_helpers import assert_refused, db_state, run_cli


def test_departments_add_rename_retire_and_list(tmp_path: Path) -> None:
    db = tmp_path / "nanmu.sqlite3"
    assert run_cli("--db", db, "departments", "add", "林草执法中队").code == 0
    assert run_cli("--db", db, "departments", "rename", "林草执法中队", "林草中队").code == 0
    assert run_cli("--db", db, "departments", "retire", "林草中队").code == 0
    listing = run_cli("--db", db, "departments", "list", "--json")
    rows = json.loads(listing.out)
    names = [r["name"] for r in rows]
    assert names == sorted(names, key=pinyin_key) and len(names) == 7
    assert {r["name"]: r["active"] for r in rows}["林草中队"] is False
    before = db_state(db)
    for args in (("add", "党政综合办公室"), ("rename", "没有的科", "新名"),
                 ("retire", "林草中队"), ("add", " ")):
        run = run_cli("--db", db, "departments", *args)
        assert_refused(run)
        assert len(run.err.strip().splitlines()) == 1
    assert db_state(db) == before


def test_officers_import_export_template(tmp_path: Path) -> None:
    db = tmp_path / "nanmu.sqlite3"
    template = tmp_path / "模板.xlsx"
    assert run_cli("--db", db, "officers", "template", "-o", template).code == 0
    assert load_workbook(template).sheetnames == ["科室", "执法人员", "填写说明"]

    bad = people_workbook(tmp_path / "bad.xlsx", [*OFFICERS, ("", "", "", "", "", None, "离职")])
    refused = run_cli("--db", db, "officers", "import", bad)
    assert_refused(refused)
    assert "第5行" in refused.err and len(refused.err.strip().splitlines()) == 1
    assert_refused(run_cli("--db", db, "officers", "import", bad, "--accept-valid"))
    assert db_state(db)[1] == 0
    report = tmp_path / "report.txt"
    accepted = run_cli("--db", db, "officers", "import", bad, "--accept-valid", "--report", report)
    assert accepted.code == 0, accepted
    assert "执法人员：新增 3" in accepted.out and "第5行：姓名不能为空" in report.read_text("utf-8")

    listing = json.loads(run_cli("--db", db, "officers", "list", "--json").out)
    names = [o["name"] for o in listing]
    assert names == sorted(names, key=pinyin_key) == ["阿斯楞", "巴特尔", "张伟"]
    out = tmp_path / "out.xlsx"
    assert run_cli("--db", db, "officers", "export", "-o", out).code == 0
    exported = [r[0] for r in load_workbook(out)["执法人员"].iter_rows(min_row=2, values_only=True)]
    assert exported == names
    text = run_cli("--db", db, "officers", "list").out
    assert "15-0783-00202" in text and "2026-06-30" in text and "停用" in text
