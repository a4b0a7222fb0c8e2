"""The rulebook of one regulation version: which unit of its text each fact group answers, the
outcome each legal ground leads to with its modality (应当 / 可以 / 不予), and the dated
parameters (notification days, 第十七条 threshold and period, extension caps).

It is data (`rulebook` in `resources/regulations/<version>.json`); the precedence of 第九条–
第十二条 is coded in `engine.py`. A version whose text does not fit the fact groups (another
number of items, a missing article) gets no rulebook: `structure_problems` says, article by
article, what differs, and determinations under it are refused with that message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.facts import CONDITION_KEYS, EXCLUSION_KEYS, ITEM_COUNTS
from nanmu_desktop.domain.outcomes import Ground
from nanmu_desktop.errors import NanmuError, NotFoundError

# Parameter names and what each means (shown in `regulation list` and the settings hints).
PARAMETER_LABELS: Mapping[str, str] = MappingProxyType({
    "notification_days": "容错决定告知期限（日，第十三条）",
    "risk_min_count": "易错风险提醒阈值（件，第十七条）",
    "risk_period_days": "易错风险统计期间（日，第十七条）",
    "rectification_max_days": "整改期限上限（日，第十六条）",
    "extension_max_days": "延长整改期限上限（日，第十六条）",
})
# Fact groups whose answers are items of a unit of the text; the last item is the catch-all.
LIST_GROUPS = tuple(ITEM_COUNTS)
# Fact groups whose answers are named flags: 第十二条's elements, 第十条第二款's conditions.
FLAG_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"exclusion": EXCLUSION_KEYS, "art10_conditions": CONDITION_KEYS}
)


class UnsupportedRegulationError(NanmuError):
    """The version's articles do not fit the determination rules (no rulebook attached)."""


@dataclass(frozen=True)
class DatedValue:
    start: date
    value: int


@dataclass(frozen=True)
class Parameter:
    """A number of the rules with the dates from which each value holds (newest last)."""

    name: str
    values: tuple[DatedValue, ...]

    def on(self, day: date) -> int:
        """The value in force on `day`; before the first date, the first value."""
        current = self.values[0].value
        for dated in self.values:
            if dated.start <= day:
                current = dated.value
        return current


@dataclass(frozen=True)
class GroundRule:
    """A legal ground: the outcome it leads to, its modality and the units it rests on."""

    ground: Ground
    modality: str  # 应当 / 可以 / 不予
    units: tuple[Citation, ...]


@dataclass(frozen=True)
class Rulebook:
    units: Mapping[str, Citation]  # fact group → the unit of the text it answers
    grounds: Mapping[Ground, GroundRule]
    parameters: Mapping[str, Parameter]

    def unit(self, group: str) -> Citation:
        return self.units[group]

    def parameter(self, name: str, on: date) -> int:
        try:
            return self.parameters[name].on(on)
        except KeyError:
            raise NotFoundError(f"规定版本未载明参数“{PARAMETER_LABELS.get(name, name)}”") from None

    def modality(self, ground: Ground) -> str:
        return self.grounds[ground].modality


def fact_key_citation(rulebook: Rulebook, key: str) -> Citation:
    """The unit a fact key answers: "art10.4" → 第十条第一款第（四）项."""
    group, _, item = key.partition(".")
    unit = rulebook.unit(group)
    if group in FLAG_GROUPS:
        if group == "exclusion":
            return unit  # 第十二条's elements are phrases of one sentence, not items
        return unit.with_items(FLAG_GROUPS[group].index(item) + 1)
    return unit.with_items(int(item))


def rulebook_data(rulebook: Rulebook, effective: date) -> dict[str, Any]:
    """The rulebook as version data, each parameter at its value on `effective` dated from it:
    what a township's own regulation takes over from the model when its articles fit."""
    return {
        "facts": {group: unit.format() for group, unit in rulebook.units.items()},
        "grounds": {
            ground.value: {"modality": rule.modality, "units": [c.format() for c in rule.units]}
            for ground, rule in rulebook.grounds.items()
        },
        "parameters": {
            name: [{"from": effective.isoformat(), "value": parameter.on(effective)}]
            for name, parameter in rulebook.parameters.items()
        },
    }
