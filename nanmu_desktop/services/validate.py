"""Collecting input problems field by field, so one ValidationError can list them all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TypeVar

from nanmu_desktop.domain.plain_text import is_blank, printable, text_problem
from nanmu_desktop.errors import Problem, ValidationError

T = TypeVar("T")

# SQLite stores integers in 8 bytes; money is kept in 分, so yuan are bounded the same way. The
# money limit is lower still: 15 significant digits survive a spreadsheet and a float unchanged.
INT64_MAX = 2**63 - 1
MAX_YUAN = Decimal("9999999999999.99")


class Problems:
    """Problems found so far; `raise_if_any()` raises them together, before any write."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        """Record a problem; only the first one per field is kept, so none is said twice."""
        if all(p.field != field for p in self.items):
            self.items.append(Problem(field, message))

    def extend(self, problems: Iterable[Problem], prefix: str = "") -> None:
        for p in problems:
            field = f"{prefix}.{p.field}" if prefix and p.field else (prefix or p.field)
            self.items.append(Problem(field, p.message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)

    def text(
        self,
        value: object,
        field: str,
        *,
        required: bool = True,
        max_len: int = 0,
        multiline: bool = False,
        mongolian: bool = False,
    ) -> str:
        """A stripped string; '' when absent and optional. Invisible-only text counts as empty;
        zero-width, control and private-use characters are refused (see domain.plain_text);
        `multiline` fields keep line breaks, the `mongolian` name its joiners."""
        if value is None or (isinstance(value, str) and is_blank(value)):
            if required:
                self.add(field, "不能为空")
            return ""
        if not isinstance(value, str):
            self.add(field, "应为文字")
            return ""
        text = value.strip()
        problem = text_problem(text, multiline=multiline, mongolian=mongolian)
        if problem:
            self.add(field, problem)
        elif max_len and len(text) > max_len:
            self.add(field, f"不能超过 {max_len} 个字")
        return text

    def integer(self, value: int, field: str, *, low: int = 0, high: int = INT64_MAX) -> bool:
        """True when `value` lies in [low, high], which must fit SQLite's 8-byte integers."""
        if isinstance(value, bool) or not low <= value <= high:
            self.add(field, f"应为 {low} 到 {high} 之间的整数")
            return False
        return True

    def money(self, value: Decimal | None, field: str, label: str) -> bool:
        """A non-negative amount in yuan that can be stored in 分; `label` names it (损失金额)."""
        if value is None:
            return True
        if not value.is_finite():
            self.add(field, f"{label}应为数字（单位：元）")
        elif value < 0:
            self.add(field, f"{label}不能为负数")
        elif value > MAX_YUAN:
            self.add(field, f"{label}过大，不能超过 {MAX_YUAN:,} 元")
        else:
            return True
        return False

    def day(self, value: object, field: str, *, required: bool = True) -> date | None:
        """A date given as a `date` or as ISO text `YYYY-MM-DD`."""
        if value is None or value == "":
            if required:
                self.add(field, "不能为空")
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.add(field, "日期格式应为 YYYY-MM-DD")
        return None

    def choice(
        self, value: object, field: str, options: Mapping[str, T], *, required: bool = True
    ) -> T | None:
        """One of `options`, given by its code or its Chinese label (both are keys)."""
        if value is None or value == "":
            if required:
                self.add(field, "不能为空")
            return None
        if isinstance(value, str) and value.strip() in options:
            return options[value.strip()]
        labels = "、".join(dict.fromkeys(k for k in options if not k.isascii()))
        shown = printable(str(value))  # echoed to a terminal or dialog: no control characters
        shown = shown if len(shown) <= 40 else shown[:40] + "…"
        self.add(field, f"取值“{shown}”无效，可选：{labels}")
        return None

    def check(self, ok: bool, field: str, message: str) -> None:
        if not ok:
            self.add(field, message)


def validated(build: Callable[[Problems], T]) -> T:
    """Run `build` with a fresh Problems and raise them all if any were found."""
    problems = Problems()
    result = build(problems)
    problems.raise_if_any()
    return result
