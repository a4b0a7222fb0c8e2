"""Deadlines under the office's day-counting setting and the holiday / 调休 table (the data
package's days overridden by the clerk's entries, see `work_calendar`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from nanmu_desktop.domain import deadlines
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.deadlines import DayCountRule, Deadline, WorkCalendar
from nanmu_desktop.domain.engine import rulebook_of
from nanmu_desktop.domain.regulation_loader import bundled_in_force, load_regulation
from nanmu_desktop.services.holiday_package import package_entries, package_years
from nanmu_desktop.services.settings import read_profile
from nanmu_desktop.services.work_calendar import effective_calendar
from nanmu_desktop.storage.db import Database

_RULES = {"calendar": DayCountRule.calendar_days, "working": DayCountRule.working_days}


def counting(session: Session) -> tuple[DayCountRule, WorkCalendar]:
    """The rule in force and the effective calendar of holidays and 调休 workdays."""
    return rule_for(read_profile(session).day_counting), effective_calendar(session)


def notification_days(decided_on: date, version: str | None = None) -> int:
    """第十三条's number of days on `decided_on`, from the rulebook of `version` (default: the
    bundled version in force that day)."""
    regulation = load_regulation(version) if version else bundled_in_force(decided_on)
    return rulebook_of(regulation).parameter("notification_days", decided_on)


def notification_deadline(session: Session, decided_on: date, days: int) -> Deadline:
    """第十三条's deadline from a decision on `decided_on` (`days` from the case's version),
    with the rule in words and warnings; computed once when the decision is recorded."""
    return _notification(session, decided_on, days)


def _notification(session: Session, decided_on: date, days: int) -> Deadline:
    rule, calendar = counting(session)
    return deadlines.notification_deadline(decided_on, days, rule, calendar)


def period(session: Session, start: date, days: int) -> Deadline:
    """A period of `days` from `start` (e.g. a rectification deadline), with warnings."""
    rule, calendar = counting(session)
    return deadlines.compute_deadline(start, days, rule, calendar)


def period_end(session: Session, start: date, days: int) -> date:
    """The last day of `period`."""
    return period(session, start, days).day


def preview_notification_deadline(
    db: Database, decided_on: date, version: str | None = None
) -> Deadline:
    """The deadline a decision on `decided_on` would get (the decision form's preview)."""
    days = notification_days(decided_on, version)
    with db.session() as session:
        return _notification(session, decided_on, days)


def rule_for(setting: str) -> DayCountRule:
    """The rule of the profile's `day_counting` setting ("calendar" / "working")."""
    return _RULES.get(setting, DayCountRule.calendar_days)


# A worked example beside the setting: a decision just before the 2025 National Day break.
_EXAMPLE_DECISION = date(2025, 9, 24)


def rule_hint(setting: str, on: date | None = None) -> str:
    """What the code does under `setting`, in words, for the settings page: the rule (with the
    days of the rulebook in force `on`), where holidays come from, and a computed example."""
    rule = rule_for(setting)
    days = notification_days(on or date.today())
    package = WorkCalendar.from_entries(package_entries(), package_years())
    example = deadlines.compute_deadline(_EXAMPLE_DECISION, days, rule, package)
    outcome = example.note or f"期限最后一日为{chinese_date(example.day)}。"
    return (
        f"{example.rule_text}\n"
        f"法定节假日和调休上班日取自随程序附带的节假日数据包（覆盖至{max(package_years())}年），"
        "以“节假日与调休”中手工录入的条目为准；两者都没有法定节假日的年份只认星期六、星期日"
        "为休息日，计算结果会提示补录。\n"
        f"例：{chinese_date(example.start)}作出决定，{outcome}"
    )

