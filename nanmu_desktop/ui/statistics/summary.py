"""The 统计分析 page's small summary: case counts by outcome and by status in the period."""

from __future__ import annotations

from datetime import date

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.services.case_list import CaseQuery, count_cases
from nanmu_desktop.storage.db import Database


def count_summary(db: Database, start: date, end: date) -> str:
    """Plain Chinese lines, e.g. "按认定结果：依法免责 3 件；…"; zero counts left out."""

    def line(title: str, counts: list[tuple[str, int]]) -> str:
        parts = [f"{label} {n} 件" for label, n in counts if n]
        return f"{title}：" + ("；".join(parts) if parts else "无")

    def query(outcomes: tuple[str, ...] = (), statuses: tuple[str, ...] = ()) -> CaseQuery:
        return CaseQuery(statuses=statuses, outcomes=outcomes, date_field="occurred_on",
                         date_from=start, date_to=end)

    outcomes = [(o.label, count_cases(db, query(outcomes=(o.value,)))) for o in Outcome]
    statuses = [(s.label, count_cases(db, query(statuses=(s.value,)))) for s in CaseStatus]
    total = count_cases(db, query())
    return "\n".join([f"期间内案件共 {total} 件", line("按认定结果", outcomes),
                      line("按办理状态", statuses)])
