"""The four outcomes of a determination (第九条–第十二条) and their Chinese labels."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """Declared in order of favourability for the officer: the first is the most favourable."""

    duty_fulfilled = "duty_fulfilled"
    exempt = "exempt"
    mitigated = "mitigated"
    not_tolerated = "not_tolerated"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 for the most favourable outcome (履职尽责) up to 3 (不予容错)."""
        return _ORDER.index(self)

    def more_favourable(self) -> tuple[Outcome, ...]:
        """The outcomes better for the officer than this one, best first."""
        return _ORDER[: self.rank]

    @property
    def counts_as_enforcement_error(self) -> bool:
        """第十四条: a tolerated case is not an enforcement error.

        履职尽责 is no error at all and 容错免责 is tolerated; 从轻减轻 still holds the officer
        accountable (only more lightly) and 不予容错 fully, so those two count.
        """
        return self in (Outcome.mitigated, Outcome.not_tolerated)


_ORDER: tuple[Outcome, ...] = tuple(Outcome)

_LABELS: dict[Outcome, str] = {
    Outcome.not_tolerated: "不予容错",
    Outcome.duty_fulfilled: "履职尽责（不予追责）",
    Outcome.exempt: "容错免责",
    Outcome.mitigated: "从轻或减轻处理",
}
