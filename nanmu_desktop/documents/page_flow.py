"""Pages and the vertical cursor: places lines top-down and starts a new page when full."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.page_grid import AREA_HEIGHT, EPSILON, LINE_PITCH
from nanmu_desktop.documents.page_items import BLACK_CMYK, Drawable, Page, PlacedLine

# 7.3.5.5: to keep the signature (or the 版记) with the text, a page's line pitch may tighten
# down to 28 pt — the grid most office templates use anyway.
MIN_LINE_PITCH = 28.0


class PageFlow:
    """`cursor` is the top offset (points below the 版心 top) of the next line on the page."""

    def __init__(self, short: dict[int, int] | None = None) -> None:
        self.pages: list[Page] = [Page()]
        self.cursor = 0.0
        self.broken = False  # a forced move could not keep the rules (the plan is rejected)
        # Pages (by index) that end this many lines early, pushing their last lines over.
        self.short = short or {}

    @property
    def height(self) -> float:
        """How deep this page's text may go."""
        return AREA_HEIGHT - self.short.get(len(self.pages) - 1, 0) * LINE_PITCH

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page())
        self.cursor = 0.0

    def fits(self, height: float) -> bool:
        return self.cursor + height <= self.height + EPSILON

    def lines_left(self, size: float) -> int:
        """How many more lines of `size` at the body pitch fit on this page."""
        room = self.height + EPSILON - self.cursor - size
        return 0 if room < 0 else int(room // LINE_PITCH) + 1

    def add(self, item: Drawable) -> None:
        self.page.items.append(item)

    def place_line(
        self,
        line: Line,
        pitch: float = LINE_PITCH,
        color: tuple[float, float, float, float] = BLACK_CMYK,
        movable: bool = False,
        body: bool = False,
        para: tuple[int, int, int] = (-1, 0, 1),
        heading: bool = False,
    ) -> PlacedLine:
        """Put `line` at the cursor (on a new page if it does not fit) and advance by `pitch`.
        `para` is (paragraph, line index, line count) of a body line."""
        if not self.fits(line.size) and self.page.items:
            self.new_page()
        placed = PlacedLine(line, self.cursor, color, keep_with_next=movable, body=body,
                            para=para[0], line_no=para[1], para_len=para[2], heading=heading)
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
        them from the current page, to move them with what follows. More come along rather
        than leave a paragraph's first line alone at the foot of the page, its last line alone
        at the top of the next, or a heading last on the page; the page keeps two body lines
        (or its header), else the flow is marked broken."""
        items = self.page.items
        taken: list[PlacedLine] = []
        body_tops: set[float] = set()

        def trailing() -> PlacedLine | None:
            last = items[-1] if items else None
            return last if isinstance(last, PlacedLine) and last.keep_with_next else None

        def take(line: PlacedLine) -> None:
            items.pop()
            taken.insert(0, line)

        def take_one_body_line() -> bool:
            while (last := trailing()) is not None:
                take(last)
                if last.body and last.top not in body_tops:
                    body_tops.add(last.top)
                    # Label and numbers share the line's top: take them too.
                    while (same := trailing()) is not None and same.top == last.top:
                        take(same)
                    return True
            return False

        while len(body_tops) < count and take_one_body_line():
            pass
        while True:
            first = next((t for t in taken if t.body), None)
            last = trailing()
            if first is None or last is None or not last.body:
                break
            same = last.para == first.para and last.para >= 0
            widow = same and first.line_no == first.para_len - 1 and first.line_no > 0 \
                and sum(1 for t in taken if t.body and t.para == first.para) == 1
            orphan = same and last.line_no == 0
            if not (widow or orphan or last.heading):
                break
            if not take_one_body_line():
                break
        if not _keeps_text(items, len(self.pages) == 1):
            self.broken = True
        return taken

    def squeeze(self, deficit: float) -> bool:
        """Tighten this page's line pitch (down to `MIN_LINE_PITCH`) so `deficit` more points
        fit below its lines; only pages whose flowing content is text lines."""
        if deficit <= 0:
            return True
        if self.short.get(len(self.pages) - 1):
            return False  # asked to end early: not also to tighten
        items = self.page.items
        first = next((i for i, it in enumerate(items)
                      if isinstance(it, PlacedLine) and it.keep_with_next), None)
        if first is None:
            return False
        tail = [it for it in items[first:] if isinstance(it, PlacedLine)]
        if len(tail) != len(items) - first:
            return False  # table cells and rules keep their places
        anchor = min(it.top for it in tail)
        span = self.cursor - anchor
        pitches = span / LINE_PITCH
        if pitches <= 0 or deficit > pitches * (LINE_PITCH - MIN_LINE_PITCH) + EPSILON:
            return False
        factor = (span - deficit) / span
        items[first:] = [replace(it, top=anchor + (it.top - anchor) * factor) for it in tail]
        self.cursor = anchor + span * factor
        return True


def _keeps_text(items: list[Drawable], first_page: bool) -> bool:
    """A page left after a move still carries text: page 1 at least a line of body under its
    header and title (7.3.3), a later page two body lines or table rows."""
    body = {it.top for it in items if isinstance(it, PlacedLine) and it.body}
    if first_page:
        return len(body) >= 1
    rows = any(isinstance(it, PlacedLine) and not it.keep_with_next for it in items)
    return len(body) >= 2 or rows
