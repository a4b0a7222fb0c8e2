"""Rules the regulation leaves open, kept as settings with a visible default (domain.md).

- `art10_leniency_is_tolerance`: 第十条-based 从轻/减轻 counts as 予以容错 for 第十四条 and
  第十三条 (default yes: 第十条 outcomes are 容错; 第十一条 leniency is not).
- `notify_all_outcomes`: the 7-day 告知 and publication also for outcomes other than 容错
  decisions (default no, as the text says "容错决定作出后").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from nanmu_desktop.domain.decisions import counts_as_enforcement_error
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Setting

_KEY = "rule_options"


@dataclass(frozen=True)
class RuleOptions:
    art10_leniency_is_tolerance: bool = True
    notify_all_outcomes: bool = False


def read_rule_options(session: Session) -> RuleOptions:
    row = session.get(Setting, _KEY)
    stored = row.value if row is not None and isinstance(row.value, dict) else {}
    defaults = asdict(RuleOptions())
    return RuleOptions(**{
        key: bool(stored.get(key, default)) for key, default in defaults.items()
    })


def get_rule_options(db: Database) -> RuleOptions:
    with db.session() as session:
        return read_rule_options(session)


def set_rule_options(db: Database, options: RuleOptions, *, actor: str = DEFAULT_ACTOR) -> None:
    """Applies to decisions recorded from now on; recorded deadlines never move."""
    require(db, Operation.settings)
    with db.write_session() as session:
        before = asdict(read_rule_options(session))
        row = session.get(Setting, _KEY)
        if row is None:
            session.add(Setting(key=_KEY, value=asdict(options)))
        else:
            row.value = asdict(options)
        audit(session, actor, "update", "setting", _KEY, before, asdict(options))


def not_an_error(options: RuleOptions, outcome: str | None, ground: str | None) -> bool:
    """第十四条 for a decided case (False while undecided): not an enforcement error."""
    if outcome is None or ground is None:
        return False
    return not counts_as_enforcement_error(
        Outcome(outcome), Ground(ground),
        art10_leniency_is_tolerance=options.art10_leniency_is_tolerance,
    )
