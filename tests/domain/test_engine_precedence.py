"""Property test: the engine follows the precedence of domain.md over random facts.

The precedence is written out again here, independently, as the specification.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.outcomes import Outcome

CATCH_ALL = {"art9": 9, "art10": 8, "art11": 3}


@st.composite
def facts_dicts(draw: st.DrawFn) -> dict[str, object]:
    data: dict[str, object] = {
        "exclusion": {
            "abuse_of_power": draw(st.booleans()),
            "failure_to_perform": draw(st.booleans()),
            "harmed_rights": draw(st.booleans()),
        },
        "art10_conditions": {
            "not_prohibited": draw(st.booleans()),
            "no_major_loss": draw(st.booleans()),
            "remedied": draw(st.booleans()),
        },
    }
    reasons = {}
    for name, count in CATCH_ALL.items():
        # Sparse lists: most cases have no item of a given article.
        some = st.lists(st.integers(1, count), unique=True, max_size=3)
        items = draw(st.one_of(st.just([]), some))
        data[name] = items
        if count in items:
            reasons[f"{name}.{count}"] = "经调查核实的具体情形"
    data["reasons"] = reasons
    return data


def expected_outcome(d: dict[str, object]) -> str:
    ex = d["exclusion"]
    cond = d["art10_conditions"]
    assert isinstance(ex, dict) and isinstance(cond, dict)
    if (ex["abuse_of_power"] or ex["failure_to_perform"]) and ex["harmed_rights"]:
        return "not_tolerated"
    if d["art9"]:
        return "duty_fulfilled"
    if d["art10"] and all(cond.values()):
        return "exempt"
    if d["art10"] or d["art11"]:
        return "mitigated"
    return "not_tolerated"


@settings(max_examples=400, deadline=None)
@given(facts_dicts())
def test_outcome_follows_precedence(data: dict[str, object]) -> None:
    result = determine(Facts.from_dict(data))
    assert result.outcome == Outcome(expected_outcome(data))
    # Every outcome names its basis, except "no grounds", which cites no article.
    assert bool(result.basis) != result.no_grounds
    assert len(result.why_not) == list(Outcome).index(result.outcome)
    assert [w.outcome for w in result.why_not] == list(Outcome)[: len(result.why_not)]


@settings(max_examples=200, deadline=None)
@given(facts_dicts())
def test_facts_round_trip_canonically(data: dict[str, object]) -> None:
    facts = Facts.from_dict(data)
    again = Facts.from_dict(facts.to_dict())
    assert again == facts
    assert again.to_dict() == facts.to_dict()
    assert hash(again) == hash(facts)


# A ticked fact and the phrase that would deny it in the explanation.
DENIALS = {
    "abuse_of_power": "未认定滥用法定职权",
    "failure_to_perform": "未认定滥用法定职权、不履行法定职责",
    "harmed_rights": "未认定合法权益受到损害",
}


@settings(max_examples=300, deadline=None)
@given(facts_dicts())
def test_the_explanation_never_denies_a_ticked_fact(data: dict[str, object]) -> None:
    result = determine(Facts.from_dict(data))
    text = "".join(result.explanation)
    exclusion = data["exclusion"]
    assert isinstance(exclusion, dict)
    for key, denial in DENIALS.items():
        if exclusion[key]:
            assert denial not in text, (key, text)
    assert "不具有" not in text
    for name, heading in (("art9", "第九条：未认定"), ("art11", "第十一条：未认定"),
                          ("art10", "第十条：未认定")):
        if data[name]:
            assert heading not in text, (name, text)
