"""The determination: facts → a proposed outcome, its legal ground, citations and explanation.

Precedence (domain.md), first match wins:
1. 第十二条 — misconduct (滥用法定职权 or 不履行法定职责) AND harm → not_tolerated;
2. any item of 第九条 → duty_fulfilled;
3. a situation of 第十条第一款 AND all three conditions of 第十条第二款 → exempt;
4. a situation of 第十条第一款 (conditions not all met) → mitigated (应当);
   an item of 第十一条 alone → mitigated (可以);
5. nothing applies → "no grounds": not tolerated, with no article cited.

The citations come from `decisions.basis_for`, the one home of facts → citations; the units
they name come from the version's rulebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nanmu_desktop.domain.citations import Citation, item_marker
from nanmu_desktop.domain.decisions import (
    PROPOSED_OUTCOME,
    accountability_circumstances,
    basis_for,
)
from nanmu_desktop.domain.facts import CONDITION_KEYS, CONDITION_LABELS, Facts
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.domain.rulebook import Rulebook, UnsupportedRegulationError

CONDITION_NAMES = tuple(CONDITION_LABELS[k] for k in CONDITION_KEYS)


@dataclass(frozen=True)
class WhyNot:
    """Why a more favourable outcome was not reached: the fact that was missing or barred it."""

    outcome: Outcome
    reason: str

    def __str__(self) -> str:
        return f"未认定为{self.outcome.label}：{self.reason}"


@dataclass(frozen=True)
class Proposal:
    outcome: Outcome
    ground: Ground
    citations: tuple[Citation, ...]
    basis: tuple[str, ...]
    explanation: tuple[str, ...]
    why_not: tuple[WhyNot, ...]
    warnings: tuple[str, ...]
    regulation: str
    modality: str = ""  # 应当 / 可以 / 不予, of the ground's article
    # 第十一条 circumstances of a 第十二条 case: for 追责, never a basis of 容错.
    accountability: tuple[str, ...] = ()

    @property
    def no_grounds(self) -> bool:
        """Not tolerated because nothing applies (not because of 第十二条): no article cited."""
        return self.ground is Ground.none

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "ground": self.ground.value,
            "modality": self.modality,
            "basis": list(self.basis),
            "citations": [
                {"article": c.article, "paragraph": c.paragraph, "items": list(c.items)}
                for c in self.citations
            ],
            "explanation": list(self.explanation),
            "why_not": [{"outcome": w.outcome.value, "reason": w.reason} for w in self.why_not],
            "warnings": list(self.warnings),
            "regulation": self.regulation,
            "accountability": list(self.accountability),
        }


def rulebook_of(regulation: Regulation) -> Rulebook:
    """The version's rulebook; refused, naming what differs, when its articles do not fit."""
    if regulation.rulebook is None:
        problems = "；".join(regulation.structure_problems) or "未载明认定规则"
        raise UnsupportedRegulationError(
            f"规定版本“{regulation.version}”的条款结构与认定规则不一致（{problems}），"
            "可以登记案件，但不能据此作出认定"
        )
    return regulation.rulebook


def determine(facts: Facts, regulation: Regulation | None = None) -> Proposal:
    """Apply 第九条–第十二条 to `facts` under `regulation` (default: the newest version)."""
    regulation = regulation or load_regulation()
    rulebook = rulebook_of(regulation)
    steps: list[str] = [_art12_step(facts)]
    ground = Ground.art12 if facts.exclusion.applies else _grounds(facts, steps)
    accountability = accountability_circumstances(facts, ground, rulebook)
    if accountability:
        steps.append(f"第十一条：认定{_items(facts.art11)}情形{_reason(facts, 'art11.3')}，"
                     "作为追究责任时可以从轻或者减轻的情节，不改变不予容错的结论。")
    outcome = PROPOSED_OUTCOME[ground]
    citations = basis_for(facts, ground, outcome, rulebook)
    steps.append(f"结论：{outcome.label}" + ("（无适用条款）。" if ground is Ground.none else "。"))
    return Proposal(
        outcome=outcome,
        ground=ground,
        citations=citations,
        basis=tuple(c.format() for c in citations),
        explanation=tuple(steps),
        why_not=tuple(WhyNot(o, _why_not(o, facts)) for o in outcome.more_favourable()),
        warnings=_warnings(facts),
        regulation=regulation.version,
        modality=rulebook.modality(ground),
        accountability=tuple(c.format() for c in accountability),
    )


def _art12_step(facts: Facts) -> str:
    """第十二条's step, stating only what the facts say (never the opposite of a ticked fact)."""
    ex = facts.exclusion
    if ex.applies:
        return (f"第十二条：认定{_misconduct(facts)}，并致使公民、法人和其他组织的合法权益受到"
                "损害、造成不良后果，依第十二条不予容错，其他情形不再适用。")
    if ex.misconduct:
        return (f"第十二条：认定{_misconduct(facts)}，但未认定致使合法权益受到损害、造成不良后果，"
                "第十二条不予容错的情形不完全具备，继续审查。")
    if ex.harmed_rights:
        return ("第十二条：认定合法权益受到损害、造成不良后果，"
                "但未认定滥用法定职权或不履行法定职责，第十二条不予容错的情形不完全具备，继续审查。")
    return ("第十二条：未认定滥用法定职权、不履行法定职责致使合法权益受到损害并造成不良后果"
            "的情形，继续审查。")


def _grounds(facts: Facts, steps: list[str]) -> Ground:
    if facts.art9:
        steps.append(f"第九条：认定{_items(facts.art9)}情形{_reason(facts, 'art9.9')}，"
                     "应当认定为履职尽责，不予追责。")
        return Ground.art9
    steps.append("第九条：未认定履职尽责情形。")
    if facts.art10 and facts.art10_conditions.all_met:
        steps.append(f"第十条第一款：认定{_items(facts.art10)}情形{_reason(facts, 'art10.8')}；"
                     "第十条第二款所列三项条件均符合，可以免除责任，予以容错免责。")
        return Ground.art10_exempt
    if facts.art10:
        found = f"{_items(facts.art10)}情形{_reason(facts, 'art10.8')}"
        steps.append(f"第十条第一款：认定{found}，但{_missing_conditions(facts)}；"
                     "不能免责，应当从轻、减轻处理。")
    else:
        steps.append("第十条：未认定第一款所列情形。")
    if facts.art11:
        lenient = "可以从轻或者减轻责任" if not facts.art10 else "可以一并考虑从轻或者减轻"
        steps.append(f"第十一条：认定{_items(facts.art11)}情形{_reason(facts, 'art11.3')}，"
                     f"{lenient}。")
    else:
        steps.append("第十一条：未认定从轻、减轻情形。")
    if facts.art10:
        return Ground.art10_lenient
    if facts.art11:
        return Ground.art11
    steps.append("不符合第九条、第十条、第十一条规定的任何情形，无容错依据，不援引条款。")
    return Ground.none


def _why_not(outcome: Outcome, facts: Facts) -> str:
    if facts.exclusion.applies:
        return f"具有第十二条规定的情形（{_misconduct(facts)}并造成损害后果），不予容错"
    if outcome is Outcome.duty_fulfilled:
        return "未认定第九条规定的任何履职尽责情形"
    if outcome is Outcome.exempt:
        if not facts.art10:
            return "未认定第十条第一款规定的任何情形"
        return _missing_conditions(facts)
    return "既未认定第十条第一款规定的情形，也未认定第十一条规定的从轻、减轻情形"


def _warnings(facts: Facts) -> tuple[str, ...]:
    ex, cond = facts.exclusion, facts.art10_conditions
    warnings: list[str] = []
    if facts.art9 and ex.misconduct:
        warnings.append(f"同时认定了第十二条的{_misconduct(facts)}和第九条{_items(facts.art9)}履职尽责"
                        "情形，二者相互矛盾，请核实。")
    if ex.applies and facts.art10:
        warnings.append(f"已认定第十二条不予容错情形，第十条第一款{_items(facts.art10)}情形不再适用，"
                        "请核实。")
    if ex.harmed_rights and not ex.misconduct:
        warnings.append("仅认定合法权益受到损害，未认定滥用法定职权或不履行法定职责，"
                        "第十二条不适用，请核实。")
    if ex.misconduct and not ex.harmed_rights:
        warnings.append(f"认定了{_misconduct(facts)}，但未认定造成合法权益损害的后果，"
                        "第十二条不适用，请核实。")
    if cond.any_met and not facts.art10:
        warnings.append("填写了第十条第二款的条件，但未认定第十条第一款的任何情形，这些条件不产生作用。")
    return tuple(warnings)


def _reason(facts: Facts, key: str) -> str:
    reason = facts.reasons.get(key)
    return f"（其他情形：{reason.strip()}）" if reason else ""


def _misconduct(facts: Facts) -> str:
    ex = facts.exclusion
    names = [n for n, v in (("滥用法定职权", ex.abuse_of_power),
                            ("不履行法定职责", ex.failure_to_perform)) if v]
    return "、".join(names)


def _missing_conditions(facts: Facts) -> str:
    met = facts.art10_conditions.met
    missing = [
        f"第{item_marker(i)}项（{CONDITION_NAMES[i - 1]}）" for i in (1, 2, 3) if i not in met
    ]
    return "第十条第二款的条件未全部符合，不符合" + "、".join(missing)


@lru_cache(maxsize=4096)
def _items(items: tuple[int, ...]) -> str:
    return "第" + "".join(item_marker(i) for i in items) + "项"
