"""信访举报 under 第十八条: who gets which answer; the reporter stays inside the record."""

from __future__ import annotations

from datetime import date

import pytest

from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.services.petitions import (
    FindingsInput,
    PetitionInfo,
    PetitionInput,
    ResponseInput,
    get_petition,
    list_petitions,
    record_findings,
    record_response,
    register_petition,
    response_rules,
)
from nanmu_desktop.services.rule_options import RuleOptions, set_rule_options
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_count


def _anonymous(db: Database, officer: OfficerInfo) -> int:
    data = PetitionInput(False, date(2026, 7, 2), "来信", "反映罚款收受好处", (officer.id,))
    return register_petition(db, data).id


def _explanation() -> ResponseInput:
    return ResponseInput("explanation", date(2026, 8, 5), "执法办全体", "科室会议", "查无实据")


def test_anonymous_report_refuses_identity(db: Database, officer: OfficerInfo) -> None:
    data = PetitionInput(False, date(2026, 7, 2), "来信", "反映问题", (officer.id,), "张三")
    with pytest.raises(ValidationError, match="匿名"):
        register_petition(db, data)
    assert list_petitions(db) == []


def test_journey_j3_explanation_and_clarification(db: Database, officer: OfficerInfo) -> None:
    petition_id = _anonymous(db, officer)
    with pytest.raises(ConflictError, match="调查结果"):
        record_response(db, petition_id, _explanation())
    record_findings(db, petition_id, FindingsInput("未发现任何证据", "no_evidence", malicious=True))
    with pytest.raises(ConflictError, match="匿名"):
        feedback = ResponseInput("feedback", date(2026, 8, 5), "举报人", "书面", "结果")
        record_response(db, petition_id, feedback)
    record_response(db, petition_id, _explanation())
    clear = ResponseInput("clarification", date(2026, 8, 6), "机关全体", "大会宣读", "予以澄清")
    cleared = record_response(db, petition_id, clear)
    assert cleared.officer_id == officer.id
    info = get_petition(db, petition_id)
    assert info.conclusion_label == "查无实据"
    assert [r.kind_label for r in info.responses] == ["情况说明", "澄清正名"]


def test_clarification_only_for_malicious_reports(db: Database, officer: OfficerInfo) -> None:
    petition_id = _anonymous(db, officer)
    record_findings(db, petition_id, FindingsInput("不属实", "unfounded"))
    before = audit_count(db)
    clear = ResponseInput("clarification", date(2026, 8, 6), "机关", "会议", "澄清")
    with pytest.raises(ConflictError, match="恶意"):
        record_response(db, petition_id, clear)
    assert audit_count(db) == before


def test_real_name_feedback_and_identity_not_in_audit(
    db: Database, officer: OfficerInfo, case: CaseDetail
) -> None:
    save_proposal(db, case.id, J1_FACTS)
    record_decision(db, case.id, DecisionInput(date.today(), ("乌力吉",)))
    data = PetitionInput(
        True, date(2026, 2, 20), "来访", "反映违规查封", (officer.id,), "刘桂芬", "13904705528",
        case_id=case.id,
    )
    petition_id = register_petition(db, data).id
    record_findings(db, petition_id, FindingsInput("已认定容错免责", "tolerated"))
    feedback = ResponseInput("feedback", date(2026, 2, 25), "举报人", "书面反馈", "已容错免责")
    assert record_response(db, petition_id, feedback).kind_label == "反馈结果"
    with pytest.raises(ConflictError, match="实名"):
        record_response(db, petition_id, _explanation())
    assert get_petition(db, petition_id).reporter_name == "刘桂芬"
    with db.session() as session:
        from sqlalchemy import text

        audit_text = " ".join(
            str(v) for row in session.execute(text("SELECT * FROM audit_log")) for v in row
        )
    assert "刘桂芬" not in audit_text and "13904705528" not in audit_text


def test_substantiated_report_gets_no_article_18_answer(db: Database, officer: OfficerInfo) -> None:
    petition_id = _anonymous(db, officer)
    with pytest.raises(ValidationError, match="恶意"):
        record_findings(db, petition_id, FindingsInput("属实", "substantiated", malicious=True))
    record_findings(db, petition_id, FindingsInput("属实", "substantiated"))
    with pytest.raises(ConflictError, match="属实"):
        record_response(db, petition_id, _explanation())


def test_tolerated_needs_a_linked_case_decided_as_tolerance(
    db: Database, officer: OfficerInfo, case: CaseDetail
) -> None:
    petition_id = _anonymous(db, officer)
    with pytest.raises(ValidationError, match="关联"):
        record_findings(db, petition_id, FindingsInput("已容错", "tolerated"))
    linked = PetitionInput(
        False, date(2026, 7, 2), "来信", "反映问题", (officer.id,), case_id=case.id
    )
    linked_id = register_petition(db, linked).id
    with pytest.raises(ValidationError, match="党委"):  # the case is not decided yet
        record_findings(db, linked_id, FindingsInput("已容错", "tolerated"))
    save_proposal(db, case.id, {})  # no grounds: 不予容错
    record_decision(db, case.id, DecisionInput(date.today(), ("乌力吉",)))
    with pytest.raises(ValidationError, match="不予容错"):
        record_findings(db, linked_id, FindingsInput("已容错", "tolerated"))
    assert get_petition(db, linked_id).conclusion is None


def test_tolerance_follows_the_art10_leniency_setting(
    db: Database, officer: OfficerInfo, case: CaseDetail
) -> None:
    save_proposal(db, case.id, {"art10": [4]})  # 第十条 without 第二款: 从轻/减轻
    record_decision(db, case.id, DecisionInput(
        date.today(), ("乌力吉",), leniency="lighter", measure="通报批评减为诫勉谈话"
    ))
    data = PetitionInput(False, date(2026, 7, 2), "来信", "反映问题", (officer.id,),
                         case_id=case.id)
    petition_id = register_petition(db, data).id
    record_findings(db, petition_id, FindingsInput("已容错", "tolerated"))  # 容错 by default
    assert allowed(get_petition(db, petition_id)) == ["explanation"]
    set_rule_options(db, RuleOptions(art10_leniency_is_tolerance=False))
    info = get_petition(db, petition_id)
    assert allowed(info) == []  # no longer a 容错 decision: the finding does not stand
    with pytest.raises(ConflictError, match="不是容错决定"):
        record_response(db, petition_id, _explanation())


def allowed(info: PetitionInfo) -> list[str]:
    return [rule.kind for rule in response_rules(info) if rule.allowed]
