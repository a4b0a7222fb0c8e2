"""Chinese line breaking (禁则) and justification for one paragraph of styled characters."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics

from nanmu_desktop.documents.page_grid import EPSILON

# A line never starts with these (closing marks, pause/stop punctuation) ...
NO_LINE_START = frozenset("，。、；：？！）」』》〉】〕〗”’…—·～%‰℃,.;:!?)]}")
# ... and never ends with these (opening marks).
NO_LINE_END = frozenset("（《「『〈【〔〖“‘([{")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-/_@:%")
# A long code such as RC-2026-001 or 15-0783-00112 may break after its hyphens or slashes:
# kept whole, it would leave the line before it stretched to fill the width.
_BREAK_AFTER = frozenset("-/")


@dataclass(frozen=True)
class Piece:
    """Characters drawn with one reportlab font in one line."""

    font_name: str
    text: str


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


def _clusters(chars: list[StyledChar]) -> list[list[StyledChar]]:
    """Group characters into unbreakable clusters: Latin words/numbers stay whole, closing
    punctuation sticks to what precedes it, opening punctuation to what follows."""
    clusters: list[list[StyledChar]] = []
    glue_next = False
    for sc in chars:
        c = sc.char
        prev = clusters[-1] if clusters else None
        joins = prev is not None and (
            glue_next
            or c in NO_LINE_START
            or (
                c in _WORD_CHARS
                and prev[-1].char in _WORD_CHARS
                and prev[-1].char not in _BREAK_AFTER
            )
        )
        if joins and prev is not None:
            prev.append(sc)
        else:
            clusters.append([sc])
        glue_next = c in NO_LINE_END
    return clusters


def char_width(sc: StyledChar, size: float) -> float:
    return float(pdfmetrics.stringWidth(sc.char, sc.font_name, size))


def _make_line(chars: list[StyledChar], x: float, avail: float, size: float,
               spacing: float, justify: bool) -> Line:
    widths = [char_width(sc, size) for sc in chars]
    natural = sum(widths)
    n = len(chars)
    char_space = (avail - natural) / (n - 1) if justify and n > 1 else spacing
    pieces: list[Piece] = []
    for sc in chars:
        if pieces and pieces[-1].font_name == sc.font_name:
            pieces[-1] = Piece(sc.font_name, pieces[-1].text + sc.char)
        else:
            pieces.append(Piece(sc.font_name, sc.char))
    return Line(tuple(pieces), x, size, char_space, natural + char_space * max(n - 1, 0))


def break_lines(
    chars: list[StyledChar],
    width: float,
    size: float,
    spacing: float,
    first_indent: float = 0.0,
    justify: bool = True,
) -> list[Line]:
    """Fill lines of `width` points greedily by cluster; every line but the last is justified
    to the full width. `spacing` is the normal character spacing (negative to fit 28 per line)."""
    lines: list[Line] = []
    current: list[StyledChar] = []
    used = 0.0
    x = first_indent
    for cluster in _clusters(chars):
        advance = sum(char_width(sc, size) + spacing for sc in cluster)
        if current and used + advance > width - x + EPSILON:
            lines.append(_make_line(current, x, width - x, size, spacing, justify))
            current, used, x = [], 0.0, 0.0
        if not current and advance > width - x + EPSILON:
            # A cluster longer than a line (a long number or URL) is cut where it must be.
            for sc in cluster:
                step = char_width(sc, size) + spacing
                if current and used + step > width - x + EPSILON:
                    lines.append(_make_line(current, x, width - x, size, spacing, justify))
                    current, used, x = [], 0.0, 0.0
                current.append(sc)
                used += step
            continue
        current.extend(cluster)
        used += advance
    if current:
        lines.append(_make_line(current, x, width - x, size, spacing, False))
    return lines
