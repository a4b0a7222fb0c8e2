"""第十七条: recurring problems — the same citation again and again, overall or in one field.

A case counts once per single-item citation of its current determination (the committee's
basis, else the proposal). 第十条第二款's conditions are left out: every exemption cites them,
so they say nothing about where errors happen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from nanmu_desktop.services import choices
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Determination

DEFAULT_MIN_COUNT = 3
_CONDITIONS_PREFIX = "第十条第二款"


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


def recurring_citations(
    db: Database,
    date_from: date | None,
    date_to: date | None,
    *,
    min_count: int = DEFAULT_MIN_COUNT,
) -> list[RecurringCitation]:
    """Citations of cases that occurred in [date_from, date_to], counted per field and overall;
    most frequent first."""
    problems = Problems()
    start = problems.day(date_from, "起始日期")
    end = problems.day(date_to, "截止日期")
    if start and end and start > end:
        problems.add("起始日期", "起始日期不能晚于截止日期")
    problems.check(min_count >= 2, "提醒阈值", "提醒阈值至少为 2 件")
    problems.raise_if_any()
    latest = select(func.max(Determination.id)).group_by(Determination.case_id).scalar_subquery()
    query = (
        select(Case.id, Case.number, Case.field, Determination.citations)
        .join(Determination, Determination.case_id == Case.id)
        .where(Determination.id.in_(latest), Case.occurred_on.between(start, end))
        .order_by(Case.occurred_on, Case.id)
    )
    groups: dict[tuple[str, str | None], list[tuple[int, str]]] = defaultdict(list)
    with db.session() as session:
        for case_id, number, field, citations in session.execute(query):
            for citation in dict.fromkeys(citations or ()):
                if citation.startswith(_CONDITIONS_PREFIX):
                    continue
                groups[(citation, field)].append((case_id, number))
                groups[(citation, None)].append((case_id, number))
    found = [
        RecurringCitation(
            citation=citation,
            field=field,
            field_label=choices.label("field", field) if field else "全部领域",
            count=len(cases),
            case_ids=tuple(c[0] for c in cases),
            case_numbers=tuple(c[1] for c in cases),
            flagged=len(cases) >= min_count,
        )
        for (citation, field), cases in groups.items()
    ]
    return sorted(found, key=lambda r: (-r.count, r.field is not None, r.citation, r.field or ""))
