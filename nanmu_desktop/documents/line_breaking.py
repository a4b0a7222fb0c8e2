"""Chinese line breaking and justification for one paragraph of styled characters.

Breaks fall only between clusters (see `break_rules`: 禁则, codes, 文号, dates and names kept
whole). Adjacent full-width punctuation is set closer first (标点挤压); then lines are chosen
over the whole paragraph (total fit) so each is justified by a small change of character
spacing: at most `MAX_SQUEEZE` tighter or `MAX_STRETCH` looser than normal. A line that
could only be filled by a wider spacing keeps the cap and ends a little short: no gaps.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics

from nanmu_desktop.documents.break_rules import (
    NO_LINE_END,
    NO_LINE_START,
    compresses,
    no_break_before,
)
from nanmu_desktop.documents.page_grid import EPSILON

__all__ = ["NO_LINE_END", "NO_LINE_START", "Line", "Piece", "StyledChar", "break_lines"]

MAX_STRETCH_EM = 0.06  # +0.96 pt at 16 pt between two characters
MAX_SQUEEZE_EM = 0.04  # −0.64 pt
_OVER_CAP = 1000.0  # cost of a line that needs more than the cap (kept only if unavoidable)


@dataclass(frozen=True)
class Piece:
    """Characters drawn with one reportlab font in one line; `x` (points from the line's start)
    places the piece explicitly, after a compressed punctuation mark."""

    font_name: str
    text: str
    x: float | None = None


@dataclass(frozen=True)
class Line:
    """One laid-out line: its pieces, where it starts (points from the 版心 left) and the
    character spacing that justifies it."""

    pieces: tuple[Piece, ...]
    x: float
    size: float
    char_space: float
    width: float  # from the first glyph's left to the last glyph's right

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class StyledChar:
    char: str
    font_name: str


def char_width(sc: StyledChar, size: float) -> float:
    return float(pdfmetrics.stringWidth(sc.char, sc.font_name, size))


def _cluster_starts(chars: Sequence[StyledChar], banned: Sequence[bool] | None) -> list[int]:
    """Indices where a break is allowed (cluster starts), always including 0."""
    starts = [0]
    for i in range(1, len(chars)):
        c, prev = chars[i].char, chars[i - 1].char
        if banned is not None and banned[i]:
            continue
        if c in NO_LINE_START or prev in NO_LINE_END:
            continue
        starts.append(i)
    return starts


def _split_overlong(para: _Paragraph, starts: list[int], n: int, width: float,
                    spacing: float) -> list[int]:
    """A cluster longer than a line (a long URL) is cut where it must be: any char may start
    a line inside it."""
    out: list[int] = []
    for a, b in zip(starts, [*starts[1:], n], strict=True):
        out.append(a)
        if para.natural(a, b, spacing) > width + EPSILON:
            out.extend(range(a + 1, b))
    return out


class _Paragraph:
    """Prefix sums of advances and compressions so any line's natural width is O(1)."""

    def __init__(self, chars: Sequence[StyledChar], size: float) -> None:
        self.widths = [char_width(sc, size) for sc in chars]
        self.kerns = [0.0] * len(chars)
        for i in range(len(chars) - 1):
            a, b = chars[i].char, chars[i + 1].char
            if compresses(a, b) and self.widths[i] > 0.9 * size and self.widths[i + 1] > 0.9 * size:
                self.kerns[i] = size / 2
        self.w_sum = [0.0]
        self.k_sum = [0.0]
        for w, k in zip(self.widths, self.kerns, strict=True):
            self.w_sum.append(self.w_sum[-1] + w)
            self.k_sum.append(self.k_sum[-1] + k)

    def natural(self, a: int, b: int, spacing: float) -> float:
        """Width of chars[a:b] with `spacing` between them; pairs inside the line compressed."""
        kern = self.k_sum[b - 1] - self.k_sum[a] if b - a > 1 else 0.0
        return self.w_sum[b] - self.w_sum[a] - kern + spacing * (b - a - 1)


def _line_cost(gap: float, gaps: int, size: float, last: bool, justify: bool,
               squeeze_em: float = MAX_SQUEEZE_EM) -> float | None:
    """Cost of a line `gap` points short of its measure (None: it does not fit)."""
    squeeze = squeeze_em * size * gaps if justify else 0.0
    if gap < -squeeze - EPSILON:
        return None
    if last:
        return 0.0 if gap >= 0 else 50.0 * (gap / squeeze) ** 2
    if not justify:
        return (gap / size) ** 2
    if gaps == 0:
        return _OVER_CAP + gap
    per_gap = gap / gaps
    stretch = MAX_STRETCH_EM * size
    if per_gap > stretch:
        return _OVER_CAP + (per_gap - stretch) * 100.0
    if per_gap >= 0:
        return 100.0 * (per_gap / stretch) ** 2
    return 150.0 * (per_gap / (squeeze_em * size)) ** 2


def _choose_breaks(para: _Paragraph, starts: list[int], n: int, width: float, size: float,
                   spacing: float, first_indent: float, justify: bool,
                   squeeze_em: float, line_cost: float) -> list[int]:
    """Break indices (line starts after the first) minimising the summed line costs."""
    nodes = [*starts, n]
    best: dict[int, tuple[float, int]] = {0: (0.0, -1)}
    loosest = spacing + (MAX_STRETCH_EM * size if justify else 0.0)
    for ni, a in enumerate(nodes[:-1]):
        if a not in best:
            continue
        base = best[a][0]
        avail = width - (first_indent if a == 0 else 0.0)
        # Lines ending before the first that the stretch cap can fill are worse than it: start
        # one node earlier (the fallback when nothing fits within the caps).
        first = bisect_left(nodes, avail - EPSILON, lo=ni + 1,
                            key=lambda b: para.natural(a, b, loosest))
        for b in nodes[max(ni + 1, first - 1):]:
            gap = avail - para.natural(a, b, spacing)
            cost = _line_cost(gap, b - a - 1, size, b == n, justify, squeeze_em)
            if cost is None:
                if b == nodes[ni + 1]:
                    cost = _OVER_CAP * 10  # a cluster longer than the line: it overflows
                else:
                    break
            total = base + cost + line_cost
            if b not in best or total < best[b][0]:
                best[b] = (total, a)
    breaks: list[int] = []
    at = n
    while at > 0:
        at = best[at][1]
        if at > 0:
            breaks.append(at)
    return breaks[::-1]


def _make_line(chars: Sequence[StyledChar], para: _Paragraph, a: int, b: int, x: float,
               avail: float, size: float, spacing: float, justify: bool) -> Line:
    gaps = b - a - 1
    natural = para.natural(a, b, spacing)
    char_space = spacing
    if gaps > 0 and (justify or natural > avail):
        adjust = (avail - natural) / gaps
        if justify:
            adjust = min(adjust, MAX_STRETCH_EM * size)
        char_space = spacing + adjust
    pieces: list[Piece] = []
    pos = 0.0
    placed_after_kern = False
    for i in range(a, b):
        sc = chars[i]
        if pieces and pieces[-1].font_name == sc.font_name and not placed_after_kern:
            last = pieces[-1]
            pieces[-1] = Piece(last.font_name, last.text + sc.char, last.x)
        else:
            pieces.append(Piece(sc.font_name, sc.char, pos if i > a else None))
        kern = para.kerns[i] if i < b - 1 else 0.0
        placed_after_kern = kern > 0
        pos += para.widths[i] + char_space - kern
    width = pos - char_space if b > a else 0.0
    return Line(tuple(pieces), x, size, char_space, width)


def break_lines(
    chars: list[StyledChar],
    width: float,
    size: float,
    spacing: float,
    first_indent: float = 0.0,
    justify: bool = True,
    banned: Sequence[bool] | None = None,
    squeeze_em: float = MAX_SQUEEZE_EM,
) -> list[Line]:
    """Lines of `width` points; every line but the last is justified to the full width when
    `justify`. `spacing` is the normal character spacing (negative to fit 28 per line);
    `banned[i]` forbids a break before chars[i] (words kept whole); `squeeze_em` is how much
    tighter than normal a line may be set (more only to keep a signature with its text)."""
    n = len(chars)
    if n == 0:
        return []
    if banned is None:
        banned = no_break_before("".join(sc.char for sc in chars))
    para = _Paragraph(chars, size)
    starts = _split_overlong(para, _cluster_starts(chars, banned), n, width - first_indent,
                             spacing)
    # Tightening to save a line: fewer lines first, evenness second.
    line_cost = 1.0 if squeeze_em <= MAX_SQUEEZE_EM else _OVER_CAP * 100
    breaks = _choose_breaks(para, starts, n, width, size, spacing, first_indent, justify,
                            squeeze_em, line_cost)
    bounds = [0, *breaks, n]
    lines: list[Line] = []
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        x = first_indent if k == 0 else 0.0
        last = k == len(bounds) - 2
        lines.append(_make_line(chars, para, a, b, x, width - x, size, spacing,
                                justify and not last))
    return lines
