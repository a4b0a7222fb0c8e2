"""Proposals from the engine and the committee's decision with its 7-day deadline."""

from __future__ import annotations

from datetime import date

import pytest

from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import current_determination, save_proposal
from nanmu_desktop.services.settings import ProfileInput, set_calendar_day, update_profile
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_actions, audit_count

MITIGATED = {"art11": [1]}


def test_proposal_is_the_engine_result_and_moves_case_to_determining(
    db: Database, case: CaseDetail
) -> None:
    info = save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))
    expected = determine(Facts.from_dict(J1_FACTS))
    assert info.outcome == expected.outcome.value == "exempt"
    assert info.basis == expected.basis
    assert info.explanation == expected.explanation
    assert info.regulation_version == expected.regulation
    assert info.decided is False and info.notification_deadline is None
    assert get_case(db, case.id).status == "determining"
    assert audit_actions(db, "case") == ["create", "change_status", "change_status"]
    assert audit_actions(db, "determination") == ["propose"]


def test_bad_facts_name_the_field_and_write_nothing(db: Database, case: CaseDetail) -> None:
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        save_proposal(db, case.id, {"art10": [42]})
    assert any("art10" in p.field for p in err.value.problems)
    assert audit_count(db) == before
    assert current_determination(db, case.id) is None


def test_decision_as_proposed_sets_outcome_and_calendar_deadline(
    db: Database, case: CaseDetail
) -> None:
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))
    info = record_decision(db, case.id, DecisionInput(date(2026, 2, 10), ("乌力吉", "刘晓伟")))
    assert info.decided_outcome == "exempt" and info.differing_reason == ""
    assert info.notification_deadline == date(2026, 2, 17)  # J1: decided on the 10th → the 17th
    assert "自然日" in info.day_counting_label
    detail = get_case(db, case.id)
    assert (detail.status, detail.outcome) == ("decided", "exempt")
    assert detail.not_an_enforcement_error
    with pytest.raises(ConflictError, match="重复"):
        record_decision(db, case.id, DecisionInput(date(2026, 2, 10), ("乌力吉",)))
    with pytest.raises(ConflictError):
        save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))


def test_working_day_rule_with_holidays_moves_the_deadline(db: Database, case: CaseDetail) -> None:
    update_profile(db, ProfileInput(name_zh="南木乡", day_counting="working"))
    set_calendar_day(db, date(2026, 2, 16), "holiday", "春节")
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))
    info = record_decision(db, case.id, DecisionInput(date(2026, 2, 10), ("乌力吉",)))
    # Tue 10th: 11,12,13 (3), skip weekend, 16th holiday, 17,18,19,20 → the 20th.
    assert info.notification_deadline == date(2026, 2, 20)
    assert "工作日" in info.day_counting_label


def test_differing_decision_needs_a_reason_and_keeps_the_proposal(
    db: Database, case: CaseDetail
) -> None:
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 9))
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        record_decision(db, case.id, DecisionInput(None, (), outcome="mitigated"))
    assert {p.field for p in err.value.problems} == {
        "会议日期", "参会人员", "从轻/减轻", "处理措施", "理由"}
    assert audit_count(db) == before
    info = record_decision(
        db,
        case.id,
        DecisionInput(
            date(2026, 2, 10),
            ("乌力吉",),
            outcome="mitigated",
            leniency="reduced",
            measure="由诫勉谈话减为批评教育",
            reason="损失较大",
        ),
    )
    assert (info.outcome, info.decided_outcome) == ("exempt", "mitigated")
    assert (info.leniency_label, info.differing_reason) == ("减轻", "损失较大")
    # The decision cites what was decided: 第十条第一款 only, not 第二款's exemption.
    assert info.basis == ("第十条第一款第（四）项", "第十条第二款第（一）（二）（三）项")
    assert info.decided_basis == ("第十条第一款第（四）项",)
    # 第十条-based leniency is 容错 by the default setting (domain.md): not an error.
    assert get_case(db, case.id).not_an_enforcement_error


def test_leniency_only_for_mitigation(db: Database, case: CaseDetail) -> None:
    save_proposal(db, case.id, MITIGATED, made_on=date(2026, 2, 9))
    with pytest.raises(ValidationError, match="从轻"):
        record_decision(db, case.id, DecisionInput(date(2026, 3, 1), ("乌力吉",)))
    info = record_decision(
        db, case.id,
        DecisionInput(date(2026, 3, 1), ("乌力吉",), leniency="lighter", measure="通报批评"),
    )
    assert info.leniency_label == "从轻" and info.measure == "通报批评"
    assert info.decided_basis == ("第十一条第（一）项",)
    # 第十一条 leniency is accountability, not a 容错决定: no 7-day clock, and it counts.
    assert info.notification_deadline is None
    assert not get_case(db, case.id).not_an_enforcement_error


def test_decision_without_proposal_is_refused(db: Database, case: CaseDetail) -> None:
    with pytest.raises(ConflictError, match="认定意见"):
        record_decision(db, case.id, DecisionInput(date(2026, 2, 10), ("乌力吉",)))
