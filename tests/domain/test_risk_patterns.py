"""第十七条's counting (domain/risk_patterns) and its threshold and period, read from the version
data in force on a date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from nanmu_desktop.domain.regulation_loader import (
    available_versions,
    in_force,
    load_regulation,
    regulations_dir,
)
from nanmu_desktop.domain.risk_patterns import (
    RiskRow,
    RiskSelection,
    ignored_units,
    period_ending,
    recurring_patterns,
    risk_settings,
    selected_pattern,
)


def second_version(min_count: int, period_days: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (regulations_dir() / "2024-127.json").read_text(encoding="utf-8")
    )
    data |= {"version": "2026-15", "issue_date": "2026-05-20", "effective_date": "2026-06-01"}
    parameters = data["rulebook"]["parameters"]
    parameters["risk_min_count"] = [{"from": "2026-06-01", "value": min_count}]
    parameters["risk_period_days"] = [{"from": "2026-06-01", "value": period_days}]
    return data


def test_threshold_and_period_come_from_the_version_in_force(tmp_path: Path) -> None:
    bundled = (regulations_dir() / "2024-127.json").read_text(encoding="utf-8")
    (tmp_path / "2024-127.json").write_text(bundled, encoding="utf-8")
    second = json.dumps(second_version(5, 365), ensure_ascii=False)
    (tmp_path / "2026-15.json").write_text(second, encoding="utf-8")
    versions = [load_regulation(v, tmp_path) for v in available_versions(tmp_path)]
    expected = {date(2026, 5, 31): (3, 183), date(2026, 6, 1): (5, 365)}
    for day, (min_count, period_days) in expected.items():
        regulation = in_force(versions, day)
        assert regulation.rulebook is not None
        settings = risk_settings(regulation.rulebook, day)
        assert (settings.min_count, settings.period_days) == (min_count, period_days), day


def _row(case_id: int, field: str, day: date, *citations: str) -> RiskRow:
    return RiskRow(case_id, f"RC-{case_id}", field, ("执法办",), citations, day)


def test_patterns_per_field_and_overall_within_the_period() -> None:
    regulation = load_regulation("2024-127")
    assert regulation.rulebook is not None
    ignored = ignored_units(regulation.rulebook)
    rows = [
        _row(1, "market", date(2026, 3, 1),
             "第十条第一款第（四）（五）项", "第十条第二款第（一）（二）（三）项"),
        _row(2, "market", date(2026, 4, 1), "第十条第一款第（五）项"),
        _row(3, "forest", date(2026, 5, 1), "第十条第一款第（五）项"),
        _row(4, "market", date(2026, 9, 1), "第十条第一款第（五）项"),  # after the period
    ]
    start, end = period_ending(date(2026, 8, 31), 184)
    assert start == date(2026, 3, 1)
    patterns = recurring_patterns(rows, start, end, 3, ignored)
    counts = {(p.citation, p.field): (p.count, p.flagged) for p in patterns}
    assert counts[("第十条第一款第（五）项", None)] == (3, True)
    assert counts[("第十条第一款第（五）项", "market")] == (2, False)
    assert counts[("第十条第一款第（四）项", "market")] == (1, False)
    assert not any(c.startswith("第十条第二款") for c, _ in counts)  # every exemption cites it
    assert patterns[0].field is None and patterns[0].case_ids == (1, 2, 3)
    selection = RiskSelection("第十条第一款第（五）项", "market", start, end, 2)
    chosen = selected_pattern(rows, selection)
    assert chosen is not None and chosen.flagged and chosen.case_ids == (1, 2)
