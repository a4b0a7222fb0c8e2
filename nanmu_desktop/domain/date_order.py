"""Date order of what a clerk records while tracking a case: each event on or after the one it
answers, none in the future. One message form, naming both dates, for every such check; the
caller's field name (送达日期, 回访日期 …) stands before it."""

from __future__ import annotations

from datetime import date


def order_problem(day: date, earlier_label: str, earlier: date) -> str | None:
    """The Chinese message when `day` comes before the date it must follow, naming both."""
    if day >= earlier:
        return None
    return f"{day.isoformat()} 早于{earlier_label}（{earlier.isoformat()}），不能在其之前"


def future_problem(day: date, today: date) -> str | None:
    """A recorded event cannot lie in the future."""
    if day <= today:
        return None
    return f"{day.isoformat()} 晚于今天（{today.isoformat()}），不能登记尚未发生的事"
