"""What may stand in a text the clerk types: the one home of the check every field uses.

Refused, because they are invisible on screen yet change what is stored, searched or printed:
zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidirectional overrides, control
characters (a multi-line field keeps its line breaks and tabs), lone surrogates (cannot be
stored as UTF-8), non-characters, and private-use code points (no font of the documents draws
them). The Mongolian name may keep the joiners U+200C/U+200D, which steer the joining forms of
traditional Mongolian; U+180B–U+180F, U+202F and the Mongolian block are ordinary text anyway.
A text made only of spaces and invisible characters counts as empty.
"""

from __future__ import annotations

import re
import unicodedata

JOINERS = frozenset("\u200c\u200d")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = frozenset("\n\r\t\u2028\u2029")  # allowed in multi-line fields only
# Characters no ledger cell may hold: XML 1.0 refuses C0 controls but tab/LF/CR, and a lone
# surrogate cannot be written as UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# Every character text_problem() may object to, so clean text (nearly all) is passed by one
# regex search instead of a look at each character's category.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069"
    "\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufeff\ufffe\uffff\U000f0000-\U0010ffff"
    + "".join(chr(plane << 16 | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF))
    + "]"
)


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _is_noncharacter(ch: str) -> bool:
    n = ord(ch)
    return 0xFDD0 <= n <= 0xFDEF or (n & 0xFFFE) == 0xFFFE


def _is_invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Zs")


def is_blank(text: str) -> bool:
    """True when nothing visible is left: only spaces, line breaks and invisible characters."""
    return all(_is_invisible(ch) for ch in text)


def text_problem(text: str, *, multiline: bool = False, mongolian: bool = False) -> str | None:
    """Why `text` cannot be stored as typed (a Chinese sentence), or None when it can."""
    first = _SUSPECT.search(text)
    if first is None:
        return None
    for ch in text[first.start() :]:
        category = unicodedata.category(ch)
        if ch in ZERO_WIDTH and not (mongolian and ch in JOINERS):
            return f"含有看不见的零宽字符（{_code(ch)}），请删除后重新输入"
        if ch in BIDI_CONTROLS:
            return f"含有看不见的文字方向控制字符（{_code(ch)}），请删除后重新输入"
        if ch in LINE_BREAKS:
            if not multiline:
                return "不能换行或含制表符，请写在一行内"
        elif category == "Cc":
            return f"含有控制字符（{_code(ch)}），请删除后重新输入"
        elif category == "Cs":
            return f"含有无法保存的残缺字符（{_code(ch)}，单独的代理码），请重新输入"
        elif category == "Co":
            return f"含有私用区字符（{_code(ch)}），文书和台账中无法显示，请改用标准汉字"
        elif _is_noncharacter(ch):
            return f"含有无效字符（{_code(ch)}），请删除后重新输入"
    return None


def printable(text: str) -> str:
    """`text` without the characters a ledger or report cannot hold (for data stored earlier)."""
    return _UNPRINTABLE.sub("", text)
