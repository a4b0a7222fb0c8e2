"""第十七条 in one place: 易错风险点 — "同一类问题频繁出现或者同一领域集中出现的易错情形".

A pattern is one single-item citation of the committee's decisions (第十条第一款第（五）项)
recurring among the decided cases of one field, or of all fields, within a period; it is flagged
for a warning (警示提醒) when at least the threshold of cases cite it. The threshold and the
period's length are the regulation version's parameters (`risk_min_count`, `risk_period_days`).
The 统计分析 page and the 易错风险警示提醒 both count with `recurring_patterns`, so a memo drawn
from a row of the page states exactly that row's figures.

Units every decision of a kind cites (第十条第二款's three conditions of every exemption) say
nothing about where errors happen: the caller names them in `ignored` and they are not counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.rulebook import Rulebook


@dataclass(frozen=True)
class RiskSettings:
    min_count: int  # cases citing the same item that make a pattern to warn about
    period_days: int  # the default length of the period looked at


def risk_settings(rulebook: Rulebook, day: date) -> RiskSettings:
    """第十七条's threshold and period in force on `day`, from the version's data."""
    return RiskSettings(
        rulebook.parameter("risk_min_count", day), rulebook.parameter("risk_period_days", day)
    )


def period_ending(end: date, days: int) -> tuple[date, date]:
    """The `days` days up to and including `end`."""
    return end - timedelta(days=days - 1), end


def ignored_units(rulebook: Rulebook) -> tuple[Citation, ...]:
    """Units not counted: 第十条第二款 (the conditions every exemption cites)."""
    conditions = rulebook.unit("art10_conditions")
    return (Citation(conditions.article, conditions.paragraph),)


@dataclass(frozen=True)
class RiskRow:
    """One decided case as 第十七条 counts it."""

    case_id: int
    number: str
    field: str  # the field's code (林业和草原 …)
    departments: tuple[str, ...]  # of its officers
    citations: tuple[str, ...]  # the decision's citations, formatted
    day: date  # the date the period is counted by (when the conduct occurred)


@dataclass(frozen=True)
class RiskPattern:
    citation: str
    field: str | None  # None: all fields together
    rows: tuple[RiskRow, ...]  # oldest first
    flagged: bool  # count ≥ threshold: warn about it (警示提醒)

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def case_ids(self) -> tuple[int, ...]:
        return tuple(r.case_id for r in self.rows)

    @property
    def case_numbers(self) -> tuple[str, ...]:
        return tuple(r.number for r in self.rows)


@dataclass(frozen=True)
class RiskSelection:
    """One row of the statistics as the clerk chose it: what a 易错风险警示提醒 is about."""

    citation: str
    field: str | None  # None: all fields together
    start: date
    end: date
    min_count: int


def single_item_citations(citations: Iterable[str]) -> tuple[str, ...]:
    """Each citation once per item (第十条第一款第（四）（五）项 → its two items), in order."""
    out: list[str] = []
    for text in citations:
        try:
            parsed = Citation.parse(text)
        except ValueError:
            out.append(text)  # not a unit of the text (free wording): counted as written
            continue
        if parsed.items:
            out.extend(parsed.with_items(i).format() for i in parsed.items)
        else:
            out.append(parsed.format())
    return tuple(dict.fromkeys(out))


def counted_citations(citations: Iterable[str], ignored: tuple[Citation, ...]) -> tuple[str, ...]:
    """The single-item citations of one case that 第十七条 counts."""
    return tuple(c for c in single_item_citations(citations) if not _ignored(c, ignored))


def recurring_patterns(
    rows: Iterable[RiskRow],
    start: date,
    end: date,
    min_count: int,
    ignored: tuple[Citation, ...] = (),
) -> list[RiskPattern]:
    """Every citation of the rows dated in [start, end], per field and overall; most frequent
    first, the overall count before the fields'."""
    groups: dict[tuple[str, str | None], list[RiskRow]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r.day, r.case_id)):
        if not start <= row.day <= end:
            continue
        for citation in counted_citations(row.citations, ignored):
            groups[(citation, row.field)].append(row)
            groups[(citation, None)].append(row)
    found = [
        RiskPattern(citation, field, tuple(cases), len(cases) >= min_count)
        for (citation, field), cases in groups.items()
    ]
    return sorted(found, key=lambda p: (-p.count, p.field is not None, p.citation, p.field or ""))


def selected_pattern(
    rows: Iterable[RiskRow], selection: RiskSelection, ignored: tuple[Citation, ...] = ()
) -> RiskPattern | None:
    """The pattern of `selection`, counted exactly as the statistics count it."""
    for pattern in recurring_patterns(
        rows, selection.start, selection.end, selection.min_count, ignored
    ):
        if (pattern.citation, pattern.field) == (selection.citation, selection.field):
            return pattern
    return None


def most_recurring_of(
    rows: Iterable[RiskRow],
    case_id: int,
    start: date,
    end: date,
    min_count: int,
    ignored: tuple[Citation, ...] = (),
) -> RiskSelection | None:
    """For a memo asked for from one case: its field's pattern, among the case's own citations,
    with the most cases (None when the case is not counted in the period)."""
    patterns = recurring_patterns(rows, start, end, min_count, ignored)
    own = [p for p in patterns if p.field is not None and case_id in p.case_ids]
    if not own:
        return None
    best = own[0]  # already most frequent first
    return RiskSelection(best.citation, best.field, start, end, min_count)


def _ignored(citation: str, ignored: tuple[Citation, ...]) -> bool:
    try:
        parsed = Citation.parse(citation)
    except ValueError:
        return False
    unit = Citation(parsed.article, parsed.paragraph)
    return unit in ignored or Citation(parsed.article) in ignored
