"""The Mongolian line of the bilingual header, shaped with HarfBuzz.

Traditional Mongolian needs OpenType shaping (initial/medial/final forms, FVS); drawing code
points one by one gives wrong letters. Noto Sans Mongolian draws its glyphs sideways, so the
shaped glyphs drawn unrotated, left→right, are the horizontal form used on bilingual signs and
headers. Each shaped glyph is emitted through reportlab's TrueType embedding: glyphs without a
code point of their own (positional forms) get a private code from reportlab's shaping support,
and the line is wrapped in an ActualText span so copying it yields the Mongolian string.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import uharfbuzz as hb
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from nanmu_desktop.documents.fonts import FontRole, FontSet
from nanmu_desktop.documents.glyphs import MissingGlyphError
from nanmu_desktop.documents.mongolian_text import break_points, join_suffixes
from nanmu_desktop.documents.page_grid import AREA_LEFT, AREA_WIDTH, RED_CMYK

_PRIVATE_BASE, _PRIVATE_LAST = 0xE000, 0xF8FF


@dataclass(frozen=True)
class ShapedGlyph:
    gid: int
    code: str  # the character reportlab uses to address this glyph in the embedded subset
    x_advance: int  # font units
    x_offset: int
    y_offset: int


@dataclass(frozen=True)
class ShapedText:
    text: str
    font_name: str
    units_per_em: int
    glyphs: tuple[ShapedGlyph, ...]
    y_min: int  # ink extent of the whole line, font units
    y_max: int

    @property
    def advance(self) -> int:
        return sum(g.x_advance for g in self.glyphs)


def shape_glyph_ids(font_path: str, text: str) -> list[int]:
    """HarfBuzz's glyph ids for `text` (horizontal, script guessed): the reference shaping."""
    blob = hb.Blob.from_file_path(font_path)
    font = hb.Font(hb.Face(blob))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    return [info.codepoint for info in buf.glyph_infos]


def _private_code(ttf: TTFont, hb_font: hb.Font, gid: int, advance: int) -> int:
    """A code point for a glyph that has none (a positional form). U+E000 + glyph id when that
    is free, so the PDF bytes do not depend on what else this process shaped before (reprints
    must be identical); otherwise reportlab's own first-come private code."""
    face = ttf.face
    code = _PRIVATE_BASE + gid
    if code <= _PRIVATE_LAST and face.charToGlyph.get(code, gid) == gid:
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = ttf.pdfScale(advance)
        return code
    return int(ttf.hbAddPrivate(hb_font.glyph_to_string(gid), gid, advance))


def shape_mongolian(fonts: FontSet, text: str) -> ShapedText:
    font_file = fonts.roles[FontRole.MONGOLIAN]
    ttf: TTFont = fonts.ttfont(font_file)
    for char in text:
        if not char.isspace() and not fonts.has_char(font_file, char):
            raise MissingGlyphError(char, "蒙古文机关名称", "蒙古文字体")
    hb_font = ttf.hbFont(ttf.face.unitsPerEm)
    hb_font.scale = (ttf.face.unitsPerEm, ttf.face.unitsPerEm)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hb_font, buf, {})
    glyphs: list[ShapedGlyph] = []
    y_min, y_max = 0, 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        known = ttf.face.glyphToChar.get(gid)
        code = known[0] if known else _private_code(ttf, hb_font, gid, pos.x_advance)
        extents = hb_font.get_glyph_extents(gid)
        if extents is not None and extents.width:
            y_max = max(y_max, extents.y_bearing + pos.y_offset)
            y_min = min(y_min, extents.y_bearing + extents.height + pos.y_offset)
        glyphs.append(ShapedGlyph(gid, chr(code), pos.x_advance, pos.x_offset, pos.y_offset))
    return ShapedText(text, str(ttf.fontName), ttf.face.unitsPerEm, tuple(glyphs), y_min, y_max)


# Legibility limits: the line is compressed no further than MIN_SCALE, shrunk no further than
# MIN_SIZE_RATIO of the Chinese mark's height, and widened no further than MAX_SCALE; past those
# it breaks into two centred lines at an ordinary space (never at the U+202F before a suffix).
MIN_SCALE = 80.0
MAX_SCALE = 120.0
MIN_SIZE_RATIO = 0.7
LINE_GAP_EM = 0.2  # between two Mongolian lines


@dataclass(frozen=True)
class MongolianLine:
    """Shaped Mongolian drawn red and centred, its ink top at `top_y` (page y)."""

    shaped: ShapedText
    top_y: float
    size: float
    horiz_scale: float  # percent

    @classmethod
    def fit(cls, shaped: ShapedText, top_y: float, width: float, max_height: float
            ) -> MongolianLine:
        """One line in the Chinese mark's height band (ink height = `max_height`), as close to
        the mark's width as the legibility limits allow (the regional 1:1 rule)."""
        size, scale = _size_and_scale(shaped.advance, _ink(shaped), shaped.units_per_em,
                                      width, max_height)
        return cls(shaped, top_y, size, scale)

    @property
    def height(self) -> float:
        return (self.shaped.y_max - self.shaped.y_min) * self.size / self.shaped.units_per_em

    @property
    def width(self) -> float:
        return self.shaped.advance * self.size / self.shaped.units_per_em * self.horiz_scale / 100

    def draw(self, canvas: Canvas) -> None:
        unit = self.size / self.shaped.units_per_em
        x_scale = self.horiz_scale / 100.0
        base_y = self.top_y - self.shaped.y_max * unit
        x = AREA_LEFT + (AREA_WIDTH - self.width) / 2
        # ActualText lets a reader copy the real Mongolian text instead of private codes.
        actual = "".join(f"{b:02X}" for b in ("\ufeff" + self.shaped.text).encode("utf-16-be"))
        code = canvas._code  # reportlab has no public marked-content API
        code.append(f"/Span <</ActualText <{actual}>>> BDC")
        text = canvas.beginText()
        text.setFillColorCMYK(*RED_CMYK)
        text.setFont(self.shaped.font_name, self.size)
        text.setCharSpace(0)
        text.setHorizScale(self.horiz_scale)
        for g in self.shaped.glyphs:
            text.setTextOrigin(x + g.x_offset * unit * x_scale, base_y + g.y_offset * unit)
            text.textOut(g.code)
            x += g.x_advance * unit * x_scale
        canvas.drawText(text)
        code.append("EMC")


def _ink(shaped: ShapedText) -> int:
    return max(shaped.y_max - shaped.y_min, 1)


def _size_and_scale(advance: int, ink: int, upem: int, width: float, max_height: float
                    ) -> tuple[float, float]:
    """Font size and horizontal scale (%) for a line `advance` units wide: equal height and
    width with the mark where possible; else compressed to MIN_SCALE and shrunk as needed."""
    full = max_height * upem / ink
    natural = advance * full / upem
    if not natural:
        return full, 100.0
    scale = width / natural * 100.0
    if scale >= MIN_SCALE:
        return full, min(scale, MAX_SCALE)
    return full * scale / MIN_SCALE, MIN_SCALE


def layout_mongolian(fonts: FontSet, text: str, top_y: float, width: float,
                     max_height: float) -> tuple[MongolianLine, ...]:
    """The Mongolian block above the mark: one line when it fits legibly at no less than
    MIN_SIZE_RATIO of the mark's height, else two centred lines of one size and scale."""
    text = join_suffixes(text)
    whole = shape_mongolian(fonts, text)
    one = MongolianLine.fit(whole, top_y, width, max_height)
    full = max_height * whole.units_per_em / _ink(whole)
    breaks = break_points(text)
    if one.size >= full * MIN_SIZE_RATIO - 1e-6 or not breaks:
        return (one,)
    halves = min(
        ((text[:i], text[i + 1:]) for i in breaks),
        key=lambda pair: max(shape_mongolian(fonts, part).advance for part in pair),
    )
    shaped = [replace(shape_mongolian(fonts, part), y_min=whole.y_min, y_max=whole.y_max)
              for part in halves]
    widest = max(part.advance for part in shaped)
    size, scale = _size_and_scale(widest, _ink(whole), whole.units_per_em, width, max_height)
    lines: list[MongolianLine] = []
    top = top_y
    for part in shaped:
        line = MongolianLine(part, top, size, scale)
        lines.append(line)
        top -= line.height + LINE_GAP_EM * size
    return tuple(lines)
