"""A real database with journey J1 (exempted, 第十条第一款第（四）项) made through the services,
shared by the test_issuing_* and test_ledger_* files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.officers import OfficerInput, add_officer, ensure_default_departments
from nanmu_desktop.services.settings import ProfileInput, complete_first_run
from nanmu_desktop.storage.db import Database, open_database

TOWNSHIP = "扎兰屯市南木鄂伦春民族乡人民政府"
J1_FACTS = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


def new_database(path: Path, *, prefixes: dict[str, str] | None = None) -> Database:
    db = open_database(path)
    complete_first_run(
        db,
        ProfileInput(
            name_zh=TOWNSHIP,
            name_mn="ᠨᠠᠮᠤ",
            document_prefixes=prefixes or {},
            signer="刘晓伟",
            issuing_authority="扎兰屯市南木鄂伦春民族乡党政综合办公室",
            default_cc=("扎兰屯市司法局",),
        ),
    )
    ensure_default_departments(db)
    return db


def add_case(
    db: Database,
    officer_name: str = "关某某",
    badge: str = "15-0783-00012",
    *,
    facts: dict[str, object] | None = None,
    decide: bool = True,
    field: str = "forestry_grassland",
    reported_on: date = date(2026, 1, 8),
) -> int:
    """A case of J1 with one officer; proposed and (by default) decided as proposed."""
    departments = {d.name: d.id for d in ensure_default_departments(db)}
    officer = add_officer(
        db,
        OfficerInput(
            name=officer_name,
            department_id=departments["综合行政执法办公室"],
            badge_number=badge,
            post="执法队员",
        ),
    )
    case = register_case(
        db,
        CaseInput(
            source="personal_application",
            enforcement_type="administrative_inspection",
            field=field,
            occurred_on=date(2026, 1, 5),
            reported_on=reported_on,
            description="暴风雪中检查木材加工场时，因县级许可数据延迟误认其许可证无效而查封场地",
            officer_ids=(officer.id,),
            loss_text="木材场停业两天",
            remedial_actions="当即解除查封并当面致歉",
        ),
    )
    save_proposal(db, case.id, facts or J1_FACTS, made_on=reported_on)
    if decide:
        record_decision(
            db, case.id, DecisionInput(meeting_date=date(2026, 1, 10), attendees=("刘晓伟",))
        )
    return case.id
