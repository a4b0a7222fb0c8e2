"""The Mongolian line: HarfBuzz-shaped glyphs read back from the embedded font, placed above
the Chinese mark at the same width, red, with ActualText carrying the real string."""

from __future__ import annotations

from typing import Any

import pytest
from fontTools.ttLib import TTFont
from page_samples import MARK, MONGOLIAN, embedded_fonts, find_line, notice, open_pdf
from pdfminer.pdftypes import resolve1

from nanmu_desktop.documents.fonts import FontRole, default_fonts
from nanmu_desktop.documents.glyphs import MissingGlyphError
from nanmu_desktop.documents.mongolian import (
    MIN_SCALE,
    MIN_SIZE_RATIO,
    layout_mongolian,
    shape_glyph_ids,
)
from nanmu_desktop.documents.mongolian_text import NNBSP, is_suffix, join_suffixes
from nanmu_desktop.documents.page_grid import AREA_LEFT, AREA_RIGHT, AREA_TOP, MM
from nanmu_desktop.documents.render import render_notice

RED = (0.0, 1.0, 1.0, 0.0)


def _outline_key(glyf: Any, name: str) -> tuple[Any, ...]:
    coords, ends, _flags = glyf[name].getCoordinates(glyf)
    return (tuple(map(tuple, coords)), tuple(ends))


def _mongolian_font(page: Any) -> tuple[dict[str, int], TTFont]:
    """The embedded Mongolian subset and its ToUnicode map inverted (text → code)."""
    return next(v for k, v in embedded_fonts(page).items() if "Mongolian" in k)


@pytest.fixture(scope="module")
def page() -> Any:
    return open_pdf(render_notice(notice())).pages[0]


def test_drawn_glyphs_are_harfbuzz_shaping(page: Any) -> None:
    font_path = default_fonts().roles[FontRole.MONGOLIAN].path
    original = TTFont(font_path)
    by_outline: dict[tuple[Any, ...], set[int]] = {}
    for gid, name in enumerate(original.getGlyphOrder()):
        by_outline.setdefault(_outline_key(original["glyf"], name), set()).add(gid)
    codes, subset = _mongolian_font(page)
    subset_cmap = subset["cmap"].getcmap(1, 0).cmap
    drawn = [c for c in page.chars if "Mongolian" in c["fontname"]]
    expected = shape_glyph_ids(str(font_path), join_suffixes(MONGOLIAN))
    assert len(drawn) == len(expected)
    for char, gid in zip(drawn, expected, strict=True):
        glyph_name = subset_cmap[codes[char["text"]]]
        assert gid in by_outline[_outline_key(subset["glyf"], glyph_name)]
    # Shaping really changed something: positional forms are not the nominal glyphs.
    cmap = original.getBestCmap()
    nominal = [original.getGlyphID(cmap[ord(c)]) for c in MONGOLIAN if ord(c) in cmap]
    assert expected != nominal


def test_mongolian_line_sits_above_mark_same_width_red(page: Any) -> None:
    drawn = [c for c in page.chars if "Mongolian" in c["fontname"]]
    assert all(tuple(c["non_stroking_color"]) == RED for c in drawn)
    mark = find_line(page, MARK)
    left, right = min(c["x0"] for c in drawn), max(c["x1"] for c in drawn)
    assert left == pytest.approx(mark[0]["x0"], abs=1.0)
    assert right == pytest.approx(mark[-1]["x1"], abs=1.0)
    assert (left + right) / 2 == pytest.approx((AREA_LEFT + AREA_RIGHT) / 2, abs=1.0)
    assert max(c["bottom"] for c in drawn) < min(c["top"] for c in mark)


def test_header_block_starts_35mm_below_type_area(page: Any) -> None:
    # Ink top of the highest glyph, from the embedded outlines.
    font = TTFont(default_fonts().roles[FontRole.MONGOLIAN].path)
    upem = font["head"].unitsPerEm
    drawn = [c for c in page.chars if "Mongolian" in c["fontname"]]
    codes, subset = _mongolian_font(page)
    sub_cmap = subset["cmap"].getcmap(1, 0).cmap
    tops = []
    for c in drawn:
        g = subset["glyf"][sub_cmap[codes[c["text"]]]]
        if g.numberOfContours:
            g.recalcBounds(subset["glyf"])
            tops.append(c["matrix"][5] + g.yMax / upem * c["size"])
    assert max(tops) == pytest.approx(AREA_TOP - 35 * MM, abs=0.1 * MM)


def test_actual_text_carries_the_mongolian_string(page: Any) -> None:
    raw = b"".join(resolve1(s).get_data() for s in _contents(page))
    hexed = ("\ufeff" + join_suffixes(MONGOLIAN)).encode("utf-16-be").hex().upper().encode()
    assert b"/ActualText <" + hexed + b">" in raw


def _contents(page: Any) -> list[Any]:
    contents = resolve1(page.page_obj.attrs["Contents"])
    return contents if isinstance(contents, list) else [contents]



def test_mongolian_name_with_a_foreign_character_is_refused() -> None:
    with pytest.raises(MissingGlyphError, match=r"蒙古文机关名称.*U\+4E2D.*蒙古文字体"):
        render_notice(notice(mongolian="ᠨᠠᠮᠤ中"))


# A realistic full name of a township government: long enough that the old single line was
# compressed to about 40 % of its width.
LONG_NAME = (
    "ᠵᠠᠯᠠᠨᠲᠤᠰᠢ ᠬᠣᠲᠠ ᠶᠢᠨ ᠰᠠᠮᠠᠵᠢᠶ᠎ᠡ ᠡᠸᠡᠩᠬᠢ ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠦ ᠰᠢᠶᠠᠩ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ"
)


def test_suffixes_are_joined_with_a_narrow_no_break_space() -> None:
    assert join_suffixes("ᠨᠠᠮᠤ ᠶ᠋ᠢᠨ ᠭᠤᠨ") == f"ᠨᠠᠮᠤ{NNBSP}ᠶ᠋ᠢᠨ ᠭᠤᠨ"
    assert join_suffixes("  ᠠᠷᠠᠳ  ᠤᠨ ᠵᠠᠰᠠᠭ ") == f"ᠠᠷᠠᠳ{NNBSP}ᠤᠨ ᠵᠠᠰᠠᠭ"


def test_a_long_name_breaks_into_two_centred_legible_lines() -> None:
    fonts = default_fonts()
    width, mark = 156 * MM, 36.0
    lines = layout_mongolian(fonts, LONG_NAME, top_y=700.0, width=width, max_height=mark)
    assert len(lines) == 2
    assert all(line.horiz_scale >= MIN_SCALE for line in lines)
    assert all(line.width <= width + 0.01 for line in lines)
    # Never broken before a suffix: each line starts with a word, not a case ending.
    assert not is_suffix(lines[1].shaped.text.split(NNBSP)[0].split(" ")[0])
    assert " ".join(line.shaped.text for line in lines) == join_suffixes(LONG_NAME)
    assert lines[1].top_y < lines[0].top_y - lines[0].height
    page = open_pdf(render_notice(notice(mongolian=LONG_NAME))).pages[0]
    drawn = [c for c in page.chars if "Mongolian" in c["fontname"]]
    tops = sorted({round(c["top"]) for c in drawn})
    rows = [[c for c in drawn if abs(c["top"] - tops[0]) < 5],
            [c for c in drawn if abs(c["top"] - tops[0]) >= 5]]
    for row in rows:
        assert row
        left, right = min(c["x0"] for c in row), max(c["x1"] for c in row)
        assert (left + right) / 2 == pytest.approx((AREA_LEFT + AREA_RIGHT) / 2, abs=1.5)
    assert max(c["bottom"] for c in drawn) < min(c["top"] for c in find_line(page, MARK))


def test_a_medium_name_is_set_smaller_not_squeezed() -> None:
    fonts = default_fonts()
    (line,) = layout_mongolian(fonts, MONGOLIAN, top_y=700.0, width=156 * MM, max_height=36.0)
    assert line.horiz_scale >= MIN_SCALE
    full = 36.0 * line.shaped.units_per_em / (line.shaped.y_max - line.shaped.y_min)
    assert MIN_SIZE_RATIO * full <= line.size <= full
