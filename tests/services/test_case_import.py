"""Importing cases: every problem with its path, nothing written unless all is valid."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.case_import import import_cases
from nanmu_desktop.services.case_list import count_cases
from nanmu_desktop.services.cases import find_case
from nanmu_desktop.services.determinations import current_determination
from nanmu_desktop.services.officers import (
    OfficerInput,
    add_officer,
    ensure_default_departments,
    list_officers,
)
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_count

GOOD: dict[str, Any] = {
    "cases": [
        {
            "source": "个人申请",
            "enforcement_type": "行政检查",
            "field": "林业和草原",
            "occurred_on": "2026-01-14",
            "reported_on": "2026-01-20",
            "description": "暴雪天气查封木材堆放场",
            "loss_amount": 6000,
            "officers": [
                {
                    "name": "关永军",
                    "badge_number": "15-0783-00112",
                    "department": "综合行政执法办公室",
                }
            ],
            "facts": J1_FACTS,
        },
        {
            "source": "unit_initiated",
            "enforcement_type": "行政检查",
            "field": "市场监管",
            "occurred_on": "2026-05-06",
            "reported_on": "2026-05-11",
            "description": "店主隐瞒后仓过期食品",
            "officers": [{"name": "关永军", "badge_number": "15-0783-00112"}, {"name": "巴特尔"}],
        },
    ]
}


@pytest.fixture
def departments(db: Database) -> None:
    ensure_default_departments(db)


@pytest.mark.usefixtures("departments")
def test_valid_import_registers_cases_officers_and_proposals(db: Database) -> None:
    result = import_cases(db, GOOD)
    assert result.case_numbers == ("RC-2026-001", "RC-2026-002")
    assert (result.officers_created, result.proposals) == (2, 1)
    first = find_case(db, "RC-2026-001")
    assert first.status == "determining"
    determination = current_determination(db, first.id)
    assert determination is not None and determination.outcome == "exempt"
    assert [o.officer.name for o in find_case(db, "RC-2026-002").officers] == ["关永军", "巴特尔"]


@pytest.mark.usefixtures("departments")
def test_every_problem_listed_with_its_path_and_nothing_written(db: Database) -> None:
    bad = copy.deepcopy(GOOD)
    bad["cases"][0]["occurred_on"] = "2026/01/14"
    bad["cases"][0]["facts"] = {"art10": [9]}
    bad["cases"][0]["officers"][0]["badge_number"] = "证 12"
    bad["cases"][0]["colour"] = "red"
    bad["cases"][1]["field"] = "天文"
    bad["cases"][1]["loss_amount"] = "很多"
    bad["cases"][1]["officers"][1] = {"name": 7, "department": "不存在办"}
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        import_cases(db, bad)
    fields = {p.field for p in err.value.problems}
    assert {
        "cases[0].occurred_on",
        "cases[0].facts.art10[0]",
        "cases[0].officers[0].badge_number",
        "cases[0].colour",
        "cases[1].field",
        "cases[1].loss_amount",
        "cases[1].officers[1].name",
        "cases[1].officers[1].department",
    } <= fields
    assert count_cases(db) == 0 and list_officers(db) == []
    assert audit_count(db) == before


@pytest.mark.usefixtures("departments")
def test_conflict_found_while_writing_rolls_everything_back(db: Database) -> None:
    """Case 0 is written before case 1's badge is found to belong to someone else."""
    taken = add_officer(db, OfficerInput("白音", None, "15-0783-00153"))
    doc = copy.deepcopy(GOOD)
    doc["cases"][1]["officers"] = [{"name": "巴特尔", "badge_number": "15-0783-00153"}]
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        import_cases(db, doc)
    assert [p.field for p in err.value.problems] == ["cases[1].officers[0].badge_number"]
    assert "白音" in str(err.value)
    assert count_cases(db) == 0
    assert [o.id for o in list_officers(db)] == [taken.id]
    assert audit_count(db) == before


@pytest.mark.parametrize("document", [[], {"cases": {}}, {"cases": []}, "x"])
def test_wrong_shapes(db: Database, document: object) -> None:
    with pytest.raises(ValidationError, match="cases"):
        import_cases(db, document)
