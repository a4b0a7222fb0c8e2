"""Pages and the vertical cursor: places lines top-down and starts a new page when full."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.page_grid import AREA_HEIGHT, EPSILON, LINE_PITCH
from nanmu_desktop.documents.page_items import BLACK_CMYK, Drawable, Page, PlacedLine


class PageFlow:
    """`cursor` is the top offset (points below the 版心 top) of the next line on the page."""

    def __init__(self) -> None:
        self.pages: list[Page] = [Page()]
        self.cursor = 0.0

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page())
        self.cursor = 0.0

    def fits(self, height: float) -> bool:
        return self.cursor + height <= AREA_HEIGHT + EPSILON

    def add(self, item: Drawable) -> None:
        self.page.items.append(item)

    def place_line(
        self,
        line: Line,
        pitch: float = LINE_PITCH,
        color: tuple[float, float, float, float] = BLACK_CMYK,
        movable: bool = False,
        body: bool = False,
    ) -> PlacedLine:
        """Put `line` at the cursor (on a new page if it does not fit) and advance by `pitch`."""
        if not self.fits(line.size) and self.page.items:
            self.new_page()
        placed = PlacedLine(line, self.cursor, color, keep_with_next=movable, body=body)
        self.add(placed)
        self.cursor += pitch
        return placed

    def skip_lines(self, count: int) -> None:
        """Leave `count` empty body lines (空N行); never carries over to a new page."""
        self.cursor = min(self.cursor + count * LINE_PITCH, AREA_HEIGHT + LINE_PITCH)

    def move_to_new_page(self, lines: list[PlacedLine]) -> None:
        """Start a new page holding `lines` with their spacing kept."""
        self.new_page()
        if not lines:
            return
        origin = min(placed.top for placed in lines)
        for placed in lines:
            self.add(replace(placed, top=placed.top - origin))
        self.cursor = max(placed.top for placed in lines) - origin + LINE_PITCH

    def take_trailing_body_lines(self, count: int) -> list[PlacedLine]:
        """Remove the trailing movable lines (附件说明) and the last `count` body lines before
        them from the current page, to move them with what follows — never the whole page."""
        items = self.page.items
        taken: list[PlacedLine] = []
        body_tops: set[float] = set()
        while len(items) > 1:
            last = items[-1]
            if not (isinstance(last, PlacedLine) and last.keep_with_next):
                break
            if last.body and last.top not in body_tops:
                if len(body_tops) == count:
                    break
                body_tops.add(last.top)
            taken.insert(0, last)
            items.pop()
        return taken
