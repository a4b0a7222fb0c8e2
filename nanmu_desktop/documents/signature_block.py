"""署名, 成文日期 and 附注 (7.3.5, 7.3.6), kept on one page with the last body lines.

Sealed: the date is right-indented 4 characters, the authority centred over it, two empty
lines above so the hand-stamped seal (≈ 42 mm) presses both with its top within one line of
the text. Unsealed (7.3.5.2): authority one empty line below the text, right-indented 2
characters; the date starts 2 characters right of the authority's first character.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nanmu_desktop.documents.body_flow import BODY_SPACING
from nanmu_desktop.documents.break_rules import no_break_before
from nanmu_desktop.documents.fonts import FontRole
from nanmu_desktop.documents.line_breaking import Line, StyledChar, break_lines
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
from nanmu_desktop.domain.dates import chinese_date

SEAL_DIAMETER = 42 * MM  # a township government's round seal
SEAL_CENTRE_ABOVE_AUTHORITY = 4.0  # points: 署名 and date sit slightly below the seal centre
KEEP_BODY_LINES = 2  # body lines that move with the signature to a new page
TIGHT_SQUEEZE_EM = 0.06  # character spacing a paragraph may tighten by to keep the signature


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
    if not _makes_room(flow, ts, depth):
        # Never a page with only the signature: the last body lines come along.
        flow.move_to_new_page(flow.take_trailing_body_lines(KEEP_BODY_LINES))
    flow.skip_lines(block.gap_lines)
    flow.add(PlacedLine(block.authority, flow.cursor))
    flow.cursor += LINE_PITCH
    flow.add(PlacedLine(block.date, flow.cursor))
    flow.cursor += LINE_PITCH
    for line in note_lines:
        flow.place_line(line)


def _makes_room(flow: PageFlow, ts: Typesetter, depth: float) -> bool:
    """Whether `depth` fits below the text, after tightening the line pitch and, if need be,
    the character spacing of the last paragraph so it gives up a line (7.3.5.5)."""
    if flow.fits(depth) or flow.squeeze(flow.cursor + depth - flow.height):
        return True
    items, cursor = list(flow.page.items), flow.cursor
    if _tighten_last_paragraph(flow, ts) and (
            flow.fits(depth) or flow.squeeze(flow.cursor + depth - flow.height)):
        return True
    flow.page.items[:], flow.cursor = items, cursor  # no help: as it was
    return False


def _tighten_last_paragraph(flow: PageFlow, ts: Typesetter) -> bool:
    """Re-set the page's last paragraph (its lines on this page) up to `TIGHT_SQUEEZE_EM`
    tighter; True if that saved a line."""
    items = flow.page.items
    tail: list[PlacedLine] = []
    for item in reversed(items):
        if not (isinstance(item, PlacedLine) and item.body and item.para >= 0
                and (not tail or item.para == tail[0].para)):
            break
        tail.insert(0, item)
    if len(tail) < 2 or tail[-1].line_no != tail[-1].para_len - 1 or tail[0].heading:
        return False
    chars = [StyledChar(c, piece.font_name) for placed in tail
             for piece in placed.line.pieces for c in piece.text]
    banned = no_break_before("".join(sc.char for sc in chars), ts.names)
    lines = break_lines(chars, AREA_WIDTH, BODY_SIZE, BODY_SPACING, tail[0].line.x, True,
                        banned, squeeze_em=TIGHT_SQUEEZE_EM)
    saved = len(tail) - len(lines)
    if saved <= 0:
        return False
    del items[len(items) - len(tail):]
    items.extend(replace(tail[i], line=line, para_len=tail[i].para_len - saved)
                 for i, line in enumerate(lines))
    flow.cursor -= saved * LINE_PITCH
    return True
