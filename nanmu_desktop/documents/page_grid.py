"""GB/T 9704-2012 page geometry in points (reportlab: origin bottom-left).

The standard gives counts, not leading: 22 lines of 28 characters must fill the 156 × 225 mm
版心. With the first line's character top on the 版心 top and the 22nd line's bottom on its
bottom edge, 21 pitches + one 16 pt character = 225 mm, so the pitch is ≈ 29.61 pt; 28
characters across 156 mm give a 15.79 pt advance (16 pt glyphs with −0.21 pt spacing).
Margins are not mirrored on even pages (订口 28 mm on every page), as in most office
templates; page numbers alternate sides as 7.5 requires.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = float(A4[0]), float(A4[1])

AREA_LEFT = 28 * MM
AREA_WIDTH = 156 * MM
AREA_RIGHT = AREA_LEFT + AREA_WIDTH
AREA_HEIGHT = 225 * MM
AREA_TOP = PAGE_HEIGHT - 37 * MM
AREA_BOTTOM = AREA_TOP - AREA_HEIGHT

BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
SMALL_SIZE = 14.0  # 4号: 版记, page numbers
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
CHAR_PITCH = AREA_WIDTH / CHARS_PER_LINE
LINE_PITCH = (AREA_HEIGHT - BODY_SIZE) / (LINES_PER_PAGE - 1)
# One 标准行 (3.2) is a character plus 7/8 of a 3号 character: used for the title's leading.
TITLE_PITCH = TITLE_SIZE + BODY_SIZE * 7 / 8
# CJK fonts draw ideographs in an em box from −0.12 em to 0.88 em around the baseline.
EM_TOP = 0.88

MARK_OFFSET = 35 * MM  # 发文机关标志 top below the 版心 top (7.2.4)
RED_LINE_GAP = 4 * MM  # 版头分隔线 below the 发文字号 (7.2.5)
RED_LINE_WIDTH = 0.5 * MM  # thickness unspecified; 0.35–0.5 mm is usual
COLOPHON_THICK = 0.35 * MM
COLOPHON_THIN = 0.25 * MM
PAGE_NUMBER_DROP = 7 * MM  # page-number dash line below the 版心 bottom (7.5)
RED_CMYK = (0.0, 1.0, 1.0, 0.0)

# Tolerance for floating-point layout (well below a printer's 0.1 mm).
EPSILON = 0.01


def baseline(top_offset: float, size: float) -> float:
    """The baseline y of a line whose character top is `top_offset` points below the 版心 top."""
    return AREA_TOP - top_offset - EM_TOP * size


def next_top(prev_bottom: float, blank_lines: int = 0) -> float:
    """Top offset of the text that follows a line ending at `prev_bottom`, after `blank_lines`
    empty 3号 lines (空N行), keeping the body's regular gap between lines."""
    return prev_bottom + (LINE_PITCH - BODY_SIZE) + blank_lines * LINE_PITCH
