"""`case investigate` and `case show` as processes: the 调查核实 recorded from a script, shown
in text and JSON; a wrong date refused naming both dates with nothing written; a determination
without it warned of; 第十一条 in a 第十二条 case shown as 追责情节, never as a basis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, db_state, run_cli

CASE = {
    "cases": [
        {
            "source": "信访举报",
            "enforcement_type": "行政检查",
            "field": "市场监管",
            "occurred_on": "2026-01-14",
            "reported_on": "2026-01-20",
            "description": "三次投诉未处理，消费者患病。",
            "officers": [{"name": "关永军", "badge_number": "15-0783-00112"},
                         {"name": "郭春生", "badge_number": "15-0783-00113"}],
            "facts": {"exclusion": {"failure_to_perform": True, "harmed_rights": True},
                      "art11": [1]},
        }
    ]
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nanmu.sqlite3"
    source = tmp_path / "case.json"
    source.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    imported = run_cli("--db", path, "case", "import", source)
    assert imported.code == 0, imported
    return path


def test_investigation_recorded_and_shown_and_its_absence_warned(db: Path) -> None:
    before = run_cli("--db", db, "case", "show", "RC-2026-001")
    assert before.code == 0, before
    assert "调查核实：尚未录入" in before.out and "未录入调查核实情况" in before.out
    assert "追责情节：第十一条第（一）项" in before.out
    assert "依据：第十二条）" in before.out  # the basis stays 第十二条 alone

    done = run_cli("--db", db, "case", "investigate", "RC-2026-001",
                   "--investigator", "关永军", "--investigator", "15-0783-00113",
                   "--from", "2026-01-21", "--to", "2026-02-10",
                   "--findings", "三次投诉均未登记处理。", "--evidence", "投诉记录3份",
                   "--evidence", "询问笔录")
    assert done.code == 0, done
    assert "调查人员：关永军、郭春生" in done.out and "提示" not in done.out

    shown = json.loads(run_cli("--db", db, "case", "show", "RC-2026-001", "--json").out)
    found = shown["investigation"]
    assert [i["name"] for i in found["investigators"]] == ["关永军", "郭春生"]
    assert (found["started_on"], found["ended_on"]) == ("2026-01-21", "2026-02-10")
    assert found["evidence"] == ["投诉记录3份", "询问笔录"]
    assert not any("调查核实" in w for w in shown["warnings"])
    assert shown["proposal"]["accountability_circumstances"] == ["第十一条第（一）项"]
    assert shown["proposal"]["basis"] == ["第十二条"]


def test_a_wrong_date_is_refused_naming_both_dates_and_nothing_is_written(db: Path) -> None:
    before = db_state(db)
    refused = run_cli("--db", db, "case", "investigate", "RC-2026-001",
                      "--investigator", "关永军", "--from", "2026-01-19", "--to", "2026-02-10",
                      "--findings", "查明")
    assert_refused(refused)
    assert "调查开始日期（2026-01-19）早于登记日期（2026-01-20）" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    unknown = run_cli("--db", db, "case", "investigate", "RC-2026-001",
                      "--investigator", "王五", "--from", "2026-01-21", "--to", "2026-02-10",
                      "--findings", "查明")
    assert_refused(unknown)
    assert "王五" in unknown.err
    assert db_state(db) == before
