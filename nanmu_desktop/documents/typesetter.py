"""Text → lines: picks the font per character (with fallbacks) and breaks into lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar, cast

from reportlab.pdfbase import pdfmetrics

from nanmu_desktop.documents.break_rules import no_break_before
from nanmu_desktop.documents.fonts import FontRole, FontSet
from nanmu_desktop.documents.glyphs import split_runs
from nanmu_desktop.documents.line_breaking import Line, Piece, StyledChar, break_lines

T = TypeVar("T")


class Typesetter:
    def __init__(self, fonts: FontSet, sources: Mapping[str, str],
                 names: Iterable[str] = ()) -> None:
        self.fonts = fonts
        self.sources = sources
        # People named in the document: a line never breaks inside one.
        self.names = tuple(sorted(set(names), key=len, reverse=True))
        self._lines: dict[tuple[object, ...], list[Line]] = {}
        self._memo: dict[tuple[object, ...], object] = {}

    def field(self, text: str, structural: str) -> str:
        """The field a text came from, for error messages: the builder's hint, else `structural`."""
        return self.sources.get(text, structural)

    def chars(self, text: str, role: FontRole, field: str) -> list[StyledChar]:
        out: list[StyledChar] = []
        for run in split_runs(self.fonts, role, text, self.field(text, field)):
            name = self.fonts.font_name(run.font)
            out.extend(StyledChar(c, name) for c in run.text)
        return out

    def lines(
        self,
        text: str,
        role: FontRole,
        field: str,
        width: float,
        size: float,
        spacing: float = 0.0,
        first_indent: float = 0.0,
        justify: bool = True,
    ) -> list[Line]:
        key = (text, role, field, width, size, spacing, first_indent, justify)
        cached = self._lines.get(key)
        if cached is None:
            # Pagination tries several plans: each paragraph is broken once.
            chars = self.chars(text, role, field)
            banned = no_break_before("".join(sc.char for sc in chars), self.names)
            cached = break_lines(chars, width, size, spacing, first_indent, justify, banned)
            self._lines[key] = cached
        return list(cached)

    def cached(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """`make()` once per key: pagination lays the document out several times."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    def line(self, text: str, role: FontRole, field: str, size: float, x: float = 0.0,
             spacing: float = 0.0) -> Line:
        """One unbroken line starting `x` points from the 版心 left."""
        return self.cached(("line", text, role, field, size, x, spacing),
                           lambda: self._line(text, role, field, size, x, spacing))

    def _line(self, text: str, role: FontRole, field: str, size: float, x: float,
              spacing: float) -> Line:
        chars = self.chars(text, role, field)
        pieces: list[Piece] = []
        for sc in chars:
            if pieces and pieces[-1].font_name == sc.font_name:
                pieces[-1] = Piece(sc.font_name, pieces[-1].text + sc.char)
            else:
                pieces.append(Piece(sc.font_name, sc.char))
        natural = sum(pdfmetrics.stringWidth(sc.char, sc.font_name, size) for sc in chars)
        width = natural + spacing * max(len(chars) - 1, 0)
        return Line(tuple(pieces), x, size, spacing, float(width))

    def width(self, text: str, role: FontRole, field: str, size: float,
              spacing: float = 0.0) -> float:
        return self.line(text, role, field, size, 0.0, spacing).width
