"""Text → lines: picks the font per character (with fallbacks) and breaks into lines."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.pdfbase import pdfmetrics

from nanmu_desktop.documents.fonts import FontRole, FontSet
from nanmu_desktop.documents.glyphs import split_runs
from nanmu_desktop.documents.line_breaking import Line, Piece, StyledChar, break_lines


class Typesetter:
    def __init__(self, fonts: FontSet, sources: Mapping[str, str]) -> None:
        self.fonts = fonts
        self.sources = sources

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
        return break_lines(self.chars(text, role, field), width, size, spacing, first_indent,
                           justify)

    def line(self, text: str, role: FontRole, field: str, size: float, x: float = 0.0,
             spacing: float = 0.0) -> Line:
        """One unbroken line starting `x` points from the 版心 left."""
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
