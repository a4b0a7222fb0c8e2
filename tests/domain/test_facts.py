"""Facts.from_dict: every problem reported with its field path, nothing half-parsed."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.facts import FACT_KEYS, Facts
from nanmu_desktop.errors import ValidationError


def problems(data: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Facts.from_dict(data)
    return {p.field: p.message for p in caught.value.problems}


def test_empty_object_means_no_facts() -> None:
    facts = Facts.from_dict({})
    assert facts == Facts()
    assert facts.to_dict()["art9"] == [] and facts.to_dict()["exclusion"]["harmed_rights"] is False


def test_items_are_sorted_and_output_is_canonical() -> None:
    facts = Facts.from_dict({"art10": [5, 2], "art10_conditions": {"remedied": True}})
    assert facts.art10 == (2, 5)
    assert facts.to_dict()["art10"] == [2, 5]
    assert facts.to_dict()["art10_conditions"] == {
        "not_prohibited": False, "no_major_loss": False, "remedied": True}


def test_not_an_object() -> None:
    assert set(problems([1, 2])) == {"facts"}


def test_every_problem_is_listed_with_its_path() -> None:
    found = problems({
        "art9": [10, True, 1, 1],
        "art10": "4",
        "art11": [0],
        "exclusion": {"abuse_of_power": "yes", "bribery": True},
        "art10_conditions": [True],
        "reasons": {"art11.3": "有理由", "art9.1": "x"},
        "evidence": {"art9.2": 5, "art12.1": "笔录"},
        "extra": 1,
    })
    assert set(found) == {
        "art9[0]", "art9[1]", "art9[3]", "art10", "art11[0]", "exclusion.abuse_of_power",
        "exclusion.bribery", "art10_conditions", "reasons.art11.3", "reasons.art9.1",
        "evidence.art9.2", "evidence.art12.1", "extra",
    }
    assert "第九条没有第10项" in found["art9[0]"]
    assert "整数" in found["art9[1]"]
    assert "重复" in found["art9[3]"]
    assert "true 或 false" in found["exclusion.abuse_of_power"]
    assert "未选择第十一条第（三）项" in found["reasons.art11.3"]


@pytest.mark.parametrize(("name", "key"), [("art9", "art9.9"), ("art10", "art10.8"),
                                           ("art11", "art11.3")])
def test_catch_all_item_needs_a_written_reason(name: str, key: str) -> None:
    item = int(key.split(".")[1])
    assert "须写明具体理由" in problems({name: [item]})[f"reasons.{key}"]
    assert f"reasons.{key}" in problems({name: [item], "reasons": {key: "  \n"}})
    facts = Facts.from_dict({name: [item], "reasons": {key: "有书面说明"}})
    assert facts.reasons[key] == "有书面说明"


def test_evidence_notes_are_kept_for_known_fact_keys() -> None:
    facts = Facts.from_dict({"art10": [4], "evidence": {"art10.4": "县局数据延迟通知",
                                                        "exclusion.harmed_rights": "无损害"}})
    assert facts.evidence["art10.4"] == "县局数据延迟通知"
    assert list(facts.to_dict()["evidence"]) == ["art10.4", "exclusion.harmed_rights"]
    assert "art10_conditions.remedied" in FACT_KEYS and len(FACT_KEYS) == 3 + 9 + 8 + 3 + 3


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Facts(art11=(3,))
    assert caught.value.problems[0].field == "reasons.art11.3"


def test_facts_are_immutable() -> None:
    facts = Facts.from_dict({"art11": [1]})
    with pytest.raises(AttributeError):
        facts.art11 = (2,)  # type: ignore[misc]
    with pytest.raises(TypeError):
        facts.reasons["art11.3"] = "x"  # type: ignore[index]
