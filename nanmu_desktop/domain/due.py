"""三色督办: an obligation's colour by its due date against today.

- red (红): overdue — the due date has passed;
- yellow (黄): due today;
- blue (蓝): due within the next 3 days;
- later: due after that (listed only on request).

`days` is the due date minus today in calendar days: negative = days overdue, 0 = due today,
positive = days left. A due date falling on a rest day is shown as it is: stored deadlines
already skip holidays where their rule says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

#: how many days ahead "blue" reaches (三色督办: 3 日内到期)
BLUE_DAYS = 3

#: 《信访工作条例》第三十二条: a petition accepted is answered within 60 days of receipt.
PETITION_RESPONSE_DAYS = 60
PETITION_RULE = "《信访工作条例》第三十二条：自受理之日起60日内办结"


class Level(StrEnum):
    red = "red"
    yellow = "yellow"
    blue = "blue"
    later = "later"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def urgent(self) -> bool:
        """Red and yellow: what the navigation badge counts."""
        return self in (Level.red, Level.yellow)


_LABELS = {
    Level.red: "逾期", Level.yellow: "今日到期", Level.blue: "即将到期", Level.later: "未到期"
}


def days_left(due: date, today: date) -> int:
    """Calendar days from `today` to `due` (negative: overdue)."""
    return (due - today).days


def classify(due: date, today: date) -> Level:
    days = days_left(due, today)
    if days < 0:
        return Level.red
    if days == 0:
        return Level.yellow
    if days <= BLUE_DAYS:
        return Level.blue
    return Level.later


def days_text(days: int) -> str:
    """已逾期 6 天 / 今日到期 / 还剩 2 天."""
    if days < 0:
        return f"已逾期 {-days} 天"
    if days == 0:
        return "今日到期"
    return f"还剩 {days} 天"


def petition_due(received_on: date) -> date:
    return received_on + timedelta(days=PETITION_RESPONSE_DAYS)


@dataclass(frozen=True)
class Obligation:
    """One open obligation of a case (or petition) with its due date."""

    case_id: int | None
    case_number: str
    what: str  # Chinese, e.g. 告知（第十三条）
    due: date
    note: str = ""  # the rule or detail behind the due date
    step: str = ""  # where the clerk acts: "tracking:notices", "documents:<kind>", …
    petition_id: int | None = None


@dataclass(frozen=True)
class DueItem:
    obligation: Obligation
    level: Level
    days: int


def due_items(
    obligations: list[Obligation], today: date, *, include_later: bool = False
) -> list[DueItem]:
    """The obligations coloured against `today`, most urgent first (then by due date)."""
    items = [DueItem(o, classify(o.due, today), days_left(o.due, today)) for o in obligations]
    if not include_later:
        items = [i for i in items if i.level is not Level.later]
    return sorted(items, key=lambda i: (i.days, i.obligation.case_number, i.obligation.what))


def counts(items: list[DueItem]) -> dict[Level, int]:
    result = dict.fromkeys(Level, 0)
    for item in items:
        result[item.level] += 1
    return result
