"""Which page everything lands on. The 版记 sits on the document's last side (7.4), an even
page when printed double-sided, and never alone on a page: the last body lines and the
signature go over with it. The standard's own case — a blank page before a 版记 page, both
without page numbers (7.5) — is the last resort, when no move keeps the rules."""

from __future__ import annotations

from collections.abc import Iterator

from nanmu_desktop.documents.appendix_block import place_appendices
from nanmu_desktop.documents.body_flow import place_body, place_title
from nanmu_desktop.documents.colophon_block import (
    colophon_deficit,
    colophon_fits,
    colophon_height,
    place_colophon,
)
from nanmu_desktop.documents.header_block import place_header
from nanmu_desktop.documents.letter_block import place_letter_header
from nanmu_desktop.documents.notice_model import Notice, Table
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import AREA_HEIGHT, AREA_TOP, LINE_PITCH, LINES_PER_PAGE
from nanmu_desktop.documents.page_items import Box, Page, PlacedLine
from nanmu_desktop.documents.signature_block import place_signature
from nanmu_desktop.documents.typesetter import Typesetter

MAX_CANDIDATES = 3  # working plans compared before choosing
MAX_MOVED_LINES = 8  # body lines tried as the last page's share
# How many lines early the page before may end, to give the last page more to share.
EARLY_LINES = (0, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16)


def is_draft(notice: Notice) -> bool:
    return notice.draft or notice.number is None


Plan = tuple[dict[int, int], tuple[int, ...]]


def _compose(notice: Notice, ts: Typesetter, plan: Plan = ({}, ())) -> PageFlow:
    """Everything but the 版记. The plan's pages (by index) end that many lines early, and its
    moves carry the last body lines onto new pages."""
    short, moves = plan
    flow = PageFlow(short)
    if notice.header is not None:
        number = None if is_draft(notice) else notice.number
        if notice.format == "letter":
            place_letter_header(flow, notice.header, number, ts)
        else:
            place_header(flow, notice.header, number, ts)
        place_title(flow, notice, ts, blank_before=2)
    else:
        # A form without a red head (the 审批表): its table follows the title directly.
        form = not notice.recipients and bool(notice.body) and isinstance(notice.body[0], Table)
        place_title(flow, notice, ts, blank_before=0, blank_after=0 if form else 1)
    place_body(flow, notice, ts)
    place_signature(flow, notice, ts, moves)
    place_appendices(flow, notice, ts)
    if notice.format == "letter":
        flow.pages[0].numbered = False  # 10.1: no page number on a letter's first page
    return flow


def _body_lines_on_last_page(flow: PageFlow) -> int:
    return len({it.top for it in flow.page.items if isinstance(it, PlacedLine) and it.body})


def _takes(flow: PageFlow, height: float, even: bool) -> bool:
    """The 版记 fits on the flow's last page (tightening it if need be), which is even when
    `even` is asked for."""
    if flow.broken or (even and len(flow.pages) % 2):
        return False
    if not any(isinstance(it, PlacedLine) for it in flow.page.items):
        return False  # never a page with only the 版记
    return colophon_fits(flow, height) or flow.squeeze(colophon_deficit(flow, height))


def _plans(natural: PageFlow) -> Iterator[Plan]:
    """Plans that end the text on an even page. From an odd last page its last lines go over
    (with the page before ending early if the last page has too few lines to give); from a
    full even one, its share is spread over two more pages."""
    count = len(natural.pages)
    if count % 2:
        for early in EARLY_LINES if count > 1 else (0,):
            short = {count - 2: early} if early else {}
            for moved in range(2, MAX_MOVED_LINES + 1):
                yield short, (moved,)
        if natural.pages[-1].items and count > 1:
            # The last page (e.g. an attachment's table, which nothing before it can change)
            # ends early: its last rows go over to an even page and the 版记 joins them.
            free = int((AREA_HEIGHT - _depth(natural.pages[-1])) // LINE_PITCH)
            pushes = range(free + 1, min(free + MAX_MOVED_LINES, LINES_PER_PAGE - 2) + 1)
            for early in dict.fromkeys([*pushes, *EARLY_LINES[1:]]):
                yield {count - 1: early}, ()
        return
    share = _body_lines_on_last_page(natural)
    for moved in dict.fromkeys([max(4, share // 2), *range(4, share + 1)]):
        yield {}, (moved, 2)
    # The last page ends early so that what it pushes over fills an odd page, and the rest
    # goes on to an even one (a page of table rows, then the closing paragraphs).
    for early in EARLY_LINES[1:]:
        for moved in range(2, MAX_MOVED_LINES + 1):
            yield {count - 1: early}, (moved,)


def layout_notice(notice: Notice, ts: Typesetter) -> list[Page]:
    flow = _compose(notice, ts)
    colophon = notice.colophon
    if colophon is None:
        return flow.pages
    letter = notice.format == "letter"
    height = colophon_height(colophon, ts, letter)
    if letter:
        # 10.1: the 版记 closes the last page, whatever its parity.
        if not _takes(flow, height, even=False):
            flow = _compose(notice, ts, ({}, (2,)))
        place_colophon(flow, colophon, ts, letter=True)
        return flow.pages
    if not _takes(flow, height, even=True):
        best = _best_plan(notice, ts, flow, height)
        if best is None:
            _blank_then_colophon_page(flow)
        else:
            flow = best
    place_colophon(flow, colophon, ts)
    return flow.pages


def _best_plan(notice: Notice, ts: Typesetter, natural: PageFlow,
               height: float) -> PageFlow | None:
    """Of the first few plans that work, the one leaving the least white at page feet."""
    best: tuple[float, PageFlow] | None = None
    found = 0
    for plan in _plans(natural):
        candidate = _compose(notice, ts, plan)
        if not _takes(candidate, height, even=True):
            continue
        cost = _white(candidate)
        if best is None or cost < best[0]:
            best = (cost, candidate)
        found += 1
        if found == MAX_CANDIDATES:
            break
    return best[1] if best else None


def _depth(page: Page) -> float:
    """How far below the 版心 top the page's text and table cells reach."""
    bottoms = [it.top + it.line.size for it in page.items if isinstance(it, PlacedLine)]
    bottoms += [AREA_TOP - it.y for it in page.items if isinstance(it, Box)]
    return max(bottoms, default=0.0)


def _white(flow: PageFlow) -> float:
    """Sum of squares of the empty lines at the foot of every page but the last."""
    total = 0.0
    for page in flow.pages[:-1]:
        empty = (AREA_HEIGHT - _depth(page)) / LINE_PITCH
        total += empty * empty
    return total


def _blank_then_colophon_page(flow: PageFlow) -> None:
    """7.5's case: (a blank page and) a 版记 page, neither numbered."""
    blank = len(flow.pages) % 2 == 0
    if blank:
        flow.new_page()
        flow.page.blank = True
        flow.page.numbered = False
    flow.new_page()
    flow.page.numbered = not blank
