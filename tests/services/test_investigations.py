"""调查核实 through the service on a real database: recorded and revised with audit rows, the
order of dates checked with both dates named, and its warnings carried by the determination."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from nanmu_desktop.domain.roles import PermissionDeniedError, Role
from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import add_attachment, get_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import current_determination, save_proposal
from nanmu_desktop.services.investigations import (
    InvestigationInput,
    get_investigation,
    officers_named,
    record_investigation,
)
from nanmu_desktop.services.officers import OfficerInfo, OfficerInput, add_officer
from nanmu_desktop.services.users import add_user, authenticate
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_actions, audit_count

PASSWORD = "nanmu-2026!"


@pytest.fixture
def second(db: Database, officer: OfficerInfo) -> OfficerInfo:
    return add_officer(db, OfficerInput("郭春生", officer.department_id, "15-0783-00113"))


def _input(*ids: int, **changes: object) -> InvestigationInput:
    values: dict[str, object] = {
        "investigators": ids,
        "started_on": date(2026, 1, 21),
        "ended_on": date(2026, 2, 10),
        "findings": "许可证在有效期内，查封当日即解封。",
        "evidence": ("询问笔录2份", "许可证复印件"),
    }
    values.update(changes)
    return InvestigationInput(**values)  # type: ignore[arg-type]


def test_recorded_then_revised_with_audit_and_the_case_moves_to_investigating(
    db: Database, case: CaseDetail, officer: OfficerInfo, second: OfficerInfo
) -> None:
    paper = add_attachment(db, case.id, "询问笔录.pdf", b"%PDF-1.4 record")
    info = record_investigation(db, case.id, _input(officer.id, second.id,
                                                    attachment_ids=(paper.id,)))
    assert [i.name for i in info.investigators] == ["关永军", "郭春生"]
    assert info.evidence == ("询问笔录2份", "许可证复印件")
    assert [a.file_name for a in info.attachments] == ["询问笔录.pdf"] and info.warnings == ()
    assert get_case(db, case.id).status == "investigating"
    revised = record_investigation(db, case.id, _input(second.id, evidence=("现场照片",)))
    assert revised.id == info.id and revised.attachments == () and revised.names == "郭春生"
    assert revised.warnings == ("调查核实人员只有1名，一般应不少于2名，请核实。",)
    stored = get_investigation(db, case.id)
    assert stored is not None and stored.to_dict()["evidence"] == ["现场照片"]
    assert audit_actions(db, "case")[-2:] == ["investigate", "update_investigation"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"started_on": date(2026, 1, 19)}, "调查开始日期（2026-01-19）早于登记日期（2026-01-20）"),
    ({"started_on": date(2026, 1, 10)}, "调查开始日期（2026-01-10）早于行为发生日期（2026-01-14）"),
    ({"ended_on": date(2026, 1, 21) - timedelta(days=1)},
     "调查结束日期（2026-01-20）早于调查开始日期（2026-01-21）"),
    ({"ended_on": date.today() + timedelta(days=1)},
     f"调查结束日期（{date.today() + timedelta(days=1)}）晚于今天（{date.today()}）"),
    ({"investigators": ()}, "至少选择一名调查人员"),
    ({"findings": "  "}, "查明的事实：不能为空"),
])
def test_bad_input_names_both_dates_and_writes_nothing(
    db: Database, case: CaseDetail, officer: OfficerInfo, changes: dict[str, object],
    message: str,
) -> None:
    before = audit_count(db)
    data = _input(officer.id, **changes)
    with pytest.raises(ValidationError, match=re.escape(message)):
        record_investigation(db, case.id, data)
    assert audit_count(db) == before and get_investigation(db, case.id) is None


def test_another_cases_attachment_is_refused(
    db: Database, case: CaseDetail, officer: OfficerInfo
) -> None:
    from nanmu_desktop.services.cases import register_case

    from .conftest import case_input

    other = register_case(db, case_input((officer.id,)))
    paper = add_attachment(db, other.id, "别案.pdf", b"x")
    with pytest.raises(ValidationError, match="不属于本案件"):
        record_investigation(db, case.id, _input(officer.id, attachment_ids=(paper.id,)))


def test_a_determination_without_investigation_warns_and_is_not_blocked(
    db: Database, case: CaseDetail, officer: OfficerInfo, second: OfficerInfo
) -> None:
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 3, 9))
    info = current_determination(db, case.id)
    assert info is not None and any("未录入调查核实情况" in w for w in info.warnings)
    record_investigation(db, case.id, _input(officer.id, second.id))
    info = current_determination(db, case.id)
    assert info is not None and not any("调查核实" in w for w in info.warnings)
    assert get_case(db, case.id).status == "determining"  # not moved back


def test_the_meeting_may_not_come_before_the_investigation_ends_either_way(
    db: Database, case: CaseDetail, officer: OfficerInfo, second: OfficerInfo
) -> None:
    record_investigation(db, case.id, _input(officer.id, second.id))
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 2, 3))
    with pytest.raises(ValidationError,
                       match="党委会议日期（2026-02-05）早于调查结束日期（2026-02-10）"):
        record_decision(db, case.id, DecisionInput(date(2026, 2, 5), ("乌力吉",)))
    with pytest.raises(ValidationError,
                       match="党委会议日期（2026-01-15）早于登记日期（2026-01-20）"):
        record_decision(db, case.id, DecisionInput(date(2026, 1, 15), ("乌力吉",)))
    record_decision(db, case.id, DecisionInput(date(2026, 2, 12), ("乌力吉",)))
    with pytest.raises(ValidationError, match="党委会议日期（2026-02-12）早于调查结束日期"):
        record_investigation(db, case.id, _input(officer.id, second.id,
                                                 ended_on=date(2026, 2, 20)))


def test_a_proposal_dated_before_registration_names_both_dates(
    db: Database, case: CaseDetail
) -> None:
    with pytest.raises(ValidationError,
                       match=re.escape("认定建议形成日期（2026-01-19）早于登记日期（2026-01-20）")):
        save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 1, 19))


def test_names_resolve_to_officers_and_an_unknown_name_is_refused(
    db: Database, officer: OfficerInfo, second: OfficerInfo
) -> None:
    assert officers_named(db, ["关永军", "15-0783-00113"]) == (officer.id, second.id)
    with pytest.raises(ValidationError, match="调查人员“王五”"):
        officers_named(db, ["王五"])


def test_a_reviewer_may_not_record_an_investigation(
    db: Database, case: CaseDetail, officer: OfficerInfo
) -> None:
    add_user(db, "王管理", frozenset({Role.admin}), PASSWORD)
    db.user = authenticate(db, "王管理", PASSWORD)
    add_user(db, "李审核", frozenset({Role.reviewer}), PASSWORD)
    db.user = authenticate(db, "李审核", PASSWORD)
    with pytest.raises(PermissionDeniedError):
        record_investigation(db, case.id, _input(officer.id))


def test_merging_officers_keeps_the_investigators(
    db: Database, case: CaseDetail, officer: OfficerInfo, second: OfficerInfo
) -> None:
    from nanmu_desktop.services.people import merge_officers

    twin = add_officer(db, OfficerInput("关永军", officer.department_id))
    record_investigation(db, case.id, _input(twin.id, second.id))
    merge_officers(db, officer.id, twin.id)
    info = get_investigation(db, case.id)
    assert info is not None and [i.officer_id for i in info.investigators] == [
        officer.id, second.id]


def test_removing_a_linked_attachment_unlinks_it(
    db: Database, case: CaseDetail, officer: OfficerInfo, second: OfficerInfo
) -> None:
    from nanmu_desktop.services.cases import remove_attachment

    paper = add_attachment(db, case.id, "现场照片.jpg", b"\xff\xd8photo")
    record_investigation(db, case.id, _input(officer.id, second.id, attachment_ids=(paper.id,)))
    remove_attachment(db, paper.id)
    info = get_investigation(db, case.id)
    assert info is not None and info.attachments == () and info.names == "关永军、郭春生"
