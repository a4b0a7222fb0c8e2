"""The case list: filters, full-text search, sort and paging through storage.case_search."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.services import choices
from nanmu_desktop.services.case_types import CasePage, CaseSummary
from nanmu_desktop.storage.case_search import CaseQuery, CaseRow, search_cases
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import CaseOfficer, Department, Officer

__all__ = ["CaseQuery", "count_cases", "list_cases"]


def list_cases(db: Database, query: CaseQuery | None = None) -> CasePage:
    """One page of cases matching `query` (default: newest 50) and the total that match."""
    with db.session() as session:
        page = search_cases(session, query or CaseQuery())
        departments = _departments(session, [r.id for r in page.rows])
        rows = tuple(_summary(r, departments.get(r.id, ())) for r in page.rows)
        return CasePage(rows, page.total)


def count_cases(db: Database, query: CaseQuery | None = None) -> int:
    base = query or CaseQuery()
    probe = replace(base, offset=0, limit=0)
    with db.session() as session:
        return search_cases(session, probe).total


def _departments(session: Session, case_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not case_ids:
        return {}
    query = (
        select(CaseOfficer.case_id, Department.name)
        .join(Officer, Officer.id == CaseOfficer.officer_id)
        .join(Department, Department.id == Officer.department_id)
        .where(CaseOfficer.case_id.in_(case_ids))
        .order_by(CaseOfficer.case_id, CaseOfficer.position)
    )
    found: dict[int, list[str]] = {}
    for case_id, name in session.execute(query):
        names = found.setdefault(case_id, [])
        if name not in names:
            names.append(name)
    return {k: tuple(v) for k, v in found.items()}


def _summary(row: CaseRow, departments: tuple[str, ...]) -> CaseSummary:
    return CaseSummary(
        id=row.id,
        number=row.number,
        title=row.title,
        summary=row.summary,
        officers="、".join(row.officer_names),
        department="、".join(departments),
        source=row.source,
        source_label=choices.label("source", row.source),
        enforcement_type=row.enforcement_type,
        field=row.field,
        field_label=choices.label("field", row.field),
        occurred_on=row.occurred_on,
        reported_on=row.reported_on,
        status=row.status,
        status_label=CaseStatus(row.status).label,
        outcome=row.outcome,
        outcome_label=Outcome(row.outcome).label if row.outcome else "",
    )
