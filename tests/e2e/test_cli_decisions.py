"""`case determine`, `decision record|correct`, `regulation list`, `determine --on` and
`case show --json` as processes: the committee's decision from a script, every refusal one
Chinese line with exit 2 and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, db_state, run_cli

CASE = {
    "cases": [
        {
            "source": "个人申请",
            "enforcement_type": "行政检查",
            "field": "林业和草原",
            "occurred_on": "2026-01-14",
            "reported_on": "2026-01-20",
            "description": "暴雪天气下查封木材堆放场，后查明许可有效，已当即解封并致歉。",
            "officers": [{"name": "关永军", "badge_number": "15-0783-00112"}],
        }
    ]
}
J1 = {"art10": [4], "art10_conditions": {
    "not_prohibited": True, "no_major_loss": True, "remedied": True}}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "nanmu.sqlite3"
    source = tmp_path / "case.json"
    source.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    assert run_cli("--db", path, "case", "import", source).code == 0
    return path


def _facts(tmp_path: Path, facts: dict[str, object]) -> Path:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    return path


def _show(db: Path) -> dict[str, object]:
    run = run_cli("--db", db, "case", "show", "RC-2026-001", "--json")
    assert run.code == 0, run.err
    view: dict[str, object] = json.loads(run.out)
    return view


def test_propose_decide_and_correct_from_the_command_line(db: Path, tmp_path: Path) -> None:
    proposed = run_cli("--db", db, "case", "determine", "RC-2026-001",
                       "--facts", _facts(tmp_path, J1), "--date", "2026-03-09")
    assert proposed.code == 0, proposed.err
    assert "认定建议：容错免责" in proposed.out
    view = _show(db)
    assert view["decision"] is None and view["notification_deadline"] is None
    assert view["proposal"]["ground"] == "art10_exempt"  # type: ignore[index]

    decided = run_cli("--db", db, "decision", "record", "RC-2026-001", "--meeting-date",
                      "2026-03-10", "--attendees", "乌力吉,刘晓伟", "--outcome", "从轻或减轻处理",
                      "--leniency", "从轻", "--measure", "批评教育", "--reason", "未及时报告")
    assert decided.code == 0, decided.err
    view = _show(db)
    decision = view["decision"]
    assert isinstance(decision, dict)
    assert decision["outcome"] == "mitigated" and decision["basis"] == ["第十条第一款第（四）项"]
    assert (decision["measure"], decision["departure_reason"]) == ("批评教育", "未及时报告")
    assert decision["meeting_date"] == "2026-03-10"
    assert view["notification_deadline"] == "2026-03-17"
    assert view["proposal"]["basis"] == [  # type: ignore[index]
        "第十条第一款第（四）项", "第十条第二款第（一）（二）（三）项"]

    corrected = run_cli("--db", db, "decision", "correct", "RC-2026-001", "--outcome",
                        "exempt", "--leniency", "", "--measure", "", "--departure-reason", "",
                        "--reason", "党委复议，按建议免责")
    assert corrected.code == 0, corrected.err
    decision = _show(db)["decision"]
    assert isinstance(decision, dict)
    assert decision["outcome"] == "exempt"
    assert decision["correction_reason"] == "党委复议，按建议免责"


def test_a_forbidden_decision_is_one_line_naming_the_article(db: Path, tmp_path: Path) -> None:
    run_cli("--db", db, "case", "determine", "RC-2026-001", "--facts", _facts(tmp_path, {}),
            "--date", "2026-03-09")
    before = db_state(db)
    refused = run_cli("--db", db, "decision", "record", "RC-2026-001", "--meeting-date",
                      "2026-03-10", "--attendees", "乌力吉", "--outcome", "exempt",
                      "--reason", "党委认为可以")
    assert_refused(refused)
    assert refused.err.count("\n") == 1 and "第九条至第十一条" in refused.err
    assert db_state(db) == before


def test_regulation_list_and_determine_on_a_date(tmp_path: Path) -> None:
    from nanmu_desktop.storage.db import open_database

    open_database(tmp_path / "nanmu.sqlite3").close()  # `regulation list` only reads
    listing = run_cli("--db", tmp_path / "nanmu.sqlite3", "regulation", "list", "--json")
    assert listing.code == 0, listing.err
    versions = json.loads(listing.out)
    assert versions[0]["version"] == "2024-127" and versions[0]["usable"]
    assert ["容错决定告知期限（日，第十三条）", "7（自2024-10-29）"] in versions[0]["parameters"]
    result = run_cli("determine", "--facts", _facts(tmp_path, {}), "--on", "2026-03-01")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["outcome"], data["ground"], data["basis"]) == ("not_tolerated", "none", [])
    assert_refused(run_cli("determine", "--facts", _facts(tmp_path, {}), "--on", "3月1日"))
