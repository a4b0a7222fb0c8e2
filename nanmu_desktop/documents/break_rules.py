"""Where a Chinese line may break (禁则 and words kept whole) and which punctuation pairs are
set closer (标点挤压): the rules, separate from the line-filling algorithm."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A line never starts with these (closing marks, pause/stop punctuation) ...
NO_LINE_START = frozenset("，。、；：？！）」』》〉】〕〗”’…—·～%‰℃,.;:!?)]}")
# ... and never ends with these (opening marks).
NO_LINE_END = frozenset("（《「『〈【〔〖“‘([{")
# Runs never broken inside: codes such as case numbers RC-2026-001 and 执法证号
# 15-0783-00153, 文号 with their 机关代字 (鄂政发〔2026〕1号), dates (2026年11月30日).
_KEPT_WHOLE = re.compile(
    r"[A-Za-z0-9]+(?:[-/_.:·][A-Za-z0-9]+)+"
    r"|[\u4e00-\u9fff]{0,4}〔\d{4}〕\d+号"
    r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?"
    r"|\d{1,2}月\d{1,2}日"
    r"|[A-Za-z0-9]+"
)
# Full-width punctuation whose glyph fills half its box: two in a row are set closer.
_CLOSING_HALF = frozenset("，。、；：）」』》〉】〕〗”’")
_OPENING_HALF = frozenset("（「『《〈【〔〖“‘")
COMPRESSIBLE = _CLOSING_HALF | _OPENING_HALF


def kept_whole_spans(text: str, names: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of every run of `text` a line must not break inside: codes, 文号, dates
    and the given names (people named in the document)."""
    spans = [m.span() for m in _KEPT_WHOLE.finditer(text)]
    for name in names:
        if len(name) < 2:
            continue
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


def no_break_before(text: str, names: Iterable[str] = ()) -> list[bool]:
    """For each index i, whether a break before text[i] is forbidden (禁则 or a kept run)."""
    banned = [False] * len(text)
    for start, end in kept_whole_spans(text, names):
        for i in range(start + 1, end):
            banned[i] = True
    for i in range(1, len(text)):
        if text[i] in NO_LINE_START or text[i - 1] in NO_LINE_END:
            banned[i] = True
    return banned


def compresses(first: str, second: str) -> bool:
    """Whether `first` is set at half width before `second` (both full-width punctuation):
    its blank half is removed. An opening mark before a closing one would collide: kept."""
    if first not in COMPRESSIBLE or second not in COMPRESSIBLE:
        return False
    return not (first in _OPENING_HALF and second in _CLOSING_HALF)
