"""第十七条 in pictures: the decided cases of a period counted by cited item, field, department
and month, with the cases of one chosen pattern marked in every count.

The cases and citations counted are exactly those of `risk_patterns.recurring_patterns` (same
rows, same period, same single-item citations, same ignored units), so a chart never says
other than the table beside it and the memo drawn from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.domain.risk_patterns import (
    RiskPattern,
    RiskRow,
    counted_citations,
)

NO_DEPARTMENT = "未填科室"


@dataclass(frozen=True)
class Tally:
    """One bar: `count` cases, of which `marked` belong to the chosen pattern."""

    label: str
    count: int
    marked: int


@dataclass(frozen=True)
class Breakdown:
    by_citation: tuple[Tally, ...]  # most cases first
    by_field: tuple[Tally, ...]  # most cases first
    by_department: tuple[Tally, ...]  # most cases first, then pinyin
    by_month: tuple[Tally, ...]  # every month from the first case's to the last's, in order
    cases: int  # decided cases counted in the period


def breakdown(
    rows: Iterable[RiskRow],
    start: date,
    end: date,
    ignored: tuple[Citation, ...] = (),
    pattern: RiskPattern | None = None,
    field_label: Callable[[str], str] = str,
) -> Breakdown:
    """Count the rows dated in [start, end]; `pattern`'s cases are marked (its own citation's
    bar is marked only where that citation is counted, i.e. by the pattern's cases)."""
    chosen = {r.case_id for r in pattern.rows} if pattern is not None else set()
    by_citation: dict[str, set[int]] = defaultdict(set)
    by_field: dict[str, set[int]] = defaultdict(set)
    by_department: dict[str, set[int]] = defaultdict(set)
    by_month: dict[tuple[int, int], set[int]] = defaultdict(set)
    counted = 0
    for row in rows:
        if not start <= row.day <= end:
            continue
        counted += 1
        for citation in counted_citations(row.citations, ignored):
            by_citation[citation].add(row.case_id)
        by_field[field_label(row.field)].add(row.case_id)
        for department in row.departments or (NO_DEPARTMENT,):
            by_department[department].add(row.case_id)
        by_month[(row.day.year, row.day.month)].add(row.case_id)

    def tally(label: str, cases: set[int], marks: bool = True) -> Tally:
        return Tally(label, len(cases), len(cases & chosen) if marks else 0)

    def most_first(groups: dict[str, set[int]]) -> list[tuple[str, set[int]]]:
        return sorted(groups.items(), key=lambda kv: (-len(kv[1]), pinyin_key(kv[0])))

    citations = tuple(
        tally(c, cases, pattern is not None and c == pattern.citation)
        for c, cases in sorted(by_citation.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )
    return Breakdown(
        by_citation=citations,
        by_field=tuple(tally(f, cases) for f, cases in most_first(by_field)),
        by_department=tuple(tally(d, cases) for d, cases in most_first(by_department)),
        by_month=tuple(
            tally(f"{year}-{month:02d}", by_month.get((year, month), set()))
            for year, month in _months(min(by_month), max(by_month))
        ) if by_month else (),
        cases=counted,
    )


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from `first` to `last`, both included."""
    out: list[tuple[int, int]] = []
    year, month = first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
