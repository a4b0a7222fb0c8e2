"""`township show|set` as real processes: an office scripts its set-up; refusals write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, run_cli


def _show(db: Path) -> dict[str, object]:
    run = run_cli("--db", db, "township", "show", "--json")
    assert run.code == 0, run
    data: dict[str, object] = json.loads(run.out)
    return data


def test_set_then_show_a_zhen(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite3"
    run = run_cli(
        "--db", db, "township", "set", "--name", "巴彦托海镇人民政府", "--type", "镇",
        "--prefix", "巴政发", "--prefix-for", "容错认定结果告知书=巴政告", "--signer", "其其格",
        "--issuer", "巴彦托海镇党政综合办公室", "--cc", "旗司法局,镇纪委", "--counting", "工作日",
    )
    assert run.code == 0, run
    data = _show(db)
    assert data["township_type"] == "zhen"
    assert data["wording"] == {
        "unit": "镇", "party_committee": "镇党委", "we": "我镇", "government": "镇人民政府",
        "government_short": "镇政府", "whole": "全镇", "own_departments": "镇属各科室",
        "villages": "各村（社区）",
    }
    prefixes = data["prefixes"]
    assert isinstance(prefixes, dict)
    assert prefixes["notification"] == "巴政告"
    assert prefixes["exemption-decision"] == "巴政发"
    assert data["default_cc"] == ["旗司法局", "镇纪委"]
    assert data["day_counting"] == "working" and data["first_run_done"] is True
    text = run_cli("--db", db, "township", "show")
    assert "镇党委" in text.out and "巴政告" in text.out

    # --prefix for all kinds ends the earlier override; an empty override is removed too.
    assert run_cli("--db", db, "township", "set", "--prefix", "巴政字").code == 0
    prefixes = _show(db)["prefixes"]
    # letters take the 函 form of the 代字 for all kinds
    assert isinstance(prefixes, dict) and set(prefixes.values()) == {"巴政字", "巴政字函"}


@pytest.mark.parametrize(
    "args",
    [
        ("--type", "市"),
        ("--counting", "月"),
        ("--prefix", "巴〔政〕"),
        ("--prefix-for", "notification"),
        ("--prefix-for", "没有这种=巴政发"),
        ("--name", ""),
        ("--name", "某乡", "--type", "区"),
        (),
    ],
)
def test_each_refusal_is_one_chinese_line_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    db = tmp_path / "t.sqlite3"
    assert run_cli("--db", db, "township", "set", "--name", "萨马街鄂温克民族乡人民政府",
                   "--prefix", "萨政发").code == 0
    before = _show(db)
    run = run_cli("--db", db, "township", "set", *args)
    assert_refused(run)
    assert len(run.err.strip().splitlines()) == 1
    assert "Traceback" not in run.err
    assert _show(db) == before
