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
from nanmu_desktop.documents.mongolian import shape_glyph_ids
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
    expected = shape_glyph_ids(str(font_path), MONGOLIAN)
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
    hexed = ("\ufeff" + MONGOLIAN).encode("utf-16-be").hex().upper().encode()
    assert b"/ActualText <" + hexed + b">" in raw


def _contents(page: Any) -> list[Any]:
    contents = resolve1(page.page_obj.attrs["Contents"])
    return contents if isinstance(contents, list) else [contents]



def test_mongolian_name_with_a_foreign_character_is_refused() -> None:
    with pytest.raises(MissingGlyphError, match=r"蒙古文机关名称.*U\+4E2D.*蒙古文字体"):
        render_notice(notice(mongolian="ᠨᠠᠮᠤ中"))
