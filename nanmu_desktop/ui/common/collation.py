"""Names in pinyin order on screen: QCollator (zh_CN, ICU's pinyin collation), the order the
services give with domain/collation.pinyin_key (a test checks both agree)."""

from __future__ import annotations

import functools
from typing import Protocol, TypeVar

from PySide6.QtCore import QCollator, QLocale


class _Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=_Named)


def chinese_collator() -> QCollator:
    return QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def sort_by_name(rows: list[T]) -> list[T]:
    """`rows` by their `name` in pinyin order."""
    by_name = functools.cmp_to_key(chinese_collator().compare)
    return sorted(rows, key=lambda row: by_name(row.name))
