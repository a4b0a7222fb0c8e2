"""Regulation versions by date: a case takes the version in force on its reference date and
keeps it; a version kept in the database serves its cases without any file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.regulation_loader import regulations_dir
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import register_case, set_reference_date
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal, version_choice
from nanmu_desktop.services.document_context import DocumentTarget
from nanmu_desktop.services.documents import draft_notice
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.services.regulations import add_version, list_versions
from nanmu_desktop.services.settings import ProfileInput, update_profile
from nanmu_desktop.storage.db import Database

from .conftest import J1_FACTS, audit_actions, case_input

REVISION = "2026-33"


def _revision_text(effective: str, days: int) -> str:
    """The bundled text revised: later in force, another title and number, 10-day 告知."""
    data = json.loads((regulations_dir() / "2024-127.json").read_text(encoding="utf-8"))
    data.update(version=REVISION, issue_date=effective, effective_date=effective,
                number="鄂政发〔2026〕33号", title=data["title"].replace("（试行）", "（修订）"))
    data["rulebook"]["parameters"]["notification_days"] = [{"from": effective, "value": days}]
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture
def revised(db: Database) -> None:
    add_version(db, _revision_text("2026-06-01", 10), Path(f"{REVISION}.json"))
    update_profile(db, ProfileInput(name_zh="南木乡"))


def _text(db: Database, kind: DocumentKind, case_id: int) -> str:
    notice = draft_notice(db, DocumentTarget(kind, case_id), on=date(2026, 7, 12))
    return "".join(getattr(b, "text", "") for b in notice.body)


def test_each_case_takes_the_version_in_force_on_its_conduct_date(
    db: Database, case: CaseDetail, officer: OfficerInfo, revised: None
) -> None:
    later = register_case(db, case_input(
        (officer.id,), occurred_on=date(2026, 7, 1), reported_on=date(2026, 7, 2)))
    old = save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 3, 9))
    new = save_proposal(db, later.id, J1_FACTS, made_on=date(2026, 7, 3))
    assert (old.regulation_version, new.regulation_version) == ("2024-127", REVISION)
    old_decided = record_decision(db, case.id, DecisionInput(date(2026, 3, 10), ("乌力吉",)))
    new_decided = record_decision(db, later.id, DecisionInput(date(2026, 7, 10), ("乌力吉",)))
    assert old_decided.notification_deadline == date(2026, 3, 17)  # 7 days
    assert new_decided.notification_deadline == date(2026, 7, 20)  # 10 days under 2026-33
    new_text = _text(db, DocumentKind.exemption_decision, later.id)
    assert "10日内" in new_text and "鄂政发〔2026〕33号" in new_text and "（修订）" in new_text
    old_text = _text(db, DocumentKind.exemption_decision, case.id)
    assert "7日内" in old_text and "鄂政发〔2024〕127号" in old_text
    versions = {v.version: v for v in list_versions(db)}
    assert versions[REVISION].source == "数据库" and versions[REVISION].cases == 1
    assert versions["2024-127"].source == "内置文件、数据库"  # kept once a case used it


def test_a_case_keeps_its_version_until_the_clerk_explicitly_switches(
    db: Database, case: CaseDetail, revised: None
) -> None:
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 3, 9))
    set_reference_date(db, case.id, date(2026, 7, 1), "行为持续至七月")
    kept = save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 7, 2))
    assert kept.regulation_version == "2024-127"
    choice = version_choice(db, case.id, Facts.from_dict(J1_FACTS))
    assert choice.differs and (choice.kept, choice.in_force) == ("2024-127", REVISION)
    assert set(choice.results) == {"2024-127", REVISION}
    switched = save_proposal(db, case.id, J1_FACTS, version=REVISION, made_on=date(2026, 7, 2))
    assert switched.regulation_version == REVISION
    assert audit_actions(db, "case").count("set_reference_date") == 1


def test_a_version_is_added_once(db: Database, revised: None) -> None:
    with pytest.raises(ConflictError, match="已存在"):
        add_version(db, _revision_text("2026-06-01", 10), Path(f"{REVISION}.json"))
