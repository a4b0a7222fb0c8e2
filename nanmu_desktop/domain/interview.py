"""The determination wizard's questions and which of them can still change the outcome.

Steps in order: 第十二条 exclusions → 第九条 → 第十条第一款 situations → the three conditions
of 第十条第二款 → 第十一条. Given the answers so far (a `Facts`; unanswered steps hold their
defaults) a step is skipped when no answer to it could change the outcome:
- 第十二条 applies (misconduct and harm) → everything after it but 第十一条, which is still
  asked, worded as accountability circumstances (追责时可以从轻或者减轻的情节): it cannot make
  the case 容错, but the accountability needs it (J2);
- an item of 第九条 → all later steps (履职尽责 wins);
- no situation of 第十条第一款 → the conditions (they only qualify a situation);
- a situation of 第十条 with all three conditions → 第十一条 (容错免责 already).
第十一条 is still asked after a 第十条 situation without all conditions: it cannot change the
outcome (从轻减轻 either way) but its items join the basis of the decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.facts import (
    CONDITION_KEYS,
    CONDITION_LABELS,
    EXCLUSION_KEYS,
    EXCLUSION_LABELS,
    ITEM_COUNTS,
    Facts,
)

THREE_DISTINCTIONS = "three_distinctions"  # the guidance key in the regulation data


class StepId(StrEnum):
    exclusions = "exclusions"
    art9 = "art9"
    art10 = "art10"
    art10_conditions = "art10_conditions"
    art11 = "art11"


@dataclass(frozen=True)
class Option:
    """One answer box: its fact key (as in `FACT_KEYS`), the text it cites and its label.

    `label` is given for the 第十二条 elements (which are phrases, not items); for items the UI
    shows the regulation's wording of `citation`.
    """

    key: str
    citation: Citation
    label: str | None = None
    catch_all: bool = False


@dataclass(frozen=True)
class Step:
    id: StepId
    title: str
    question: str
    citations: tuple[Citation, ...]
    options: tuple[Option, ...]
    guidance: tuple[str, ...] = (THREE_DISTINCTIONS,)


def _item_options(name: str, article: int, paragraph: int | None) -> tuple[Option, ...]:
    count = ITEM_COUNTS[name]
    return tuple(
        Option(f"{name}.{n}", Citation(article, paragraph, (n,)), catch_all=n == count)
        for n in range(1, count + 1)
    )



STEPS: tuple[Step, ...] = (
    Step(
        StepId.exclusions, "不予容错情形（第十二条）",
        "行政执法人员是否有下列情形？（滥用职权或不履职，且造成损害后果的，不予容错）",
        (Citation(12),),
        tuple(Option(f"exclusion.{k}", Citation(12), EXCLUSION_LABELS[k]) for k in EXCLUSION_KEYS),
    ),
    Step(
        StepId.art9, "履职尽责情形（第九条）", "是否符合下列应当认定为履职尽责的情形？",
        (Citation(9),), _item_options("art9", 9, None),
    ),
    Step(
        StepId.art10, "容错情形（第十条第一款）",
        "是否符合下列应当从轻、减轻处理或者予以免责的情形？", (Citation(10, 1),),
        _item_options("art10", 10, 1),
    ),
    Step(
        StepId.art10_conditions, "免责条件（第十条第二款）", "是否同时符合下列各项条件？",
        (Citation(10, 2),),
        tuple(Option(f"art10_conditions.{k}", Citation(10, 2, (n,)), CONDITION_LABELS[k])
              for n, k in enumerate(CONDITION_KEYS, 1)),
    ),
    Step(
        StepId.art11, "从轻、减轻情形（第十一条）", "是否有下列可以从轻或者减轻责任的情形？",
        (Citation(11),), _item_options("art11", 11, None),
    ),
)
_BY_ID = {step.id: step for step in STEPS}


def step(step_id: StepId) -> Step:
    return _BY_ID[step_id]


ACCOUNTABILITY_TITLE = "追责情节（第十一条）"
ACCOUNTABILITY_QUESTION = (
    "已认定第十二条不予容错情形。是否有下列可以在追究责任时从轻或者减轻的情节？"
    "（仅供追责时考虑，不改变不予容错的结论）"
)


def wording(step: Step, facts: Facts) -> tuple[str, str]:
    """The step's title and question given the answers so far: 第十一条 in a 第十二条 case is
    asked as accountability circumstances, never as a way to 容错."""
    if step.id is StepId.art11 and facts.exclusion.applies:
        return ACCOUNTABILITY_TITLE, ACCOUNTABILITY_QUESTION
    return step.title, step.question


def steps_to_ask(facts: Facts) -> tuple[Step, ...]:
    """The steps, in order, whose answers can still change the outcome — or, for 第十一条 in a
    第十二条 case, the accountability that follows it — given `facts`."""
    if facts.exclusion.applies:
        return (STEPS[0], _BY_ID[StepId.art11])
    if facts.art9:
        return STEPS[:2]
    skipped = {StepId.art10_conditions} if not facts.art10 else set()
    if facts.art10 and facts.art10_conditions.all_met:
        skipped.add(StepId.art11)
    return tuple(s for s in STEPS if s.id not in skipped)


def skipped_steps(facts: Facts) -> tuple[Step, ...]:
    asked = steps_to_ask(facts)
    return tuple(s for s in STEPS if s not in asked)


def next_step(facts: Facts, current: StepId | None) -> Step | None:
    """The step after `current` (None: the first) among those still to ask, or None at the end.

    A step is after `current` by its position in STEPS, so a skipped current step still works.
    """
    position = -1 if current is None else [s.id for s in STEPS].index(current)
    for candidate in steps_to_ask(facts):
        if STEPS.index(candidate) > position:
            return candidate
    return None
