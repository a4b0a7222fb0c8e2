"""Collecting input problems field by field, so one ValidationError can list them all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

from nanmu_desktop.errors import Problem, ValidationError

T = TypeVar("T")


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

    def text(self, value: object, field: str, *, required: bool = True, max_len: int = 0) -> str:
        """A stripped string; '' when absent and optional."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(field, "不能为空")
            return ""
        if not isinstance(value, str):
            self.add(field, "应为文字")
            return ""
        text = value.strip()
        if max_len and len(text) > max_len:
            self.add(field, f"不能超过 {max_len} 个字")
        return text

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
        self.add(field, f"取值“{value}”无效，可选：{labels}")
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
