"""Hostile input to `determine --facts` and `case import` as real processes: exit 2, one Chinese
line on stderr naming the place, no traceback, and nothing written to the database."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from nanmu_desktop.services.officers import ensure_default_departments
from nanmu_desktop.storage.db import open_database

from .cli_helpers import assert_refused, db_state, run_cli
from .test_cli_cases import IMPORT

DEEP = "[" * 100_000 + "]" * 100_000
# (file content, what the one stderr line must contain)
BAD_FACTS: dict[str, tuple[bytes, str]] = {
    "deep nesting": (DEEP.encode(), "嵌套超过 32 层"),
    "deep objects": (('{"a":' * 5_000 + "1" + "}" * 5_000).encode(), "第 1 行第 "),
    "duplicate key": (b'{"art9": [1], "art9": []}', "art9：键“art9”出现了两次"),
    "duplicate nested key": (
        b'{"art10_conditions": {"remedied": true, "remedied": false}}',
        "art10_conditions.remedied：",
    ),
    "huge integer": (b'{"art9": [' + b"7" * 5_000 + b"]}", "art9[0]：整数超过 15 位"),
    "NaN": (b'{"art9": [NaN]}', "art9[0]：“NaN”不是数字"),
    "Infinity": (b'{"art11": [-Infinity]}', "art11[0]：“-Infinity”不是数字"),
    "lone surrogate": (b'{"art9": [9], "reasons": {"art9.9": "\\ud800"}}', "reasons.art9.9："),
    "surrogate key": (b'{"\\udfff": 1}', "\\udfff：键名含有残缺的 Unicode 转义"),
    "invalid UTF-8": (b'{"art9": [9],\n "reasons": {"art9.9": "\xff\xfe"}}', "第 2 行"),
    "zero-width reason": (
        '{"art9": [9], "reasons": {"art9.9": "\u200b"}}'.encode(),
        "reasons.art9.9：选择了第九条第（九）项（其他情形），须写明具体理由",
    ),
    "control in reason": (
        b'{"art9": [9], "reasons": {"art9.9": "\\u001b[31m"}}',
        "reasons.art9.9：含有控制字符（U+001B）",
    ),
    "private use": (
        '{"art9": [9], "reasons": {"art9.9": "理由\ue000"}}'.encode(),
        "含有私用区字符（U+E000）",
    ),
}


def _one_line(run_err: str) -> str:
    lines = run_err.strip().splitlines()
    assert len(lines) == 1, run_err
    return lines[0]


@pytest.mark.parametrize("name", list(BAD_FACTS))
def test_determine_refuses_hostile_facts_with_one_chinese_line(name: str, tmp_path: Path) -> None:
    content, expected = BAD_FACTS[name]
    path = tmp_path / "facts.json"
    path.write_bytes(content)
    run = run_cli("determine", "--facts", path)
    assert_refused(run)
    assert expected in _one_line(run.err)
    assert run.out == ""


def test_determine_reads_hostile_facts_from_standard_input_too() -> None:
    run = run_cli("determine", "--facts", "-", stdin=DEEP)
    assert_refused(run)
    assert "标准输入：嵌套超过 32 层" in _one_line(run.err)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the default departments, so the valid import goes in."""
    path = tmp_path_factory.mktemp("bad-input") / "demo.sqlite3"
    database = open_database(path)
    ensure_default_departments(database)
    database.close()
    return path


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo database, where the valid import goes in."""
    path = tmp_path / "import.sqlite3"
    shutil.copyfile(demo_db, path)
    return path


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["deep nesting", "duplicate key", "huge integer", "NaN",
                                  "lone surrogate", "invalid UTF-8"])
def test_case_import_refuses_hostile_json_and_writes_nothing(
    name: str, db: Path, tmp_path: Path
) -> None:
    before = db_state(db)
    path = tmp_path / "bad.json"
    path.write_bytes(BAD_FACTS[name][0])
    run = run_cli("--db", db, "case", "import", path)
    assert_refused(run)
    _one_line(run.err)
    assert db_state(db) == before


def _case(**changes: object) -> dict[str, object]:
    document = copy.deepcopy(IMPORT)
    document["cases"][0].update(changes)  # type: ignore[index]
    return document


@pytest.mark.parametrize(
    ("document", "field", "message"),
    [
        (_case(loss_amount=1e20), "cases[0].loss_amount", "超出可保存的范围"),
        (_case(loss_amount=999_999_999_999_999), "cases[0].loss_amount", "损失金额过大"),
        (_case(loss_amount=-1), "cases[0].loss_amount", "损失金额不能为负数"),
        (_case(description="查封\u200b木材"), "cases[0].description", "零宽字符（U+200B）"),
        (_case(title="标题\x07"), "cases[0].title", "控制字符（U+0007）"),
        (_case(impact="影响\ue001"), "cases[0].impact", "私用区字符"),
        (
            _case(officers=[{"name": "张\u200d海涛", "department": "党政综合办公室"}]),
            "cases[0].officers[0].name",
            "零宽字符（U+200D）",
        ),
        (
            _case(facts={"art11": [3], "reasons": {"art11.3": "\ufeff \u2060"}}),
            "cases[0].facts.reasons.art11.3",
            "须写明具体理由",
        ),
    ],
)
def test_case_import_names_each_bad_value_and_writes_nothing(
    document: object, field: str, message: str, db: Path, tmp_path: Path
) -> None:
    before = db_state(db)
    run = run_cli("--db", db, "case", "import", _write(tmp_path / "bad.json", document))
    assert_refused(run)
    assert field in run.err and message in run.err, run.err
    assert db_state(db) == before
    good = run_cli("--db", db, "case", "import", _write(tmp_path / "ok.json", IMPORT))
    assert good.code == 0, good.err  # the same file without the bad value goes in


def test_case_show_with_an_id_beyond_sqlite_says_not_found(demo_db: Path) -> None:
    db = demo_db
    for ref in ("9" * 30, "9" * 5_000, "²"):
        run = run_cli("--db", db, "case", "show", ref)
        assert_refused(run)
        assert "找不到案件" in _one_line(run.err)


@pytest.mark.parametrize(
    "args",
    [
        ("case", "show", "\udcff\x1b[31m"),  # bytes 0xff: not UTF-8, reaches Python as U+DCFF
        ("document", "void", "鄂政发〔2026〕1号", "--reason", "误发\udcfe"),
    ],
)
def test_arguments_that_are_not_utf8_are_refused(args: tuple[str, ...], db: Path) -> None:
    before = db_state(db)
    run = run_cli("--db", db, *args)
    assert_refused(run)
    assert "含有无法识别的字节" in _one_line(run.err)
    assert db_state(db) == before


def test_control_characters_of_the_input_are_shown_not_sent_to_the_terminal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"\\u001b[2J\\nart9": [1]}', encoding="utf-8")
    run = run_cli("determine", "--facts", path)
    assert_refused(run)
    assert _one_line(run.err) == "错误：\\x1b[2J\\x0aart9：未知字段"
    assert "\x1b" not in run.err
