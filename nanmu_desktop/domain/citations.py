"""Citations of the regulation (第十条第一款第（四）项) and the Chinese numerals they use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 19 → 十九, 20 → 二十, 99 → 九十九 (articles and items stay below 100)."""
    if not 1 <= n <= 99:
        raise ValueError(f"numeral out of range: {n}")
    tens, units = divmod(n, 10)
    prefix = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return prefix + (_DIGITS[units] if units else "")


def parse_chinese_numeral(text: str) -> int:
    """The inverse of `chinese_numeral`; raises ValueError on anything else (一十, 零, 十十)."""
    tens, ten, units = text.partition("十")
    valid = (
        units in ("", *_DIGITS[1:])
        and (tens in ("", *_DIGITS[2:]) if ten else tens in _DIGITS[1:] and not units)
        and text != ""
    )
    if not valid:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not ten:
        return _DIGITS.index(tens)
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(units) if units else 0)


def item_marker(n: int) -> str:
    """The full-width item marker shown in the text and in citations: 4 → （四）."""
    return f"（{chinese_numeral(n)}）"


@dataclass(frozen=True, order=True)
class Citation:
    """A place in the regulation: an article, optionally one paragraph (款) and items (项).

    `paragraph=None` with items means the article's only paragraph; it is written without 款
    (第九条第（一）项), as is usual for single-paragraph articles. Items are kept sorted.
    """

    article: int
    paragraph: int | None = None
    items: tuple[int, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.article < 1 or (self.paragraph is not None and self.paragraph < 1):
            raise ValueError(f"invalid citation {self.article}/{self.paragraph}")
        items = tuple(sorted(set(self.items)))
        if any(i < 1 for i in items):
            raise ValueError(f"invalid items {self.items}")
        object.__setattr__(self, "items", items)

    def __str__(self) -> str:
        return _format(self.article, self.paragraph, self.items)

    def format(self) -> str:
        """第十条第二款第（一）（二）（三）项."""
        return _format(self.article, self.paragraph, self.items)

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Read back what `format` writes; raises ValueError on anything else."""
        match = _CITATION_RE.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not a citation: {text!r}")
        article, paragraph, items = match.groups()
        return cls(
            parse_chinese_numeral(article),
            parse_chinese_numeral(paragraph) if paragraph else None,
            tuple(parse_chinese_numeral(i) for i in re.findall(r"（(.+?)）", items or "")),
        )

    def with_items(self, *items: int) -> Citation:
        return Citation(self.article, self.paragraph, items)

    def containing(self) -> Citation | None:
        """The next larger unit: item → paragraph (or article) → article → None."""
        if self.items:
            return Citation(self.article, self.paragraph)
        if self.paragraph is not None:
            return Citation(self.article)
        return None


_NUM = "[一二三四五六七八九十]+"
_CITATION_RE = re.compile(rf"第({_NUM})条(?:第({_NUM})款)?(?:第((?:（{_NUM}）)+)项)?")


@lru_cache(maxsize=1024)
def _format(article: int, paragraph: int | None, items: tuple[int, ...]) -> str:
    # Cached: the engine formats the same few citations many thousand times a second.
    text = f"第{chinese_numeral(article)}条"
    if paragraph is not None:
        text += f"第{chinese_numeral(paragraph)}款"
    if items:
        text += "第" + "".join(item_marker(i) for i in items) + "项"
    return text
