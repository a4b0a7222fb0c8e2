"""The determination: facts → outcome, with its citations and a plain-Chinese explanation.

Precedence (domain.md), first match wins:
1. 第十二条 — misconduct (滥用法定职权 or 不履行法定职责) AND harm → not_tolerated;
2. any item of 第九条 → duty_fulfilled;
3. a situation of 第十条第一款 AND all three conditions of 第十条第二款 → exempt;
4. a situation of 第十条第一款 (conditions not all met) or an item of 第十一条 → mitigated;
5. nothing applies → not_tolerated for want of grounds.

Basis of case 5: no article grants anything, so the basis lists 第九条、第十条、第十一条 — the
articles whose situations were examined and found absent (the decision reads "不符合第九条、
第十条、第十一条规定的情形"); `Determination.no_grounds` tells it apart from case 1, whose
basis is 第十二条.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nanmu_desktop.domain.citations import Citation, item_marker
from nanmu_desktop.domain.facts import CONDITION_KEYS, CONDITION_LABELS, ITEM_COUNTS, Facts
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.errors import NanmuError, NotFoundError

CONDITION_NAMES = tuple(CONDITION_LABELS[k] for k in CONDITION_KEYS)
ART12 = Citation(12)
NO_GROUNDS_BASIS = (Citation(9), Citation(10), Citation(11))


@dataclass(frozen=True)
class WhyNot:
    """Why a more favourable outcome was not reached: the fact that was missing or barred it."""

    outcome: Outcome
    reason: str

    def __str__(self) -> str:
        return f"未认定为{self.outcome.label}：{self.reason}"


@dataclass(frozen=True)
class Determination:
    outcome: Outcome
    citations: tuple[Citation, ...]
    basis: tuple[str, ...]
    explanation: tuple[str, ...]
    why_not: tuple[WhyNot, ...]
    warnings: tuple[str, ...]
    regulation: str

    @property
    def no_grounds(self) -> bool:
        """Not tolerated because nothing applies (not because of 第十二条)."""
        return self.outcome is Outcome.not_tolerated and ART12 not in self.citations

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "basis": list(self.basis),
            "citations": [
                {"article": c.article, "paragraph": c.paragraph, "items": list(c.items)}
                for c in self.citations
            ],
            "explanation": list(self.explanation),
            "why_not": [{"outcome": w.outcome.value, "reason": w.reason} for w in self.why_not],
            "warnings": list(self.warnings),
            "regulation": self.regulation,
        }


def determine(facts: Facts, regulation: Regulation | None = None) -> Determination:
    """Apply 第九条–第十二条 to `facts` under `regulation` (default: the newest version)."""
    regulation = regulation or load_regulation()
    version = regulation.version
    if version not in _CHECKED_VERSIONS:
        _check_supported(regulation)
    ex = facts.exclusion
    steps: list[str] = []
    citations: tuple[Citation, ...]
    if ex.applies:
        outcome, citations = Outcome.not_tolerated, (ART12,)
        steps.append(f"第十二条：认定{_misconduct(facts)}，并致使公民、法人和其他组织的合法权益受到"
                     "损害、造成不良后果，依第十二条不予容错，其他情形不再适用。")
    else:
        steps.append("第十二条：不具有滥用法定职权、不履行法定职责致使合法权益受到损害并造成不良后果"
                     "的情形，继续审查。")
        outcome, citations = _grounds(facts, steps)
    steps.append(f"结论：{outcome.label}。")
    return Determination(
        outcome=outcome,
        citations=citations,
        basis=tuple(c.format() for c in citations),
        explanation=tuple(steps),
        why_not=tuple(WhyNot(o, _why_not(o, facts)) for o in outcome.more_favourable()),
        warnings=_warnings(facts),
        regulation=version,
    )


# Versions whose article structure has been checked against the rules coded here.
_CHECKED_VERSIONS: set[str] = set()
# (article, paragraph number, paragraph count of the article) → number of items.
_ITEMS_USED = {(9, 1, 1): ITEM_COUNTS["art9"], (10, 1, 2): ITEM_COUNTS["art10"], (10, 2, 2): 3,
               (11, 1, 1): ITEM_COUNTS["art11"]}


def _check_supported(regulation: Regulation) -> None:
    """A revised regulation may renumber articles: refuse one these rules do not fit."""
    try:
        regulation.resolve(ART12)
        for (number, paragraph, paragraphs), count in _ITEMS_USED.items():
            article = regulation.article(number)
            unit = article.paragraph(paragraph)
            if len(article.paragraphs) != paragraphs or unit is None or len(unit.items) != count:
                raise NotFoundError(f"{article.heading}的款项数目不符")
    except NotFoundError as exc:
        raise UnsupportedRegulationError(
            f"认定规则与规定版本“{regulation.version}”的条款结构不一致（{exc.message}），"
            "请更新本软件后再作认定"
        ) from None
    _CHECKED_VERSIONS.add(regulation.version)


class UnsupportedRegulationError(NanmuError):
    """The regulation version's articles do not match the rules the engine applies."""


def _grounds(facts: Facts, steps: list[str]) -> tuple[Outcome, tuple[Citation, ...]]:
    cond = facts.art10_conditions
    if facts.art9:
        steps.append(f"第九条：认定{_items(facts.art9)}情形{_reason(facts, 'art9.9')}，"
                     "应当认定为履职尽责，不予追责。")
        return Outcome.duty_fulfilled, (_cite(9, None, facts.art9),)
    steps.append("第九条：未认定履职尽责情形。")
    if facts.art10 and cond.all_met:
        steps.append(f"第十条第一款：认定{_items(facts.art10)}情形{_reason(facts, 'art10.8')}；"
                     "第十条第二款所列三项条件均符合，"
                     "可以免除责任，予以容错免责。")
        return Outcome.exempt, (_cite(10, 1, facts.art10), _cite(10, 2, (1, 2, 3)))
    if facts.art10:
        found = f"{_items(facts.art10)}情形{_reason(facts, 'art10.8')}"
        steps.append(f"第十条第一款：认定{found}，但{_missing_conditions(facts)}；"
                     "不能免责，应当从轻、减轻处理。")
    else:
        steps.append("第十条：未认定第一款所列情形。")
    if facts.art11:
        steps.append(f"第十一条：认定{_items(facts.art11)}情形{_reason(facts, 'art11.3')}，"
                     "可以从轻或者减轻责任。")
    else:
        steps.append("第十一条：未认定从轻、减轻情形。")
    art10 = (_cite(10, 1, facts.art10),) if facts.art10 else ()
    art11 = (_cite(11, None, facts.art11),) if facts.art11 else ()
    if art10 or art11:
        return Outcome.mitigated, art10 + art11
    steps.append("不符合第九条、第十条、第十一条规定的任何情形，无容错依据。")
    return Outcome.not_tolerated, NO_GROUNDS_BASIS


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
    if ex.applies and facts.art11:
        warnings.append(f"第十一条{_items(facts.art11)}情节可在追究责任时酌情考虑，"
                        "但不改变不予容错的结论。")
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


@lru_cache(maxsize=4096)
def _cite(article: int, paragraph: int | None, items: tuple[int, ...]) -> Citation:
    # Cached with its formatted string: the same citations recur in every determination.
    citation = Citation(article, paragraph, items)
    citation.format()
    return citation
