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



_ORDER: tuple[Outcome, ...] = tuple(Outcome)


class Ground(StrEnum):
    """The legal ground of a result: which article applies, and so its modality.

    Two grounds lead to 从轻或减轻 and are kept apart in data and wording: 第十条第一款 without
    all of 第二款's conditions (应当从轻、减轻处理, within 容错) and 第十一条 alone (可以从轻或者
    减轻责任, within accountability). `none` is "no grounds": not tolerated, no article cited.
    """

    art12 = "art12"
    art9 = "art9"
    art10_exempt = "art10_exempt"
    art10_lenient = "art10_lenient"
    art11 = "art11"
    none = "none"

    @property
    def label(self) -> str:
        return _GROUND_LABELS[self]


_GROUND_LABELS: dict[Ground, str] = {
    Ground.art12: "第十二条不予容错情形",
    Ground.art9: "第九条履职尽责情形",
    Ground.art10_exempt: "第十条第一款情形且符合第二款条件",
    Ground.art10_lenient: "第十条第一款情形（第二款条件未全部符合）",
    Ground.art11: "仅有第十一条从轻、减轻情形",
    Ground.none: "不符合第九条至第十一条规定的情形",
}

_LABELS: dict[Outcome, str] = {
    Outcome.not_tolerated: "不予容错",
    Outcome.duty_fulfilled: "履职尽责（不予追责）",
    Outcome.exempt: "容错免责",
    Outcome.mitigated: "从轻或减轻处理",
}
