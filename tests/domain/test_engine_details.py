"""The determination's explanation, why-not lines, warnings and JSON form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.regulation_loader import (
    load_regulation,
    load_regulation_file,
    regulations_dir,
)
from nanmu_desktop.domain.rulebook import UnsupportedRegulationError

ALL = {"not_prohibited": True, "no_major_loss": True, "remedied": True}


def test_to_dict_has_exactly_the_agreed_keys_and_is_json() -> None:
    result = determine(Facts.from_dict({"art10": [4], "art10_conditions": ALL}))
    data = result.to_dict()
    assert set(data) == {"outcome", "ground", "modality", "basis", "citations", "explanation",
                         "why_not", "warnings", "regulation", "accountability"}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["outcome"] == "exempt"
    assert data["regulation"] == load_regulation().version
    assert data["citations"][1] == {"article": 10, "paragraph": 2, "items": [1, 2, 3]}


def test_citations_resolve_in_the_regulation() -> None:
    regulation = load_regulation()
    result = determine(Facts.from_dict({"art10": [4, 5], "art11": [2]}), regulation)
    assert result.citations == (Citation(10, 1, (4, 5)), Citation(11, None, (2,)))
    assert "临机决断" in regulation.text_of(result.citations[0])


def test_explanation_has_one_line_per_step_ending_in_the_conclusion() -> None:
    result = determine(Facts.from_dict({"art10": [3], "art10_conditions": {"remedied": True}}))
    lines = result.explanation
    assert [line.split("：")[0] for line in lines] == [
        "第十二条", "第九条", "第十条第一款", "第十一条", "结论"]
    assert "没有造成重大损失" in lines[2] and "法律没有明令禁止" in lines[2]
    assert lines[-1] == "结论：从轻或减轻处理。"


def test_catch_all_reason_appears_in_the_explanation() -> None:
    reason = "上级书面通知暂停执行"
    result = determine(Facts.from_dict({"art9": [9], "reasons": {"art9.9": reason}}))
    assert any(reason in line for line in result.explanation)


def test_why_not_names_the_missing_condition() -> None:
    result = determine(Facts.from_dict(
        {"art10": [4], "art10_conditions": {"not_prohibited": True, "remedied": True}}))
    assert result.outcome is Outcome.mitigated
    why = {w.outcome: w.reason for w in result.why_not}
    assert set(why) == {Outcome.duty_fulfilled, Outcome.exempt}
    assert "第九条" in why[Outcome.duty_fulfilled]
    assert "第（二）项" in why[Outcome.exempt] and "第（一）项" not in why[Outcome.exempt]
    assert str(result.why_not[1]).startswith("未认定为容错免责：")


def test_not_tolerated_by_art12_blames_art12_for_every_better_outcome() -> None:
    result = determine(Facts.from_dict(
        {"exclusion": {"abuse_of_power": True, "harmed_rights": True}, "art11": [1]}))
    assert not result.no_grounds
    assert all("第十二条" in w.reason for w in result.why_not)
    # 第十一条 is asked for 第十二条 cases too: an accountability circumstance, never a basis.
    assert result.basis == ("第十二条",)
    assert result.accountability == ("第十一条第（一）项",)
    assert any("追究责任时可以从轻或者减轻" in s for s in result.explanation)
    assert not result.warnings


def test_no_grounds_is_told_apart_from_art12() -> None:
    result = determine(Facts())
    assert result.no_grounds
    assert result.citations == () and result.basis == ()  # an explanation, never a citation
    assert any("无容错依据" in line for line in result.explanation)
    assert result.outcome is Outcome.not_tolerated


def test_warnings_for_contradictory_facts() -> None:
    contradiction = determine(Facts.from_dict(
        {"exclusion": {"abuse_of_power": True, "harmed_rights": True}, "art9": [1]}))
    assert any("相互矛盾" in w for w in contradiction.warnings)
    idle_conditions = determine(Facts.from_dict({"art10_conditions": {"remedied": True}}))
    assert any("条件不产生作用" in w for w in idle_conditions.warnings)
    harm_alone = determine(Facts.from_dict({"exclusion": {"harmed_rights": True}, "art11": [1]}))
    assert any("第十二条不适用" in w for w in harm_alone.warnings)
    clean = determine(Facts.from_dict({"art10": [4], "art10_conditions": ALL}))
    assert clean.warnings == ()


def test_a_regulation_whose_articles_do_not_fit_is_refused(tmp_path: Path) -> None:
    data = json.loads((regulations_dir() / "2024-127.json").read_text(encoding="utf-8"))
    # A revision where 第十一条 lost its third item.
    for chapter in data["chapters"]:
        for article in chapter["articles"]:
            if article["number"] == 11:
                article["paragraphs"][0]["items"].pop()
    data["version"] = "2099-1"
    path = tmp_path / "2099-1.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    revised = load_regulation_file(path)
    assert revised.rulebook is None
    assert revised.structure_problems == ("第十一条有2项，认定规则需要3项",)
    with pytest.raises(UnsupportedRegulationError, match=r"2099-1.*第十一条有2项"):
        determine(Facts(), revised)
    current = load_regulation()
    assert determine(Facts(), current).regulation == current.version


def test_explanation_never_states_the_opposite_of_a_ticked_fact() -> None:
    for exclusion in ({"abuse_of_power": True}, {"failure_to_perform": True},
                      {"harmed_rights": True}):
        result = determine(Facts.from_dict({"exclusion": exclusion, "art9": [1]}))
        assert not result.explanation[0].startswith("第十二条：未认定"), result.explanation[0]
        assert "不具有" not in result.explanation[0]
