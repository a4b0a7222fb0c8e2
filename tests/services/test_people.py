"""Departments and officers kept tidy: starter departments, rename, retire (off the pickers, still
on old cases), merge duplicates with audit rows, pinyin order."""

from __future__ import annotations

from datetime import date

import pytest

from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.domain.vocabulary import DEFAULT_DEPARTMENTS
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import get_case, register_case
from nanmu_desktop.services.officers import (
    OfficerInfo,
    OfficerInput,
    add_officer,
    list_departments,
    list_officers,
)
from nanmu_desktop.services.people import (
    add_department,
    department_by_name,
    merge_departments,
    merge_officers,
    rename_department,
    set_department_retired,
    set_officer_retired,
    sorted_departments,
)
from nanmu_desktop.storage.db import Database

from .conftest import audit_actions, case_input


def test_a_new_database_has_the_starter_departments(db: Database) -> None:
    assert [d.name for d in list_departments(db)] == list(DEFAULT_DEPARTMENTS)
    assert [d.name for d in sorted_departments(db)] == sorted(DEFAULT_DEPARTMENTS, key=pinyin_key)


def test_rename_and_retire_a_department(db: Database) -> None:
    office = department_by_name(db, "社会事务办公室")
    renamed = rename_department(db, office.id, "社会事务服务中心")
    assert renamed.name == "社会事务服务中心"
    with pytest.raises(ConflictError, match="已存在"):
        rename_department(db, office.id, "党政综合办公室")
    set_department_retired(db, office.id, True)
    assert "社会事务服务中心" not in [d.name for d in list_departments(db, active_only=True)]
    assert "社会事务服务中心" in [d.name for d in list_departments(db)]
    with pytest.raises(ConflictError, match="已经停用"):
        set_department_retired(db, office.id, True)
    set_department_retired(db, office.id, False)
    assert audit_actions(db, "department") == ["rename", "retire", "reinstate"]


def test_a_retired_officer_leaves_the_pickers_but_stays_on_old_cases(
    db: Database, officer: OfficerInfo, case: CaseDetail
) -> None:
    set_officer_retired(db, officer.id, True)
    assert officer.id not in [o.id for o in list_officers(db)]
    assert officer.id in [o.id for o in list_officers(db, include_inactive=True)]
    assert [o.officer.name for o in get_case(db, case.id).officers] == ["关永军"]


def test_merging_duplicate_officers_moves_their_cases_and_is_audited(
    db: Database, officer: OfficerInfo, case: CaseDetail
) -> None:
    typo = add_officer(db, OfficerInput("关勇军", officer.department_id, None, None, "执法队员"))
    other = register_case(db, case_input((typo.id,)))
    both = register_case(db, case_input((officer.id, typo.id)))
    kept = merge_officers(db, officer.id, typo.id)
    assert kept.id == officer.id
    for case_id in (case.id, other.id, both.id):
        assert [o.officer.id for o in get_case(db, case_id).officers] == [officer.id]
    assert typo.id not in [o.id for o in list_officers(db, include_inactive=True)]
    assert audit_actions(db, "officer")[-1] == "merge"
    with pytest.raises(ConflictError, match="执法证号不同"):
        stranger = add_officer(db, OfficerInput("关永军", None, "15-0783-00999"))
        merge_officers(db, officer.id, stranger.id)


def test_merging_duplicate_departments(db: Database, officer: OfficerInfo) -> None:
    duplicate = add_department(db, "综合执法办")
    moved = add_officer(db, OfficerInput("乌力吉", duplicate.id, "15-0783-00120"))
    kept = department_by_name(db, "综合行政执法办公室")
    merge_departments(db, kept.id, duplicate.id)
    assert "综合执法办" not in [d.name for d in list_departments(db)]
    assert {o.id: o.department_name for o in list_officers(db)}[moved.id] == "综合行政执法办公室"
    assert audit_actions(db, "department")[-1] == "merge"


def test_officers_are_listed_in_pinyin_order(db: Database) -> None:
    for name in ("张伟", "阿斯楞", "赵敏", "巴特尔", "陈晓"):
        add_officer(db, OfficerInput(name, None, badge_valid_until=date(2027, 12, 31)))
    assert [o.name for o in list_officers(db)] == ["阿斯楞", "巴特尔", "陈晓", "张伟", "赵敏"]
    assert list_officers(db)[0].badge_valid_until == date(2027, 12, 31)
