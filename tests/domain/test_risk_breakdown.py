"""第十七条's charts count what its table counts: the same cases, citations and period."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.risk_breakdown import NO_DEPARTMENT, breakdown
from nanmu_desktop.domain.risk_patterns import RiskRow, recurring_patterns

ITEM4 = "第十条第一款第（四）项"
ITEM5 = "第十条第一款第（五）项"
CONDITIONS = Citation(10, 2)  # 第十条第二款: cited by every exemption, never counted


def row(case_id: int, field: str, day: date, departments: tuple[str, ...],
        *citations: str) -> RiskRow:
    return RiskRow(case_id, f"RC-{case_id}", field, departments, citations, day)


ROWS = [
    row(1, "market", date(2025, 1, 5), ("市场监管所",), "第十条第一款第（四）（五）项",
        "第十条第二款"),
    row(2, "market", date(2025, 3, 9), ("市场监管所", "综合执法队"), ITEM5),
    row(3, "forest", date(2025, 3, 20), (), ITEM5),
    row(4, "forest", date(2024, 12, 31), ("林业站",), ITEM4),  # before the period
]


def test_counts_by_item_field_department_and_month() -> None:
    data = breakdown(ROWS, date(2025, 1, 1), date(2025, 6, 30), (CONDITIONS,))
    assert data.cases == 3
    assert [(t.label, t.count) for t in data.by_citation] == [(ITEM5, 3), (ITEM4, 1)]
    assert [(t.label, t.count) for t in data.by_field] == [("market", 2), ("forest", 1)]
    departments = {t.label: t.count for t in data.by_department}
    assert departments == {"市场监管所": 2, "综合执法队": 1, NO_DEPARTMENT: 1}
    assert [(t.label, t.count) for t in data.by_month] == [
        ("2025-01", 1), ("2025-02", 0), ("2025-03", 2)
    ]
    assert all(t.marked == 0 for t in (*data.by_citation, *data.by_month))


def test_the_chosen_pattern_is_marked_in_every_chart() -> None:
    start, end = date(2025, 1, 1), date(2025, 6, 30)
    patterns = recurring_patterns(ROWS, start, end, 2, (CONDITIONS,))
    market5 = next(p for p in patterns if (p.citation, p.field) == (ITEM5, "market"))
    data = breakdown(ROWS, start, end, (CONDITIONS,), market5,
                     lambda code: {"market": "市场监管"}.get(code, code))
    citations = {t.label: (t.count, t.marked) for t in data.by_citation}
    assert citations == {ITEM5: (3, 2), ITEM4: (1, 0)}  # only the pattern's own item is marked
    assert {t.label: t.marked for t in data.by_field} == {"市场监管": 2, "forest": 0}
    assert {t.label: t.marked for t in data.by_month} == {"2025-01": 1, "2025-02": 0, "2025-03": 1}


days = st.dates(date(2024, 1, 1), date(2025, 12, 31))
rows_strategy = st.lists(
    st.builds(
        row, st.integers(1, 10_000), st.sampled_from(["a", "b"]), days,
        st.sampled_from([(), ("甲科",), ("甲科", "乙科")]),
        st.sampled_from([ITEM4, ITEM5, "第十条第一款第（四）（五）项"]),
    ),
    max_size=30, unique_by=lambda r: r.case_id,
)


@given(rows_strategy, days, days)
def test_the_item_chart_agrees_with_the_table(rows: list[RiskRow], a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    data = breakdown(rows, start, end)
    overall = {p.citation: p.count for p in recurring_patterns(rows, start, end, 2)
               if p.field is None}
    assert {t.label: t.count for t in data.by_citation} == overall
    assert sum(t.count for t in data.by_month) == data.cases
    assert sum(t.count for t in data.by_field) == data.cases
