"""The facts a determination rests on, in the JSON shape of domain.md, strictly validated.

Every key is optional: a missing list means no item, a missing boolean means false. Anything
else — an unknown key, a wrong type, an item the article does not have, a duplicate, a catch-all
item without its written reason (invisible characters alone are no reason), a reason for an
item not chosen, a text with zero-width or control characters — is reported with its field
path, every problem at once, as a `ValidationError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from nanmu_desktop.domain.citations import chinese_numeral
from nanmu_desktop.domain.plain_text import is_blank, text_problem
from nanmu_desktop.errors import Problem, ValidationError

EXCLUSION_KEYS = ("abuse_of_power", "failure_to_perform", "harmed_rights")
CONDITION_KEYS = ("not_prohibited", "no_major_loss", "remedied")
# The regulation's own phrases for each element, shown as answer labels and in explanations.
EXCLUSION_LABELS: Mapping[str, str] = MappingProxyType({
    "abuse_of_power": "滥用法定职权",
    "failure_to_perform": "不履行法定职责",
    "harmed_rights": "致使公民、法人和其他组织的合法权益受到损害，造成不良后果",
})
CONDITION_LABELS: Mapping[str, str] = MappingProxyType({
    "not_prohibited": "法律没有明令禁止",
    "no_major_loss": "没有造成重大损失和严重不良影响",
    "remedied": "积极主动消除不良影响、挽回损失",
})
# Item lists: how many items the article has; the last one is always the catch-all 其他.
ITEM_COUNTS: Mapping[str, int] = MappingProxyType({"art9": 9, "art10": 8, "art11": 3})
ARTICLE_NAMES: Mapping[str, str] = MappingProxyType(
    {"art9": "第九条", "art10": "第十条第一款", "art11": "第十一条"}
)
REASON_KEYS = tuple(f"{name}.{count}" for name, count in ITEM_COUNTS.items())
FACT_KEYS: tuple[str, ...] = (
    *(f"exclusion.{k}" for k in EXCLUSION_KEYS),
    *(f"art9.{n}" for n in range(1, ITEM_COUNTS["art9"] + 1)),
    *(f"art10.{n}" for n in range(1, ITEM_COUNTS["art10"] + 1)),
    *(f"art10_conditions.{k}" for k in CONDITION_KEYS),
    *(f"art11.{n}" for n in range(1, ITEM_COUNTS["art11"] + 1)),
)
_TOP_KEYS = ("exclusion", *ITEM_COUNTS, "art10_conditions", "reasons", "evidence")


@dataclass(frozen=True)
class Exclusion:
    """第十二条: 滥用法定职权 / 不履行法定职责, and 合法权益受到损害、造成不良后果."""

    abuse_of_power: bool = False
    failure_to_perform: bool = False
    harmed_rights: bool = False

    @property
    def misconduct(self) -> bool:
        return self.abuse_of_power or self.failure_to_perform

    @property
    def applies(self) -> bool:
        """第十二条 bars tolerance only when misconduct AND the harm both hold."""
        return self.misconduct and self.harmed_rights


@dataclass(frozen=True)
class Art10Conditions:
    """The three conditions of 第十条第二款, items (一)(二)(三) in this order."""

    not_prohibited: bool = False
    no_major_loss: bool = False
    remedied: bool = False

    @property
    def met(self) -> tuple[int, ...]:
        """Item numbers (1–3) of the conditions that hold."""
        values = (self.not_prohibited, self.no_major_loss, self.remedied)
        return tuple(i for i, v in enumerate(values, 1) if v)

    @property
    def all_met(self) -> bool:
        return self.not_prohibited and self.no_major_loss and self.remedied

    @property
    def any_met(self) -> bool:
        return self.not_prohibited or self.no_major_loss or self.remedied


@dataclass(frozen=True)
class Facts:
    """One case's answers. Item lists are kept sorted; `reasons` and `evidence` are read-only."""

    exclusion: Exclusion = field(default_factory=Exclusion)
    art9: tuple[int, ...] = ()
    art10: tuple[int, ...] = ()
    art10_conditions: Art10Conditions = field(default_factory=Art10Conditions)
    art11: tuple[int, ...] = ()
    reasons: Mapping[str, str] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        lists = {"art9": self.art9, "art10": self.art10, "art11": self.art11}
        problems = _semantic_problems(lists, self.reasons, self.evidence)
        if problems:
            raise ValidationError(problems)
        for name, items in lists.items():
            object.__setattr__(self, name, tuple(sorted(items)))
        object.__setattr__(self, "reasons", MappingProxyType(dict(sorted(self.reasons.items()))))
        object.__setattr__(self, "evidence", MappingProxyType(dict(sorted(self.evidence.items()))))

    def __hash__(self) -> int:
        return hash(
            (self.exclusion, self.art9, self.art10, self.art10_conditions, self.art11,
             tuple(self.reasons.items()), tuple(self.evidence.items()))
        )

    @classmethod
    def from_dict(cls, obj: object) -> Facts:
        """Parse the JSON shape of domain.md; raises ValidationError listing every problem."""
        return _Parser().parse(obj)

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON shape: every key present, items sorted, maps sorted by key."""
        return {
            "exclusion": {k: getattr(self.exclusion, k) for k in EXCLUSION_KEYS},
            "art9": list(self.art9),
            "art10": list(self.art10),
            "art10_conditions": {k: getattr(self.art10_conditions, k) for k in CONDITION_KEYS},
            "art11": list(self.art11),
            "reasons": dict(self.reasons),
            "evidence": dict(self.evidence),
        }


def _ints(items: Sequence[int | None]) -> tuple[int, ...]:
    return tuple(n for n in items if n is not None)


def _item_name(list_name: str, n: int) -> str:
    marker = f"（{chinese_numeral(n)}）" if 1 <= n <= 99 else str(n)
    return f"{ARTICLE_NAMES[list_name]}第{marker}项"


def _semantic_problems(
    lists: Mapping[str, Sequence[int | None]],
    reasons: Mapping[str, str],
    evidence: Mapping[str, str],
) -> list[Problem]:
    problems: list[Problem] = []
    for name, items in lists.items():
        seen: set[int] = set()
        for index, n in enumerate(items):
            path = f"{name}[{index}]"
            if n is None:  # wrongly typed, already reported
                continue
            if not 1 <= n <= ITEM_COUNTS[name]:
                number = f"第{n}项" if abs(n) < 10**9 else "这么大的项号"
                problems.append(Problem(path, f"{ARTICLE_NAMES[name]}没有{number}"))
            elif n in seen:
                problems.append(Problem(path, f"重复选择了{_item_name(name, n)}"))
            seen.add(n)
    for key in REASON_KEYS:
        name, number = key.split(".")
        chosen = int(number) in lists[name]
        reason = reasons.get(key)
        if chosen and (reason is None or is_blank(reason)):
            item = _item_name(name, int(number))
            problems.append(Problem(f"reasons.{key}", f"选择了{item}（其他情形），须写明具体理由"))
        elif not chosen and reason is not None:
            problems.append(Problem(
                f"reasons.{key}", f"未选择{_item_name(name, int(number))}，不应填写理由"
            ))
    problems.extend(
        Problem(f"reasons.{key}", "未知的理由项，只能为 art9.9、art10.8、art11.3")
        for key in reasons if key not in REASON_KEYS
    )
    problems.extend(
        Problem(f"evidence.{key}", "未知的事实项") for key in evidence if key not in FACT_KEYS
    )
    for name, texts in (("reasons", reasons), ("evidence", evidence)):
        for key, text in texts.items():
            problem = text_problem(text, multiline=True)
            if problem and all(p.field != f"{name}.{key}" for p in problems):
                problems.append(Problem(f"{name}.{key}", problem))
    return problems


class _Parser:
    """Checks the JSON types, keeping what is well typed so the later checks still run."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def parse(self, obj: object) -> Facts:
        if not isinstance(obj, Mapping):
            raise ValidationError([Problem("facts", "认定事实应为 JSON 对象")])
        for key in obj:
            if key not in _TOP_KEYS:
                self.problems.append(Problem(str(key), "未知字段"))
        exclusion = self._flags(obj, "exclusion", EXCLUSION_KEYS)
        conditions = self._flags(obj, "art10_conditions", CONDITION_KEYS)
        lists = {name: self._items(obj, name) for name in ITEM_COUNTS}
        reasons = self._texts(obj, "reasons")
        evidence = self._texts(obj, "evidence")
        self.problems.extend(_semantic_problems(lists, reasons, evidence))
        if self.problems:
            raise ValidationError(self.problems)
        return Facts(
            exclusion=Exclusion(**exclusion),
            art9=_ints(lists["art9"]),
            art10=_ints(lists["art10"]),
            art10_conditions=Art10Conditions(**conditions),
            art11=_ints(lists["art11"]),
            reasons=reasons,
            evidence=evidence,
        )

    def _mapping(self, obj: Mapping[Any, Any], name: str) -> Mapping[Any, Any]:
        value = obj.get(name, {})
        if not isinstance(value, Mapping):
            self.problems.append(Problem(name, "应为 JSON 对象"))
            return {}
        return value

    def _flags(self, obj: Mapping[Any, Any], name: str, keys: tuple[str, ...]) -> dict[str, bool]:
        flags: dict[str, bool] = {}
        for key, value in self._mapping(obj, name).items():
            if key not in keys:
                self.problems.append(Problem(f"{name}.{key}", "未知字段"))
            elif not isinstance(value, bool):
                self.problems.append(Problem(f"{name}.{key}", "应为 true 或 false"))
            else:
                flags[key] = value
        return flags

    def _items(self, obj: Mapping[Any, Any], name: str) -> list[int | None]:
        """The list with None in place of a wrongly typed entry, so paths keep their index."""
        value = obj.get(name, [])
        if not isinstance(value, list):
            self.problems.append(Problem(name, "应为项号列表，如 [1, 4]"))
            return []
        items: list[int | None] = []
        for index, n in enumerate(value):
            # bool is an int in Python; true/false is never an item number.
            if isinstance(n, bool) or not isinstance(n, int):
                self.problems.append(Problem(f"{name}[{index}]", "项号应为整数"))
                items.append(None)
            else:
                items.append(n)
        return items

    def _texts(self, obj: Mapping[Any, Any], name: str) -> dict[str, str]:
        texts: dict[str, str] = {}
        for key, value in self._mapping(obj, name).items():
            if not isinstance(value, str):
                self.problems.append(Problem(f"{name}.{key}", "应为文字"))
            else:
                texts[str(key)] = value
        return texts
