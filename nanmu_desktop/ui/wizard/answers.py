"""The wizard's answers as dotted fact keys, and their conversion to and from the facts JSON.

A key names one answer the way domain.md names facts: `exclusion.abuse_of_power`,
`art9.3`, `art10_conditions.remedied`. The catch-all reasons use the same keys
(`art9.9`, `art10.8`, `art11.3`), so one key space serves checks, reasons and evidence notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

BOOLEAN_GROUPS = ("exclusion", "art10_conditions")
ITEM_GROUPS = ("art9", "art10", "art11")


@dataclass
class Answers:
    """What the clerk has ticked, the written reasons and the evidence notes, by fact key."""

    checked: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)

    def restricted_to(self, keys: Iterable[str]) -> Answers:
        """Only the answers whose keys are in `keys` (the questions still on the path)."""
        wanted = set(keys)
        return Answers(
            checked=self.checked & wanted,
            reasons={k: v for k, v in self.reasons.items() if k in wanted and k in self.checked},
            evidence={k: v for k, v in self.evidence.items() if k in wanted and k in self.checked},
        )

    def to_facts_dict(self) -> dict[str, Any]:
        """The facts JSON of domain.md: only what was answered, catch-all reasons trimmed."""
        facts: dict[str, Any] = {}
        for key in sorted(self.checked, key=_sort_key):
            group, _, name = key.partition(".")
            if group in BOOLEAN_GROUPS:
                facts.setdefault(group, {})[name] = True
            elif group in ITEM_GROUPS:
                facts.setdefault(group, []).append(int(name))
        reasons = {k: v.strip() for k, v in self.reasons.items() if k in self.checked}
        if reasons:
            facts["reasons"] = reasons
        evidence = {
            k: v.strip() for k, v in self.evidence.items() if k in self.checked and v.strip()
        }
        if evidence:
            facts["evidence"] = evidence
        return facts

    @classmethod
    def from_facts_dict(cls, facts: Mapping[str, Any]) -> Answers:
        """Read back a saved proposal's facts (as `Facts.to_dict()` gives them)."""
        answers = cls()
        for group in BOOLEAN_GROUPS:
            for name, value in dict(facts.get(group) or {}).items():
                if value:
                    answers.checked.add(f"{group}.{name}")
        for group in ITEM_GROUPS:
            for number in facts.get(group) or ():
                answers.checked.add(f"{group}.{int(number)}")
        answers.reasons = {str(k): str(v) for k, v in dict(facts.get("reasons") or {}).items()}
        answers.evidence = {str(k): str(v) for k, v in dict(facts.get("evidence") or {}).items()}
        return answers


def _sort_key(key: str) -> tuple[str, int, str]:
    group, _, name = key.partition(".")
    return (group, int(name), "") if name.isdigit() else (group, 0, name)
