"""Case status transitions."""

from __future__ import annotations

from itertools import pairwise

import pytest

from nanmu_desktop.domain.lifecycle import CaseStatus, allowed_transitions, check_transition
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import ConflictError

S = CaseStatus


def test_labels() -> None:
    assert [s.label for s in S] == ["登记", "调查核实", "研判认定", "党委研究决定", "告知公开",
                                    "纠错整改", "跟踪回访", "办结归档"]


def test_the_main_path_for_an_exemption() -> None:
    path = [S.registered, S.investigating, S.determining, S.decided, S.notified, S.correcting,
            S.following_up, S.closed]
    for current, target in pairwise(path):
        check_transition(current, target, Outcome.exempt)


def test_not_tolerated_goes_from_notified_to_closed_only() -> None:
    check_transition(S.notified, S.closed, Outcome.not_tolerated)
    with pytest.raises(ConflictError, match="不予容错的案件不能从“告知公开”转为“纠错整改”"):
        check_transition(S.notified, S.correcting, Outcome.not_tolerated)


def test_exemption_must_go_through_correction() -> None:
    with pytest.raises(ConflictError, match="只能转为“纠错整改”"):
        check_transition(S.notified, S.closed, Outcome.exempt)


@pytest.mark.parametrize("outcome", [Outcome.duty_fulfilled, Outcome.mitigated])
def test_other_outcomes_may_correct_or_close(outcome: Outcome) -> None:
    assert allowed_transitions(S.notified, outcome) == (S.correcting, S.closed)


def test_no_skipping_and_no_reopening() -> None:
    with pytest.raises(ConflictError, match="只能转为“调查核实”"):
        check_transition(S.registered, S.decided)
    with pytest.raises(ConflictError, match="已办结归档"):
        check_transition(S.closed, S.correcting, Outcome.exempt)


def test_ways_back() -> None:
    check_transition(S.determining, S.investigating)
    check_transition(S.following_up, S.correcting, Outcome.mitigated)


def test_stages_after_the_decision_need_an_outcome() -> None:
    check_transition(S.determining, S.decided)
    with pytest.raises(ConflictError, match="尚未作出认定结论"):
        check_transition(S.decided, S.notified)
    assert allowed_transitions(S.notified) == ()
