"""What a laid-out page holds (text lines, rules, boxes) and how each is drawn on the canvas."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from reportlab.pdfgen.canvas import Canvas

from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.page_grid import AREA_LEFT, baseline

BLACK_CMYK = (0.0, 0.0, 0.0, 1.0)


@dataclass(frozen=True)
class PlacedLine:
    """A line whose character top is `top` points below the 版心 top."""

    line: Line
    top: float
    color: tuple[float, float, float, float] = BLACK_CMYK
    horiz_scale: float = 100.0
    keep_with_next: bool = False  # may move to the next page with what follows
    body: bool = False  # a line of body text (what a signature page must carry)
    para: int = -1  # body paragraph this line belongs to (−1: none)
    line_no: int = 0  # its index within the paragraph ...
    para_len: int = 1  # ... of this many lines
    heading: bool = False  # a heading line: never the last body line on a page

    @property
    def bottom(self) -> float:
        return self.top + self.line.size

    def draw(self, canvas: Canvas) -> None:
        line = self.line
        y = baseline(self.top, line.size)
        text = canvas.beginText(AREA_LEFT + line.x, y)
        text.setFillColorCMYK(*self.color)
        # Tc and Tz are graphics state and outlive the text object: always set both.
        text.setCharSpace(line.char_space)
        text.setHorizScale(self.horiz_scale)
        for piece in line.pieces:
            if piece.x is not None:
                # After a compressed punctuation mark (标点挤压) the next piece is placed.
                text.setTextOrigin(AREA_LEFT + line.x + piece.x * self.horiz_scale / 100, y)
            text.setFont(piece.font_name, line.size)
            text.textOut(piece.text)
        canvas.drawText(text)


@dataclass(frozen=True)
class Rule:
    """A horizontal rule from x0 to x1 (points from the page's left) at `y` (page y, centre)."""

    x0: float
    x1: float
    y: float
    thickness: float
    color: tuple[float, float, float, float] = BLACK_CMYK

    def draw(self, canvas: Canvas) -> None:
        canvas.setStrokeColorCMYK(*self.color)
        canvas.setLineWidth(self.thickness)
        canvas.line(self.x0, self.y, self.x1, self.y)


@dataclass(frozen=True)
class Box:
    """A stroked rectangle (table cell borders), in page coordinates."""

    x: float
    y: float
    width: float
    height: float
    thickness: float = 0.5

    def draw(self, canvas: Canvas) -> None:
        canvas.setStrokeColorCMYK(*BLACK_CMYK)
        canvas.setLineWidth(self.thickness)
        canvas.rect(self.x, self.y, self.width, self.height, stroke=1, fill=0)


class Drawable(Protocol):
    """Anything a page can hold: it draws itself on the canvas."""

    def draw(self, canvas: Canvas) -> None: ...


@dataclass
class Page:
    items: list[Drawable] = field(default_factory=list)
    numbered: bool = True  # 7.5: a blank page before the 版记 page and that page carry none
    blank: bool = False  # inserted so the 版记 falls on an even side

