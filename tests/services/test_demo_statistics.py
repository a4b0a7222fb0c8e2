"""The demo data set (through the services) and the 第十七条 statistics it feeds (J4)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.demo import fill_demo, load_demo_data
from nanmu_desktop.services.history import case_history
from nanmu_desktop.services.petitions import list_petitions
from nanmu_desktop.services.statistics import recurring_citations
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.db import Database, open_database

from .conftest import audit_count


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo") / "nanmu.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    fill_demo(db)
    yield db
    db.close()


def test_demo_covers_every_outcome_and_stage(demo_db: Database) -> None:
    rows = list_cases(demo_db, CaseQuery(limit=100)).rows
    assert len(rows) >= 12
    assert {r.status for r in rows} == set(CaseStatus)
    assert {r.outcome for r in rows if r.outcome} == set(Outcome)
    assert len({r.officers for r in rows}) >= 8
    kinds = {(p.real_name, p.malicious) for p in list_petitions(demo_db)}
    assert kinds == {(False, True), (True, False)}
    assert all(check.ok for check in run_checks(demo_db))


def test_demo_records_have_their_history(demo_db: Database) -> None:
    j1 = list_cases(demo_db, CaseQuery(text="暴雪")).rows[0]
    actions = [e.action_label for e in case_history(demo_db, j1.id)]
    for expected in (
        "新建",
        "形成认定意见",
        "记录党委决定",
        "登记告知",
        "下达纠错整改通知",
        "申请延期整改",
        "批复延期申请",
        "登记跟踪回访",
    ):
        assert expected in actions
    # The documents issued for the case are part of its history (who signed them).
    assert "签发文书" in actions
    assert [a for a in actions if a != "签发文书"][-1] == "变更状态"


def test_demo_refuses_a_database_with_cases(demo_db: Database) -> None:
    before = audit_count(demo_db)
    with pytest.raises(ConflictError, match="已有"):
        fill_demo(demo_db)
    assert audit_count(demo_db) == before


def test_demo_dates_move_back_when_they_would_lie_in_the_future() -> None:
    data = load_demo_data(today=date(2026, 1, 1))
    dates = re.findall(r'"(\d{4}-\d{2}-\d{2})"', json.dumps(data))
    assert max(dates) == "2026-01-01"  # the latest of all its dates is today, none after
    assert load_demo_data(today=date(2030, 1, 1)) == load_demo_data(today=date(2031, 1, 1))


def test_j4_recurring_citation_in_market_regulation_is_flagged(demo_db: Database) -> None:
    found = recurring_citations(demo_db, date(2026, 5, 1), date(2026, 10, 31))
    flagged = [(r.citation, r.field_label, r.count) for r in found if r.flagged]
    assert ("第十条第一款第（五）项", "市场监管", 4) in flagged
    assert all(not r.citation.startswith("第十条第二款") for r in found)
    narrow = recurring_citations(demo_db, date(2026, 5, 1), date(2026, 7, 31))
    assert not any(r.flagged for r in narrow)
    strict = recurring_citations(demo_db, date(2026, 5, 1), date(2026, 10, 31), min_count=5)
    assert not any(r.flagged for r in strict)


def test_statistics_period_validated(demo_db: Database) -> None:
    with pytest.raises(ValidationError, match="起始日期"):
        recurring_citations(demo_db, date(2026, 12, 1), date(2026, 1, 1))
