"""Cases for the wizard and decision tests, registered through the services on a real file."""

from __future__ import annotations

from datetime import date

from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.officers import OfficerInput, add_officer, ensure_default_departments
from nanmu_desktop.storage.db import Database


def register_forestry_case(
    database: Database, officer_name: str = "关晓明", badge_number: str = "15-0783-00112"
) -> int:
    """Journey J1's case: a timber yard sealed in a snowstorm (综合行政执法办公室)."""
    departments = ensure_default_departments(database)
    officer = add_officer(
        database,
        OfficerInput(
            name=officer_name,
            department_id=departments[1].id,
            badge_number=badge_number,
            ethnicity="鄂伦春族",
        ),
    )
    case = register_case(
        database,
        CaseInput(
            source="personal_application",
            enforcement_type="administrative_inspection",
            field="forestry_grassland",
            occurred_on=date(2026, 1, 5),
            reported_on=date(2026, 1, 6),
            description="暴雪天气下对木材堆场实施查封，后经核实许可证因县级数据延迟而有效，当即解封并致歉。",
            officer_ids=(officer.id,),
            title="木材堆场查封容错申请",
        ),
    )
    return case.id
