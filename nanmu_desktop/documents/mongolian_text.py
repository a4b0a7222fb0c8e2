"""Mongolian text rules that need no font: suffixes joined with U+202F.

In Mongolian script a case or plural suffix is written apart from its stem but joined to it by
U+202F NARROW NO-BREAK SPACE (the Unicode standard's "Mongolian vowel separator" successor for
suffixes): it keeps the suffix's own initial form and forbids a line break before it. Text typed
or pasted with an ordinary space before a suffix is corrected here; the line is only ever
broken at ordinary spaces.
"""

from __future__ import annotations

import re

NNBSP = "\u202f"
_VARIATION = re.compile("[\u180b-\u180d\u180f]")  # free variation selectors: ignored to compare

_LETTERS = {
    "a": "\u1820", "e": "\u1821", "i": "\u1822", "o": "\u1823", "u": "\u1824", "O": "\u1825",
    "U": "\u1826", "n": "\u1828", "b": "\u182a", "g": "\u182d", "l": "\u182f", "t": "\u1832",
    "d": "\u1833", "c": "\u1834", "y": "\u1836", "r": "\u1837",
}
# Case endings, plural and reflexive suffixes written apart from the stem (transliterated).
_SUFFIXES_LATIN = (
    "yin", "un", "Un", "in", "u", "U",  # genitive
    "yi", "i",  # accusative
    "du", "dU", "tu", "tU",  # dative-locative
    "aca", "ece", "oca", "Oce",  # ablative
    "bar", "ber", "iyar", "iyer",  # instrumental
    "tai", "tei", "toi",  # comitative
    "nugud", "nUgUd", "ud", "Ud",  # plural
    "iyan", "iyen", "ban", "ben",  # reflexive-possessive
)
SUFFIXES = frozenset("".join(_LETTERS[c] for c in word) for word in _SUFFIXES_LATIN)


def is_suffix(word: str) -> bool:
    return _VARIATION.sub("", word) in SUFFIXES


def join_suffixes(text: str) -> str:
    """Ordinary spaces before a suffix become U+202F; other spaces collapse to one."""
    words = text.split()
    if not words:
        return ""
    out = words[0]
    for word in words[1:]:
        out += (NNBSP if is_suffix(word) else " ") + word
    return out


def break_points(text: str) -> list[int]:
    """Where a line may break: the ordinary spaces (never U+202F)."""
    return [i for i, char in enumerate(text) if char == " "]
