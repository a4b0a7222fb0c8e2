"""`demo`, `cases`, `case show`, `case import`, `check` as processes, and every refusal."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, db_state, run_cli

IMPORT = {
    "cases": [
        {
            "source": "个人申请",
            "enforcement_type": "行政处罚",
            "field": "文化旅游",
            "occurred_on": "2026-11-05",
            "reported_on": "2026-11-18",
            "description": "对无证民宿作出责令停业决定，事后查明许可正在审批。",
            "officers": [
                {"name": "张海涛", "badge_number": "15-0783-00171", "department": "党政综合办公室"}
            ],
            "facts": {"art11": [1]},
        }
    ]
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled by `demo` once; tests that write use a copy."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    run = run_cli("--db", path, "demo")
    assert run.code == 0, run.err
    assert "已写入演示数据" in run.out
    return path


def _copy(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo_db, target)
    return target


def test_demo_then_check_passes(demo_db: Path) -> None:
    run = run_cli("--db", demo_db, "check")
    assert run.code == 0, run.out + run.err
    assert "全部通过" in run.out


def test_check_fails_on_a_tampered_audit_chain(demo_db: Path, tmp_path: Path) -> None:
    import sqlite3

    copy = _copy(demo_db, tmp_path)
    with sqlite3.connect(copy) as con:
        con.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        triggers = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        ]
        for name in triggers:
            if "audit" in name:
                con.execute(f"DROP TRIGGER {name}")
        con.execute("UPDATE audit_log SET actor = '篡改者' WHERE id = 3")
    con.close()
    run = run_cli("--db", copy, "check")
    assert run.code == 1
    assert "未通过" in run.out


def test_cases_json_lists_the_demo_cases(demo_db: Path) -> None:
    run = run_cli("--db", demo_db, "cases", "--json")
    assert run.code == 0, run.err
    rows = json.loads(run.out)
    assert len(rows) == 12
    assert [r["number"] for r in rows][:2] == ["RC-2026-001", "RC-2026-002"]
    assert {r["outcome"] for r in rows if r["outcome"]} == {
        "exempt",
        "mitigated",
        "duty_fulfilled",
        "not_tolerated",
    }


def test_cases_text_table_has_chinese_headers(demo_db: Path) -> None:
    run = run_cli("--db", demo_db, "cases")
    assert run.code == 0
    header = run.out.splitlines()[0]
    for title in (
        "案件编号",
        "当事执法人员",
        "科室",
        "来源",
        "领域",
        "发生日期",
        "状态",
        "认定结果",
    ):
        assert title in header
    assert "共 12 件" in run.out


def test_case_show_text_and_json(demo_db: Path) -> None:
    text = run_cli("--db", demo_db, "case", "show", "RC-2026-001")
    assert text.code == 0
    for expected in (
        "关永军",
        "容错免责",
        "第十条第一款第（四）项",
        "不作为执法错误认定",
        "已销号",
    ):
        assert expected in text.out
    data = json.loads(run_cli("--db", demo_db, "case", "show", "1", "--json").out)
    assert data["number"] == "RC-2026-001"
    # Decided on 2026-02-10: the 7th day, the 17th, is 春节 → the first working day after it.
    assert data["determination"]["notification_deadline"] == "2026-02-24"
    assert data["rectification_orders"][0]["extensions"][0]["status"] == "approved"


def test_demo_refuses_a_database_with_cases(demo_db: Path, tmp_path: Path) -> None:
    copy = _copy(demo_db, tmp_path)
    before = db_state(copy)
    run = run_cli("--db", copy, "demo")
    assert_refused(run)
    assert "已有 12 件案件" in run.err
    assert db_state(copy) == before


def test_import_writes_cases(demo_db: Path, tmp_path: Path) -> None:
    copy = _copy(demo_db, tmp_path)
    source = tmp_path / "cases.json"
    source.write_text(json.dumps(IMPORT, ensure_ascii=False), encoding="utf-8")
    run = run_cli("--db", copy, "case", "import", source)
    assert run.code == 0, run.err
    assert "已导入 1 件案件（RC-2026-013）" in run.out
    shown = json.loads(run_cli("--db", copy, "case", "show", "RC-2026-013", "--json").out)
    assert shown["determination"]["outcome"] == "mitigated"


def test_bad_import_lists_every_path_and_writes_nothing(demo_db: Path, tmp_path: Path) -> None:
    copy = _copy(demo_db, tmp_path)
    bad = json.loads(json.dumps(IMPORT))
    bad["cases"][0]["occurred_on"] = "昨天"
    bad["cases"][0]["officers"][0]["badge_number"] = "15-0783-00112"  # 关永军's
    bad["cases"].append({"source": "个人申请", "officers": [{"badge_number": 5}]})
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    before = db_state(copy)
    run = run_cli("--db", copy, "case", "import", source)
    assert_refused(run)
    for path in (
        "cases[0].occurred_on",
        "cases[1].enforcement_type",
        "cases[1].description",
        "cases[1].officers[0].name",
        "cases[1].officers[0].badge_number",
    ):
        assert path in run.err
    assert db_state(copy) == before


def test_unknown_case_and_malformed_import(demo_db: Path, tmp_path: Path) -> None:
    copy = _copy(demo_db, tmp_path)
    before = db_state(copy)
    unknown = run_cli("--db", copy, "case", "show", "RC-2026-999")
    assert_refused(unknown)
    assert "找不到案件" in unknown.err
    source = tmp_path / "broken.json"
    source.write_text('{"cases": [', encoding="utf-8")
    assert_refused(run_cli("--db", copy, "case", "import", source))
    assert_refused(run_cli("--db", copy, "case", "import", tmp_path / "absent.json"))
    assert db_state(copy) == before


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n", b"SQLite format 3\x00" + b"\x07" * 4000],
    ids=["not-sqlite", "corrupt"],
)
def test_a_file_that_is_not_a_usable_database_is_refused_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "nanmu.sqlite3"
    path.write_bytes(content)
    for args in (("cases",), ("check",), ("demo",)):
        run = run_cli("--db", path, *args)
        assert_refused(run)
        assert str(path.name) in run.err
    assert path.read_bytes() == content


def test_unusable_path_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    run = run_cli("--db", blocker / "nanmu.sqlite3", "cases")
    assert_refused(run)
    assert not (blocker / "nanmu.sqlite3").exists()


def test_nanmu_db_environment_is_the_default(demo_db: Path) -> None:
    run = run_cli("cases", "--json", env={"NANMU_DB": str(demo_db)})
    assert run.code == 0 and len(json.loads(run.out)) == 12


def test_subcommands_never_import_qt(demo_db: Path, tmp_path: Path) -> None:
    copy = _copy(demo_db, tmp_path)
    source = tmp_path / "cases.json"
    source.write_text(json.dumps(IMPORT, ensure_ascii=False), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    calls = [
        ["--db", str(fresh), "demo"],
        ["--db", str(copy), "cases"],
        ["--db", str(copy), "case", "show", "RC-2026-001"],
        ["--db", str(copy), "case", "import", str(source)],
        ["--db", str(copy), "check"],
    ]
    code = (
        "import sys, contextlib, io\n"
        "from nanmu_desktop.cli.main import main\n"
        f"for argv in {calls!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(argv) == 0, argv\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
