"""第十七条: recurring problems — the same citation again and again, overall or in one field.

The counting is `domain/risk_patterns` (shared with the 易错风险警示提醒); this module reads the
decided cases from the store and the threshold and period from the regulation version in force.
Only decided cases count, by the citations of the committee's decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.risk_breakdown import Breakdown, breakdown
from nanmu_desktop.domain.risk_patterns import (
    RiskRow,
    RiskSettings,
    ignored_units,
    recurring_patterns,
    risk_settings,
    selected_pattern,
)
from nanmu_desktop.domain.risk_patterns import RiskSelection as RiskSelection
from nanmu_desktop.domain.risk_patterns import period_ending as period_ending
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services import choices
from nanmu_desktop.services.decided import decision_of
from nanmu_desktop.services.regulations import version_in_force
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Determination


@dataclass(frozen=True)
class RecurringCitation:
    """One 易错风险点 candidate: `field` is None for the count across all fields."""

    citation: str
    field: str | None
    field_label: str
    count: int
    case_ids: tuple[int, ...]
    case_numbers: tuple[str, ...]
    flagged: bool  # count ≥ the threshold: a pattern to warn about (警示提醒)
    first_day: date  # of its earliest case: where an open-ended period ("全部") really starts


def risk_defaults(db: Database, day: date | None = None) -> RiskSettings:
    """第十七条's threshold and period in force on `day` (today), from the version's data."""
    with db.session() as session:
        return risk_defaults_on(session, day or date.today())


def risk_defaults_on(session: Session, day: date) -> RiskSettings:
    regulation = version_in_force(session, day)
    if regulation.rulebook is None:
        raise ConflictError(f"规定版本“{regulation.version}”未载明易错风险提醒阈值和统计期间")
    return risk_settings(regulation.rulebook, day)


def ignored_on(session: Session, day: date) -> tuple[Citation, ...]:
    rulebook = version_in_force(session, day).rulebook
    return ignored_units(rulebook) if rulebook is not None else ()


def decided_rows(session: Session, start: date, end: date) -> list[RiskRow]:
    """The decided cases whose conduct occurred in [start, end], with their decision's
    citations (a case's current determination only)."""
    latest = select(func.max(Determination.id)).group_by(Determination.case_id).scalar_subquery()
    query = (
        select(Case, Determination)
        .join(Determination, Determination.case_id == Case.id)
        .where(
            Determination.id.in_(latest),
            Determination.decided_outcome.is_not(None),
            Case.occurred_on.between(start, end),
        )
        .order_by(Case.occurred_on, Case.id)
    )
    rows: list[RiskRow] = []
    for case, determination in session.execute(query):
        decision = decision_of(determination)
        if decision is None:
            continue
        departments = tuple(dict.fromkeys(
            link.officer.department.name
            for link in case.officer_links
            if link.officer.department is not None
        ))
        rows.append(RiskRow(
            case.id, case.number, case.field, departments, decision.citations, case.occurred_on
        ))
    return rows


def _period(
    date_from: date | None, date_to: date | None, problems: Problems | None = None
) -> tuple[date, date]:
    """The period asked for, checked; with the caller's other `problems`, all named at once."""
    problems = problems if problems is not None else Problems()
    start = problems.day(date_from, "起始日期")
    end = problems.day(date_to, "截止日期")
    if start and end and start > end:
        problems.add("起始日期", "起始日期不能晚于截止日期")
    problems.raise_if_any()
    assert start is not None and end is not None
    return start, end


def risk_charts(
    db: Database, date_from: date | None, date_to: date | None, chosen: RiskSelection | None = None
) -> Breakdown:
    """The decided cases of [date_from, date_to] by cited item, field, department and month (the
    charts of 统计分析), the cases of the `chosen` row marked; counted as `recurring_citations`
    counts them."""
    start, end = _period(date_from, date_to)
    with db.session() as session:
        rows = decided_rows(session, start, end)
        ignored = ignored_on(session, end)
    pattern = selected_pattern(rows, chosen, ignored) if chosen is not None else None
    return breakdown(rows, start, end, ignored, pattern, lambda code: choices.label("field", code))


def recurring_citations(
    db: Database,
    date_from: date | None,
    date_to: date | None,
    *,
    min_count: int | None = None,
) -> list[RecurringCitation]:
    """Citations of decided cases that occurred in [date_from, date_to], counted per field and
    overall; most frequent first. The threshold defaults to the version's `risk_min_count`."""
    problems = Problems()
    if min_count is not None:
        problems.check(min_count >= 2, "提醒阈值", "提醒阈值至少为 2 件")
    start, end = _period(date_from, date_to, problems)
    with db.session() as session:
        threshold = min_count if min_count is not None else risk_defaults_on(session, end).min_count
        rows = decided_rows(session, start, end)
        ignored = ignored_on(session, end)
    patterns = recurring_patterns(rows, start, end, threshold, ignored)
    return [
        RecurringCitation(
            citation=p.citation,
            field=p.field,
            field_label=choices.label("field", p.field) if p.field else "全部领域",
            count=p.count,
            case_ids=p.case_ids,
            case_numbers=p.case_numbers,
            flagged=p.flagged,
            first_day=p.rows[0].day,
        )
        for p in patterns
    ]
