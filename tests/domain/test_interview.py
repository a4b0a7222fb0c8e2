"""The wizard's steps: which ones can still change the outcome."""

from __future__ import annotations

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.facts import FACT_KEYS, Facts
from nanmu_desktop.domain.interview import (
    STEPS,
    StepId,
    next_step,
    skipped_steps,
    steps_to_ask,
    wording,
)
from nanmu_desktop.domain.regulation_loader import load_regulation

ALL = {"not_prohibited": True, "no_major_loss": True, "remedied": True}


def ids(facts: dict[str, object]) -> list[str]:
    return [s.id.value for s in steps_to_ask(Facts.from_dict(facts))]


def test_steps_in_order_with_their_citations_and_options() -> None:
    assert [s.id for s in STEPS] == list(StepId)
    assert [s.citations for s in STEPS] == [
        (Citation(12),), (Citation(9),), (Citation(10, 1),), (Citation(10, 2),), (Citation(11),)]
    keys = [o.key for s in STEPS for o in s.options]
    assert keys == list(FACT_KEYS)
    catch_all = [o.key for s in STEPS for o in s.options if o.catch_all]
    assert catch_all == ["art9.9", "art10.8", "art11.3"]


def test_every_option_cites_text_that_exists() -> None:
    regulation = load_regulation()
    for step in STEPS:
        for option in step.options:
            assert regulation.text_of(option.citation)
            assert option.label or option.citation.items
    assert regulation.guidance_for(STEPS[0].guidance[0])


def test_fresh_interview_skips_only_the_conditions() -> None:
    assert ids({}) == ["exclusions", "art9", "art10", "art11"]


def test_exclusion_with_harm_skips_everything_after() -> None:
    # …but 第十一条, asked as accountability circumstances (追责情节), never as 容错.
    art12 = {"exclusion": {"abuse_of_power": True, "harmed_rights": True}}
    assert ids(art12) == ["exclusions", "art11"]
    title, question = wording(STEPS[4], Facts.from_dict(art12))
    assert "追责" in title and "不改变不予容错" in question
    assert wording(STEPS[4], Facts()) == (STEPS[4].title, STEPS[4].question)
    assert ids({"exclusion": {"harmed_rights": True}}) == ["exclusions", "art9", "art10", "art11"]


def test_art9_item_skips_art10_conditions_and_art11() -> None:
    assert ids({"art9": [2], "art10": [4]}) == ["exclusions", "art9"]


def test_art10_situation_brings_the_conditions() -> None:
    assert ids({"art10": [4]}) == ["exclusions", "art9", "art10", "art10_conditions", "art11"]


def test_art10_with_all_conditions_skips_art11() -> None:
    facts = Facts.from_dict({"art10": [4], "art10_conditions": ALL})
    assert [s.id for s in steps_to_ask(facts)][-1] is StepId.art10_conditions
    assert [s.id for s in skipped_steps(facts)] == [StepId.art11]


def test_next_step_walks_forward_and_stops() -> None:
    facts = Facts.from_dict({"art10": [4], "art10_conditions": ALL})
    assert next_step(facts, None).id is StepId.exclusions  # type: ignore[union-attr]
    assert next_step(facts, StepId.art10).id is StepId.art10_conditions  # type: ignore[union-attr]
    assert next_step(facts, StepId.art10_conditions) is None
    no_art10 = Facts()
    assert next_step(no_art10, StepId.art10).id is StepId.art11  # type: ignore[union-attr]
    # A step that became skipped still has a successor by position.
    assert next_step(no_art10, StepId.art10_conditions).id is StepId.art11  # type: ignore[union-attr]
