"""署名, 成文日期 and 附注 (7.3.5, 7.3.6), kept on one page with the last body lines.

Sealed: the date is right-indented 4 characters, the authority centred over it, two empty
lines above so the hand-stamped seal (≈ 42 mm) presses both with its top within one line of
the text. Unsealed (7.3.5.2): authority one empty line below the text, right-indented 2
characters; the date starts 2 characters right of the authority's first character.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from nanmu_desktop.documents.body_flow import BODY_SPACING
from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.line_breaking import Line
from nanmu_desktop.documents.notice_model import Notice, Signature
from nanmu_desktop.documents.page_flow import PageFlow
from nanmu_desktop.documents.page_grid import (
    AREA_WIDTH,
    BODY_SIZE,
    CHAR_PITCH,
    LINE_PITCH,
    MM,
)
from nanmu_desktop.documents.page_items import PlacedLine
from nanmu_desktop.documents.typesetter import Typesetter

SEAL_DIAMETER = 42 * MM  # a township government's round seal
SEAL_CENTRE_ABOVE_AUTHORITY = 4.0  # points: 署名 and date sit slightly below the seal centre
KEEP_BODY_LINES = 2  # body lines that move with the signature to a new page


def chinese_date(d: date) -> str:
    """成文日期 with Arabic digits, no zero padding: 2024年7月1日."""
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class _Block:
    authority: Line
    date: Line
    gap_lines: int  # empty lines between the text and the 署名
    seal_room: float  # extra depth below the 署名 top the seal needs


def _layout(sig: Signature, ts: Typesetter) -> _Block:
    field = ts.field(sig.authority, "署名")
    authority = ts.line(sig.authority, FontRole.FANGSONG, field, BODY_SIZE, spacing=BODY_SPACING)
    when = ts.line(chinese_date(sig.date), FontRole.FANGSONG, "成文日期", BODY_SIZE,
                   spacing=BODY_SPACING)
    if sig.sealed:
        date_x = AREA_WIDTH - 4 * CHAR_PITCH - when.width
        auth_x = min(date_x + (when.width - authority.width) / 2, AREA_WIDTH - authority.width)
        room = SEAL_DIAMETER / 2 - SEAL_CENTRE_ABOVE_AUTHORITY
        return _Block(replace(authority, x=max(auth_x, 0.0)), replace(when, x=date_x), 2, room)
    ws, wd = authority.width / CHAR_PITCH, when.width / CHAR_PITCH
    date_right = max(2.0, ws - wd)
    sign_right = date_right + wd + 2 - ws
    return _Block(
        replace(authority, x=AREA_WIDTH - (sign_right + ws) * CHAR_PITCH),
        replace(when, x=AREA_WIDTH - (date_right + wd) * CHAR_PITCH),
        1,
        0.0,
    )


def _note_text(note: str) -> str:
    stripped = note.strip()
    if stripped.startswith("（") and stripped.endswith("）"):
        return stripped
    return f"（{stripped}）"


def place_signature(flow: PageFlow, notice: Notice, ts: Typesetter,
                    moves: tuple[int, ...] = ()) -> None:
    """署名, 成文日期 and 附注 after the body. Each entry of `moves` first carries that many last
    body lines (and what follows) to a new page — how pagination puts the end on an even
    side. If the block does not fit, the page's line pitch tightens within limits (7.3.5.5)
    before the last two body lines go over with it."""
    for count in moves:
        flow.move_to_new_page(flow.take_trailing_body_lines(count))
    sig = notice.signature
    note_lines: list[Line] = []
    if notice.note:
        note = _note_text(notice.note)
        note_lines = ts.lines(note, FontRole.FANGSONG, ts.field(notice.note, "附注"),
                              AREA_WIDTH, BODY_SIZE, BODY_SPACING, first_indent=2 * CHAR_PITCH)
    if sig is None:
        if note_lines:
            flow.skip_lines(1)
            for line in note_lines:
                flow.place_line(line)
        return
    block = _layout(sig, ts)
    text_lines = 2 + len(note_lines)  # 署名, date, 附注 lines
    depth = max(block.gap_lines * LINE_PITCH + (text_lines - 1) * LINE_PITCH + BODY_SIZE,
                block.gap_lines * LINE_PITCH + block.seal_room)
    if not flow.fits(depth) and not flow.squeeze(flow.cursor + depth - flow.height):
        # Never a page with only the signature: the last body lines come along.
        flow.move_to_new_page(flow.take_trailing_body_lines(KEEP_BODY_LINES))
    flow.skip_lines(block.gap_lines)
    flow.add(PlacedLine(block.authority, flow.cursor))
    flow.cursor += LINE_PITCH
    flow.add(PlacedLine(block.date, flow.cursor))
    flow.cursor += LINE_PITCH
    for line in note_lines:
        flow.place_line(line)
