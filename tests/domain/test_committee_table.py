"""The committee table of domain.md: for each legal ground, which decided outcomes are allowed,
which need a reason, and which are refused with the article that forbids them."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.decisions import (
    PROPOSED_OUTCOME,
    allowed_outcomes,
    counts_as_enforcement_error,
    is_tolerance,
    notification_applies,
    ruling,
)
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.outcomes import Ground, Outcome

E, M, D, N = Outcome.exempt, Outcome.mitigated, Outcome.duty_fulfilled, Outcome.not_tolerated
# domain.md, "What the committee may decide": ground → {decided outcome: refusing article or ""}.
TABLE: dict[Ground, dict[Outcome, str]] = {
    Ground.art12: {N: "", E: "第十二条", M: "第十二条", D: "第十二条"},
    Ground.art9: {D: "", E: "第九条", M: "第九条", N: "第九条"},
    Ground.art10_exempt: {E: "", M: "", N: "第十条第一款", D: "第九条"},
    Ground.art10_lenient: {M: "", E: "第十条第二款", N: "第十条第一款", D: "第九条"},
    Ground.art11: {M: "", N: "", E: "第十条", D: "第九条"},
    Ground.none: {N: "", E: "第九条至第十一条", M: "第九条至第十一条", D: "第九条"},
}


@pytest.mark.parametrize("ground", list(Ground))
@pytest.mark.parametrize("decided", list(Outcome))
def test_every_pair_of_proposal_and_decision(ground: Ground, decided: Outcome) -> None:
    forbidding_article = TABLE[ground][decided]
    verdict = ruling(ground, decided)
    assert verdict.allowed == (forbidding_article == "")
    if verdict.allowed:
        assert verdict.needs_reason == (decided is not PROPOSED_OUTCOME[ground])
        assert verdict.refusal == ""
    else:
        assert verdict.refusal.startswith(forbidding_article + "：")
        assert "认定向导" in verdict.refusal  # the way out: correct the facts


def test_allowed_outcomes_put_the_proposal_first() -> None:
    for ground in Ground:
        offered = allowed_outcomes(ground)
        assert offered[0] is PROPOSED_OUTCOME[ground]
        assert set(offered) == {o for o, article in TABLE[ground].items() if not article}


def test_a_missing_condition_is_named_when_exemption_is_refused() -> None:
    facts = Facts.from_dict({"art10": [4], "art10_conditions": {"not_prohibited": True}})
    refusal = ruling(Ground.art10_lenient, Outcome.exempt, facts).refusal
    assert "第（二）项（没有造成重大损失和严重不良影响）" in refusal
    assert "第（三）项" in refusal and "第（一）项" not in refusal


@pytest.mark.parametrize(
    ("outcome", "ground", "tolerance", "error"),
    [
        (E, Ground.art10_exempt, True, False),
        (M, Ground.art10_exempt, True, False),  # 第十条 leniency is 容错 by default
        (M, Ground.art10_lenient, True, False),
        (M, Ground.art11, False, True),  # 第十一条 leniency is accountability
        (D, Ground.art9, False, False),  # 履职尽责 is no error at all
        (N, Ground.art12, False, True),
        (N, Ground.art11, False, True),
        (N, Ground.none, False, True),
    ],
)
def test_tolerance_and_enforcement_error(
    outcome: Outcome, ground: Ground, tolerance: bool, error: bool
) -> None:
    assert is_tolerance(outcome, ground) is tolerance
    assert counts_as_enforcement_error(outcome, ground) is error
    assert notification_applies(outcome, ground) is tolerance
    assert notification_applies(outcome, ground, all_outcomes=True)


def test_the_setting_can_count_art10_leniency_as_an_error() -> None:
    assert counts_as_enforcement_error(M, Ground.art10_lenient, art10_leniency_is_tolerance=False)
    assert not notification_applies(M, Ground.art10_lenient, art10_leniency_is_tolerance=False)
    assert not counts_as_enforcement_error(E, Ground.art10_exempt, art10_leniency_is_tolerance=False)
