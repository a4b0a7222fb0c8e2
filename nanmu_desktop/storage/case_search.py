"""The case list: filters, full-text search, sort and paging, with the total count.

Every filter maps onto an index of `cases` (see models/cases.py) and the text goes
through the bigram FTS index, so a page of 100,000 cases comes back in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import ColumnElement, exists, false, func, select, text
from sqlalchemy.orm import Session

from .models import Case, CaseOfficer, Officer
from .search_index import FTS_TABLE, match_expression

SortKey = Literal["reported_on", "occurred_on", "updated_at", "number", "status"]
DateField = Literal["reported_on", "occurred_on"]
MAX_LIMIT = 500
SUMMARY_CHARS = 80


@dataclass(frozen=True)
class CaseQuery:
    """What the clerk asked for; empty filters match everything."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    officer_id: int | None = None
    department_id: int | None = None
    source: str | None = None
    field: str | None = None
    date_field: DateField = "reported_on"
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    sort: SortKey = "reported_on"
    descending: bool = True
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    title: str
    summary: str  # the first characters of the description
    status: str
    outcome: str | None
    source: str
    enforcement_type: str
    field: str
    occurred_on: date
    reported_on: date
    officer_names: tuple[str, ...]


@dataclass(frozen=True)
class CasePage:
    rows: tuple[CaseRow, ...]
    total: int


def search_cases(session: Session, query: CaseQuery) -> CasePage:
    """One page of cases matching `query`, and how many match in all."""
    conditions = _conditions(query)
    total = _count(session, query, conditions)
    if total == 0:
        return CasePage((), 0)
    sort_column = getattr(Case, query.sort)
    order = (sort_column.desc(), Case.id.desc()) if query.descending else (sort_column, Case.id)
    limit = max(0, min(query.limit, MAX_LIMIT))
    page = (
        select(Case).where(*conditions).order_by(*order).offset(max(0, query.offset)).limit(limit)
    )
    cases = list(session.scalars(page))
    names = _officer_names(session, [c.id for c in cases])
    rows = tuple(_row(case, names.get(case.id, ())) for case in cases)
    return CasePage(rows, total)


def _count(session: Session, query: CaseQuery, conditions: list[ColumnElement[bool]]) -> int:
    expression = match_expression(query.text)
    if expression is not None and len(conditions) == 1:
        # Text is the only filter: the index counts its own matches without touching `cases`
        # (its rows follow the cases: the ORM writes them, a trigger removes them).
        counted = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match")
        return session.scalar(counted, {"match": expression}) or 0
    return session.scalar(select(func.count()).select_from(Case).where(*conditions)) or 0


def _conditions(query: CaseQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.statuses:
        conditions.append(Case.status.in_(query.statuses))
    if query.outcomes:
        conditions.append(Case.outcome.in_(query.outcomes))
    if query.source is not None:
        conditions.append(Case.source == query.source)
    if query.field is not None:
        conditions.append(Case.field == query.field)
    date_column = getattr(Case, query.date_field)
    if query.date_from is not None:
        conditions.append(date_column >= query.date_from)
    if query.date_to is not None:
        conditions.append(date_column <= query.date_to)
    if query.officer_id is not None:
        officer_id = query.officer_id
        conditions.append(
            exists().where(CaseOfficer.case_id == Case.id, CaseOfficer.officer_id == officer_id)
        )
    if query.department_id is not None:
        conditions.append(
            exists().where(
                CaseOfficer.case_id == Case.id,
                Officer.id == CaseOfficer.officer_id,
                Officer.department_id == query.department_id,
            )
        )
    expression = match_expression(query.text)
    if expression is not None:
        matching = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match")
        conditions.append(Case.id.in_(matching.bindparams(match=expression)))
    elif query.text.strip():
        # Only punctuation was typed: nothing can match it.
        conditions.append(false())
    return conditions


def _officer_names(session: Session, case_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not case_ids:
        return {}
    query = (
        select(CaseOfficer.case_id, Officer.name)
        .join(Officer, Officer.id == CaseOfficer.officer_id)
        .where(CaseOfficer.case_id.in_(case_ids))
        .order_by(CaseOfficer.case_id, CaseOfficer.position, Officer.id)
    )
    names: dict[int, list[str]] = {}
    for case_id, name in session.execute(query):
        names.setdefault(case_id, []).append(name)
    return {case_id: tuple(found) for case_id, found in names.items()}


def _row(case: Case, officer_names: tuple[str, ...]) -> CaseRow:
    return CaseRow(
        id=case.id,
        number=case.number,
        title=case.title,
        summary=case.description[:SUMMARY_CHARS],
        status=case.status,
        outcome=case.outcome,
        source=case.source,
        enforcement_type=case.enforcement_type,
        field=case.field,
        occurred_on=case.occurred_on,
        reported_on=case.reported_on,
        officer_names=officer_names,
    )
