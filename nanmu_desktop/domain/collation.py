"""Chinese names in pinyin order, the order the clerk expects in lists, exports and the CLI.

The UI sorts with `QCollator` (locale zh_CN, ICU's pinyin collation); this key gives the same
order outside Qt: syllable by syllable (tone number after the letters, so zhan4 < zhang1), then
the character itself for homophones. A test checks both orders agree on a sample of names.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=4096)
def pinyin_key(name: str) -> tuple[tuple[str, str], ...]:
    """Sort key of `name`: (pinyin with tone number, character) for each character."""
    return tuple((_syllable(ch), ch) for ch in name.strip())


@lru_cache(maxsize=8192)
def _syllable(ch: str) -> str:
    # One character at a time: pypinyin joins runs of non-Chinese characters into one item.
    return lazy_pinyin(ch, style=Style.TONE3, neutral_tone_with_five=True)[0].lower()
