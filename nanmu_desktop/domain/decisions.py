"""What the Party committee may decide on a proposal, and what a decision cites (第九条–第十四条).

One home for these rules: the engine proposes with `basis_for`, services refuse forbidden
decisions with `ruling`, documents, the 台账 and the statistics read `basis_for` of the decided
outcome, and 第十四条 / 第十三条 questions are answered by `is_tolerance` and
`counts_as_enforcement_error`.

The committee table (domain.md): a departure from the proposal needs a reason; a forbidden one
is refused with the article that forbids it; the way out is to correct the facts in the wizard.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from nanmu_desktop.domain.citations import Citation, item_marker
from nanmu_desktop.domain.facts import CONDITION_KEYS, CONDITION_LABELS, Facts
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.rulebook import Rulebook

FIX_FACTS = "如认定事实有误或有新的事实，请通过认定向导更正事实后重新认定。"


class Leniency(StrEnum):
    """从轻 or 减轻: the committee's choice when the outcome is 从轻或减轻处理."""

    lighter = "lighter"
    reduced = "reduced"

    @property
    def label(self) -> str:
        return "从轻" if self is Leniency.lighter else "减轻"

    @classmethod
    def parse(cls, text: str) -> Leniency:
        """Accepts the code or the Chinese label; ValueError otherwise."""
        for member in cls:
            if text in (member.value, member.label):
                return member
        raise ValueError(text)


# The outcome each ground leads to when the committee agrees with the proposal.
PROPOSED_OUTCOME: dict[Ground, Outcome] = {
    Ground.art12: Outcome.not_tolerated,
    Ground.art9: Outcome.duty_fulfilled,
    Ground.art10_exempt: Outcome.exempt,
    Ground.art10_lenient: Outcome.mitigated,
    Ground.art11: Outcome.mitigated,
    Ground.none: Outcome.not_tolerated,
}


@dataclass(frozen=True)
class Ruling:
    """One cell of the committee table: may `decided` follow a proposal on `ground`?"""

    ground: Ground
    decided: Outcome
    allowed: bool
    needs_reason: bool  # a departure from the proposal: the committee must say why
    refusal: str = ""  # when not allowed: the Chinese message naming the article

    @property
    def departure(self) -> bool:
        return self.decided is not PROPOSED_OUTCOME[self.ground]


def ruling(ground: Ground, decided: Outcome, facts: Facts | None = None) -> Ruling:
    """Whether the committee may decide `decided` on a proposal resting on `ground`."""
    proposed = PROPOSED_OUTCOME[ground]
    refusal = _refusal(ground, decided, facts)
    return Ruling(ground, decided, refusal == "", decided is not proposed, refusal)


def allowed_outcomes(ground: Ground) -> tuple[Outcome, ...]:
    """The outcomes the committee may decide, the proposed one first."""
    proposed = PROPOSED_OUTCOME[ground]
    others = tuple(o for o in Outcome if o is not proposed and ruling(ground, o).allowed)
    return (proposed, *others)


def _refusal(ground: Ground, decided: Outcome, facts: Facts | None) -> str:
    if decided is PROPOSED_OUTCOME[ground]:
        return ""
    label = f"不能决定为“{decided.label}”。"
    if ground is Ground.art12:
        return ("第十二条：已认定滥用法定职权或不履行法定职责并造成损害后果的，“不予容错”，"
                + label + FIX_FACTS)
    if ground is Ground.art9:
        return "第九条：符合所列情形的，“应当认定为履职尽责”，" + label + FIX_FACTS
    if decided is Outcome.duty_fulfilled:
        return "第九条：未认定第九条所列的任何履职尽责情形，" + label + FIX_FACTS
    if ground in (Ground.art10_exempt, Ground.art10_lenient):
        if decided is Outcome.not_tolerated:
            return ("第十条第一款：符合所列情形之一的，“应当从轻、减轻处理或者予以免责”，"
                    + label + FIX_FACTS)
        if ground is Ground.art10_exempt:  # exempt → mitigated is the allowed departure
            return ""
        missing = _missing_conditions(facts) if facts else "第十条第二款的条件未全部符合"
        return f"第十条第二款：免除责任须同时符合三项条件，{missing}，" + label + FIX_FACTS
    if ground is Ground.art11:
        if decided is Outcome.not_tolerated:  # 第十一条 is "可以": the committee may decline
            return ""
        return "第十条：未认定第十条第一款所列情形，不能免除责任，" + label + FIX_FACTS
    return ("第九条至第十一条：不符合所列任何情形，没有新的事实不能作出有利于当事人的决定，"
            + label + FIX_FACTS)


def _missing_conditions(facts: Facts) -> str:
    met = facts.art10_conditions.met
    missing = [f"第{item_marker(i)}项（{CONDITION_LABELS[key]}）"
               for i, key in enumerate(CONDITION_KEYS, 1) if i not in met]
    return "本案不符合" + "、".join(missing)


def basis_for(facts: Facts, ground: Ground, outcome: Outcome, rulebook: Rulebook) -> tuple[
    Citation, ...
]:
    """The citations an outcome on `ground` rests on — the proposal's and the decision's alike.

    No article is cited for "no grounds", nor when the committee declines 第十一条's optional
    leniency (ordinary accountability, no 第十二条 basis).
    """
    unit = rulebook.unit
    if ground is Ground.art12:
        return (unit("exclusion"),)
    if ground is Ground.art9:
        return (unit("art9").with_items(*facts.art9),)
    art11 = (unit("art11").with_items(*facts.art11),) if facts.art11 else ()
    if outcome is Outcome.exempt:
        return (unit("art10").with_items(*facts.art10),
                unit("art10_conditions").with_items(*range(1, len(CONDITION_KEYS) + 1)))
    if outcome is Outcome.mitigated and ground in (Ground.art10_exempt, Ground.art10_lenient):
        return (unit("art10").with_items(*facts.art10), *art11)
    if outcome is Outcome.mitigated and ground is Ground.art11:
        return art11
    return ()


def accountability_circumstances(facts: Facts, ground: Ground, rulebook: Rulebook) -> tuple[
    Citation, ...
]:
    """第十一条's circumstances found in a 第十二条 case. 第十二条 bars 容错, so they are never a
    basis of the decision; they are what the accountability (追责) may weigh — 第十一条 "可以从轻
    或者减轻责任" — and travel beside the decision, labelled as such."""
    if ground is Ground.art12 and facts.art11:
        return (rulebook.unit("art11").with_items(*facts.art11),)
    return ()


def single_items(citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """One citation per item (第十条第一款第（五）项), the unit 第十七条 statistics count."""
    out: list[Citation] = []
    for citation in citations:
        if citation.items:
            out.extend(citation.with_items(i) for i in citation.items)
        else:
            out.append(citation)
    return tuple(out)


def is_tolerance(outcome: Outcome, ground: Ground, *, art10_leniency_is_tolerance: bool = True) -> (
    bool
):
    """A 容错 decision: 免责, and — by the default setting — 第十条's 从轻/减轻 (第十条 is the
    article of 容错纠错; 第十一条's leniency is accountability, not 容错)."""
    if outcome is Outcome.exempt:
        return True
    return (outcome is Outcome.mitigated and art10_leniency_is_tolerance
            and ground in (Ground.art10_exempt, Ground.art10_lenient))


def counts_as_enforcement_error(
    outcome: Outcome, ground: Ground, *, art10_leniency_is_tolerance: bool = True
) -> bool:
    """第十四条: a tolerated case is not recorded as an enforcement error; 履职尽责 is none."""
    if outcome is Outcome.duty_fulfilled:
        return False
    tolerated = is_tolerance(
        outcome, ground, art10_leniency_is_tolerance=art10_leniency_is_tolerance
    )
    return not tolerated


def notification_applies(
    outcome: Outcome,
    ground: Ground,
    *,
    all_outcomes: bool = False,
    art10_leniency_is_tolerance: bool = True,
) -> bool:
    """第十三条's 7-day 告知 and publication follow a 容错决定; by setting, every outcome."""
    return all_outcomes or is_tolerance(
        outcome, ground, art10_leniency_is_tolerance=art10_leniency_is_tolerance
    )
