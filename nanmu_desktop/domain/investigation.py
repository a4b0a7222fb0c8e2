"""调查核实 (第十三条 "单位调查核实后，应当及时作出容错与否的认定结论") and the order of dates.

The text puts the investigation before the conclusion, so a 党委 meeting that decides before a
recorded investigation has ended is refused (the dates are wrong, or the decision rests on facts
not yet established — 第三条 "事实清楚、证据确凿、程序合法"). The text does not say a case without a
recorded investigation may not be decided (imported and back-entered cases have none), so its
absence is a warning that travels with the determination, never a block. Two investigators is
the convention of administrative investigation (《行政处罚法》第五十五条: 执法人员不得少于两人),
not a rule of the regulation: fewer is a warning too.
"""

from __future__ import annotations

from datetime import date

MIN_INVESTIGATORS = 2

NO_INVESTIGATION = (
    "未录入调查核实情况：第十三条规定单位调查核实后作出认定结论，请补录调查核实的人员、时间、"
    "查明的事实和证据。"
)


def investigation_warnings(recorded: bool, investigators: int) -> tuple[str, ...]:
    """What a determination should carry about its investigation (never a refusal)."""
    if not recorded:
        return (NO_INVESTIGATION,)
    if investigators < MIN_INVESTIGATORS:
        return (
            f"调查核实人员只有{investigators}名，一般应不少于{MIN_INVESTIGATORS}名，请核实。",
        )
    return ()


def later_than(later_label: str, later: date, earlier_label: str, earlier: date) -> str | None:
    """The Chinese message when `later` (which must not come first) is before `earlier`,
    naming both dates: 党委会议日期（2025-03-01）早于登记日期（2025-03-05）."""
    if later >= earlier:
        return None
    return f"{later_label}（{later.isoformat()}）早于{earlier_label}（{earlier.isoformat()}）"


def not_after_today(label: str, day: date, today: date) -> str | None:
    """The message when `day` lies in the future, naming both dates:
    调查结束日期（2031-01-01）晚于今天（2030-12-01）."""
    if day <= today:
        return None
    return f"{label}（{day.isoformat()}）晚于今天（{today.isoformat()}）"
