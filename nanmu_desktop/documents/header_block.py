"""版头 (7.2): Mongolian line and red 发文机关标志, 发文字号 / 签发人, red separator line."""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.mongolian import layout_mongolian
from nanmu_desktop.documents.notice_model import Header
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    AREA_WIDTH,
    BODY_SIZE,
    CHAR_PITCH,
    MARK_OFFSET,
    RED_CMYK,
    RED_LINE_GAP,
    RED_LINE_WIDTH,
    next_top,
)
from nanmu_desktop.documents.page_items import PlacedLine, Rule
from nanmu_desktop.documents.typesetter import Typesetter

MARK_SIZE = 36.0  # 小初: red heads are set large and compressed to fit the 版心
MIN_MARK_SCALE = 55.0  # below this horizontal compression the mark is set smaller instead
MONGOLIAN_GAP_EM = 0.25  # space between the Mongolian line and the Chinese mark


def _mark_size_and_scale(natural_at_size: float) -> tuple[float, float]:
    """Font size and horizontal scale (%) that fit the mark into the 版心 width."""
    if natural_at_size <= AREA_WIDTH:
        return MARK_SIZE, 100.0
    scale = AREA_WIDTH / natural_at_size * 100.0
    if scale >= MIN_MARK_SCALE:
        return MARK_SIZE, scale
    size = MARK_SIZE * scale / MIN_MARK_SCALE
    return size, MIN_MARK_SCALE


def place_mark(flow: PageFlow, header: Header, text: str, top: float,
               ts: Typesetter) -> float:
    """The Mongolian line and the red mark `text`, the block's top `top` points below the 版心
    top; returns the top offset of the mark's bottom edge."""
    field = ts.field(header.mark, "发文机关标志")
    natural = ts.width(text, FontRole.XIAOBIAOSONG, field, MARK_SIZE)
    size, scale = _mark_size_and_scale(natural)
    mark_width = natural * size / MARK_SIZE * scale / 100.0
    if header.mongolian:
        mongolian = layout_mongolian(ts.fonts, header.mongolian, top_y=AREA_TOP - top,
                                     width=mark_width, max_height=size)
        for row in mongolian:
            flow.add(row)
        last = mongolian[-1]
        top = AREA_TOP - last.top_y + last.height + MONGOLIAN_GAP_EM * size
    line = ts.line(text, FontRole.XIAOBIAOSONG, field, size, x=(AREA_WIDTH - mark_width) / 2)
    flow.add(PlacedLine(line, top, RED_CMYK, horiz_scale=scale))
    return top + size


def place_header(flow: PageFlow, header: Header, number: str | None, ts: Typesetter) -> None:
    """Lay the header block on the first page; leaves the cursor just below the red line."""
    mark_bottom = place_mark(flow, header, header.mark, MARK_OFFSET, ts)
    number_top = next_top(mark_bottom, blank_lines=2)
    _place_number(flow, header, number, number_top, ts)
    red_y = AREA_TOP - (number_top + BODY_SIZE) - RED_LINE_GAP
    flow.add(Rule(AREA_LEFT, AREA_RIGHT, red_y, RED_LINE_WIDTH, RED_CMYK))
    flow.cursor = AREA_TOP - red_y


def _place_number(flow: PageFlow, header: Header, number: str | None, top: float,
                  ts: Typesetter) -> None:
    """发文字号 centred; with 签发人 the number goes left (1 character in) and
    「签发人：name」 right (1 character in), the name in 楷体."""
    if header.signer:
        label = ts.line("签发人：", FontRole.FANGSONG, "签发人", BODY_SIZE)
        name = ts.line(header.signer, FontRole.KAITI, ts.field(header.signer, "签发人"),
                       BODY_SIZE)
        name_x = AREA_WIDTH - CHAR_PITCH - name.width
        flow.add(PlacedLine(replace(name, x=name_x), top))
        flow.add(PlacedLine(replace(label, x=name_x - label.width), top))
        if number:
            line = ts.line(number, FontRole.FANGSONG, "发文字号", BODY_SIZE, x=CHAR_PITCH)
            flow.add(PlacedLine(line, top))
    elif number:
        line = ts.line(number, FontRole.FANGSONG, "发文字号", BODY_SIZE)
        flow.add(PlacedLine(replace(line, x=(AREA_WIDTH - line.width) / 2), top))
