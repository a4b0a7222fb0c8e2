"""第十八条 in one place: which answers a 信访举报 gets, and why not the others.

对信访举报中经查不属实、查无实据或者经认定予以容错免责的情形：
- 实名举报 → 向举报人反馈结果 (feedback, 信访举报调查结果反馈函);
- 匿名举报 → 在一定范围内说明情况 (explanation, 信访举报情况说明);
对经查受到恶意中伤、诬告陷害的执法人员 → 在一定范围为其澄清正名 (clarification, 澄清正名通报).

"经认定予以容错免责" is a finding about a case: it needs a linked case whose committee decision
is 容错 (`decisions.is_tolerance`). A report whose subject was tolerated did happen, so it is
never malicious slander; nor is a report that held (经查属实). The service that records findings
and responses, the 回应 dialog and the document builders all ask `response_rules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from nanmu_desktop.domain.decisions import is_tolerance
from nanmu_desktop.domain.outcomes import Ground, Outcome

CONCLUSION_LABELS: Mapping[str, str] = MappingProxyType({
    "unfounded": "经查不属实",
    "no_evidence": "查无实据",
    "tolerated": "经认定予以容错免责",
    "substantiated": "经查属实",
})
RESPONSE_LABELS: Mapping[str, str] = MappingProxyType(
    {"feedback": "反馈结果", "explanation": "情况说明", "clarification": "澄清正名"}
)
# The findings 第十八条 answers: the report did not hold, or the officer was tolerated.
ANSWERABLE = ("unfounded", "no_evidence", "tolerated")
# The findings under which an accusation can be slander: the alleged problem was not there.
CLEARED = ("unfounded", "no_evidence")

LinkedDecision = tuple[Outcome, Ground]


@dataclass(frozen=True)
class PetitionFacts:
    """What 第十八条 looks at: the finding, who reported, malice, the linked case's decision."""

    conclusion: str | None  # a key of CONCLUSION_LABELS; None before the findings
    real_name: bool
    malicious: bool  # 经查系恶意中伤、诬告陷害
    linked: LinkedDecision | None = None  # the linked case's decided outcome and ground
    art10_leniency_is_tolerance: bool = True  # the setting (domain.md): 第十条's 从轻/减轻 is 容错


@dataclass(frozen=True)
class ResponseRule:
    kind: str  # feedback / explanation / clarification
    allowed: bool
    reason: str = ""  # why not, in Chinese, citing 第十八条

    @property
    def label(self) -> str:
        return RESPONSE_LABELS[self.kind]


def findings_problems(facts: PetitionFacts) -> tuple[tuple[str, str], ...]:
    """(field, message) for findings that contradict 第十八条 or the linked case; () if none."""
    problems: list[tuple[str, str]] = []
    conclusion = facts.conclusion
    if conclusion not in CONCLUSION_LABELS:
        return (("结论", "应为不属实、查无实据、容错免责或属实"),)
    if facts.malicious and conclusion == "substantiated":
        problems.append(("恶意举报", "举报经查属实时不能认定为恶意中伤"))
    if facts.malicious and conclusion == "tolerated":
        problems.append(
            ("恶意举报", "经认定予以容错免责的，所反映问题确有发生，不能认定为恶意中伤")
        )
    if conclusion == "tolerated":
        problem = _tolerance_problem(facts.linked, facts.art10_leniency_is_tolerance)
        if problem:
            problems.append(("结论", problem))
    return tuple(problems)


def response_rules(facts: PetitionFacts) -> tuple[ResponseRule, ...]:
    """Each answer (feedback, explanation, clarification) allowed or not, with the reason."""
    return tuple(
        ResponseRule(kind, reason == "", reason)
        for kind, reason in (
            ("feedback", _refusal_feedback(facts)),
            ("explanation", _refusal_explanation(facts)),
            ("clarification", _refusal_clarification(facts)),
        )
    )


def response_rule(facts: PetitionFacts, kind: str) -> ResponseRule:
    for rule in response_rules(facts):
        if rule.kind == kind:
            return rule
    raise KeyError(kind)


def allowed_kinds(facts: PetitionFacts) -> tuple[str, ...]:
    return tuple(r.kind for r in response_rules(facts) if r.allowed)


def _tolerance_problem(linked: LinkedDecision | None, art10_leniency_is_tolerance: bool) -> str:
    if linked is None:
        return ("“经认定予以容错免责”须关联已由党委研究决定予以容错的案件，"
                "请先关联案件并记录党委决定")
    outcome, ground = linked
    if not is_tolerance(outcome, ground, art10_leniency_is_tolerance=art10_leniency_is_tolerance):
        return (f"关联案件的党委决定为“{outcome.label}”，不是容错决定，"
                "不能作出“经认定予以容错免责”的结论")
    return ""


def _common_refusal(facts: PetitionFacts) -> str:
    """Reasons that refuse every answer: no findings yet, or findings that do not stand."""
    if facts.conclusion is None:
        return "请先登记调查结果，再作答复"
    problems = findings_problems(facts)
    if problems:
        return "调查结论不能成立：" + problems[0][1]
    return ""


def _refusal_answer(facts: PetitionFacts) -> str:
    common = _common_refusal(facts)
    if common:
        return common
    if facts.conclusion not in ANSWERABLE:
        return "举报经查属实且未予容错，不属于第十八条规定的反馈或说明情形"
    return ""


def _refusal_feedback(facts: PetitionFacts) -> str:
    reason = _refusal_answer(facts)
    if not reason and not facts.real_name:
        reason = "匿名举报没有可反馈的举报人，应在一定范围内作情况说明（第十八条）"
    return reason


def _refusal_explanation(facts: PetitionFacts) -> str:
    reason = _refusal_answer(facts)
    if not reason and facts.real_name:
        reason = "实名举报应向举报人反馈结果（信访举报调查结果反馈函），不作情况说明（第十八条）"
    return reason


def _refusal_clarification(facts: PetitionFacts) -> str:
    common = _common_refusal(facts)
    if common:
        return common
    if not facts.malicious or facts.conclusion not in CLEARED:
        return ("只有经查不属实或查无实据、且认定为恶意中伤或诬告陷害的举报，"
                "才为被举报人澄清正名（第十八条）")
    return ""
