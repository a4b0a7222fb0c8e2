"""`render_notice`: a `Notice` → GB/T 9704-2012 PDF bytes, identical for identical input.

Drafts (`Notice.draft` or no number yet) carry a light-grey diagonal 草稿 watermark on every
page and leave the 发文字号 line empty: the number is given only at registration, and keeping
the line keeps the draft's layout identical to the issued document's.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from nanmu_desktop.documents.fonts import FontRole, FontSet, default_fonts
from nanmu_desktop.documents.mongolian import MongolianLine
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.page_grid import (
    AREA_BOTTOM,
    AREA_LEFT,
    AREA_RIGHT,
    BODY_SIZE,
    PAGE_HEIGHT,
    PAGE_NUMBER_DROP,
    PAGE_WIDTH,
    RED_CMYK,
    SMALL_SIZE,
)
from nanmu_desktop.documents.page_items import Drawable
from nanmu_desktop.documents.pagination import is_draft, layout_notice
from nanmu_desktop.documents.pdf_metadata import PDF_VERSION, apply_metadata, notice_metadata
from nanmu_desktop.documents.typesetter import Typesetter

# The em dash of a CJK font sits about 0.35 em above the baseline: put that stroke 7 mm below
# the 版心 (7.5).
DASH_HEIGHT_EM = 0.35
WATERMARK = "草稿"
WATERMARK_SIZE = 150.0
WATERMARK_GREY = 0.88


def notice_names(notice: Notice) -> tuple[str, ...]:
    """People named in the notice, whose names lines never split: the builder's list and
    the 签发人."""
    signer = notice.header.signer if notice.header is not None else None
    return (*notice.names, *((signer,) if signer else ()))


def _is_letterhead(item: Drawable) -> bool:
    """What 套打 paper already carries: the red mark, Mongolian line and red rules."""
    return isinstance(item, MongolianLine) or getattr(item, "color", None) == RED_CMYK


def _draw_page_number(canvas: Canvas, number: int, ts: Typesetter) -> None:
    """「— n —」 4号宋体; odd pages right, even pages left, one character in from the 版心."""
    text = f"— {number} —"
    line = ts.line(text, FontRole.SONGTI, "页码", SMALL_SIZE)
    y = AREA_BOTTOM - PAGE_NUMBER_DROP - DASH_HEIGHT_EM * SMALL_SIZE
    x = AREA_RIGHT - SMALL_SIZE - line.width if number % 2 else AREA_LEFT + SMALL_SIZE
    txt = canvas.beginText(x, y)
    txt.setFillColorCMYK(0, 0, 0, 1)
    txt.setCharSpace(0)
    txt.setHorizScale(100)
    for piece in line.pieces:
        txt.setFont(piece.font_name, SMALL_SIZE)
        txt.textOut(piece.text)
    canvas.drawText(txt)


def _draw_watermark(canvas: Canvas, ts: Typesetter) -> None:
    line = ts.line(WATERMARK, FontRole.HEITI, "草稿水印", WATERMARK_SIZE)
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    txt = canvas.beginText(-line.width / 2, -WATERMARK_SIZE * 0.35)
    txt.setCharSpace(0)
    txt.setHorizScale(100)
    for piece in line.pieces:
        txt.setFont(piece.font_name, WATERMARK_SIZE)
        txt.textOut(piece.text)
    canvas.drawText(txt)
    canvas.restoreState()


def render_notice(notice: Notice, fonts: FontSet | None = None,
                  preprinted: bool = False) -> bytes:
    """Lay out and draw `notice`; raises `MissingGlyphError` before drawing anything if a
    character has no glyph in any font. `preprinted` (套打) is for paper that already carries
    the red head: the red mark, Mongolian line and red rules are left out, everything else
    stays exactly in place."""
    ts = Typesetter(fonts or default_fonts(), notice.sources, notice_names(notice))
    pages = layout_notice(notice, ts)
    buffer = io.BytesIO()
    # The initial font is one of ours so no unembedded Helvetica lands in the PDF.
    body_font = ts.fonts.font_name(ts.fonts.roles[FontRole.FANGSONG])
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1,
                    pageCompression=1, initialFontName=body_font, initialFontSize=BODY_SIZE,
                    pdfVersion=PDF_VERSION)
    apply_metadata(canvas, notice_metadata(notice))
    draft = is_draft(notice)
    for number, page in enumerate(pages, start=1):
        if draft:
            _draw_watermark(canvas, ts)
        for item in page.items:
            if not (preprinted and _is_letterhead(item)):
                item.draw(canvas)
        if page.numbered:
            _draw_page_number(canvas, number, ts)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
