"""`nanmu-desktop determine`: the engine's JSON from a file or stdin, never a database."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, run_cli

J1 = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


def test_determine_from_file_prints_the_result_and_opens_no_database(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(J1), encoding="utf-8")
    db = tmp_path / "never.sqlite3"
    run = run_cli("--db", db, "determine", "--facts", facts)
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert {"outcome", "basis", "explanation", "why_not", "warnings", "regulation"} <= set(result)
    assert result["outcome"] == "exempt"
    assert result["basis"][0] == "第十条第一款第（四）项"
    assert "第十条第一款第（四）项" in run.out  # ensure_ascii=False
    assert not db.exists()


def test_determine_from_stdin_j2_not_tolerated() -> None:
    facts = {"exclusion": {"failure_to_perform": True, "harmed_rights": True}, "art11": [2]}
    run = run_cli("determine", "--facts", "-", stdin=json.dumps(facts))
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["outcome"] == "not_tolerated"
    assert any("第十二条" in b for b in result["basis"])
    assert result["warnings"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "不是有效的 JSON"),
        ("", "内容为空"),
        ('{"art10": [9], "colour": 1}', "art10"),
        ('{"art9": "1"}', "art9"),
        ("[1, 2]", ""),
    ],
)
def test_bad_facts_are_refused_in_chinese(tmp_path: Path, content: str, expected: str) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(content, encoding="utf-8")
    run = run_cli("determine", "--facts", facts)
    assert_refused(run)
    assert expected in run.err
    assert run.out == ""


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    missing = run_cli("determine", "--facts", tmp_path / "absent.json")
    assert_refused(missing)
    assert "找不到文件" in missing.err
    latin = tmp_path / "gbk.json"
    latin.write_bytes('{"reasons": {"art9.9": "其他"}}'.encode("gbk"))
    assert "UTF-8" in run_cli("determine", "--facts", latin).err


def test_usage_errors_are_chinese() -> None:
    run = run_cli("determine")
    assert_refused(run)
    assert "缺少必需的参数" in run.err and "--facts" in run.err
    unknown = run_cli("frobnicate")
    assert_refused(unknown)
    assert "无效" in unknown.err


def test_determine_imports_neither_sqlalchemy_nor_reportlab_nor_qt(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(J1), encoding="utf-8")
    code = (
        "import sys, contextlib, io\n"
        "from nanmu_desktop.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['determine', '--facts', {str(facts)!r}]) == 0\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'reportlab', 'PySide6', 'shiboken6')]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_interrupt_exits_130_without_traceback() -> None:
    """Ctrl+C while `determine --facts -` waits for input."""
    process = subprocess.Popen(
        [sys.executable, "-m", "nanmu_desktop", "determine", "--facts", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    time.sleep(1.5)  # let it start and block on stdin; no output is expected before
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "已中断" in err and "Traceback" not in err
    assert out == ""
