"""No missing glyphs: fallback fonts for rare characters, a clear refusal when none has it."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont
from page_samples import PARAGRAPH, embedded_fonts, line_text, notice, open_pdf, text_lines

from nanmu_desktop.documents.fonts import FontRole, resolve_fonts
from nanmu_desktop.documents.glyphs import MissingGlyphError
from nanmu_desktop.documents.notice_model import Paragraph
from nanmu_desktop.documents.render import render_notice
from nanmu_desktop.paths import resources_dir

RARE = "丄"  # U+4E04: outside GB2312 and the 8,105, so not in the bundled 仿宋 subset


def test_rare_character_is_drawn_from_a_fallback_font() -> None:
    text = f"当事人姓名为张{RARE}，特此说明。"
    pdf = open_pdf(render_notice(notice(paragraphs=0, extra=(Paragraph(text),))))
    chars = [c for p in pdf.pages for c in p.chars]
    rare = [c for c in chars if c["text"] == RARE]
    assert len(rare) == 1
    assert "NotoSansSC" in rare[0]["fontname"]
    neighbour = next(c for c in chars if c["text"] == "张")
    assert "FandolFang" in neighbour["fontname"]
    assert rare[0]["size"] == neighbour["size"]


def test_character_without_any_glyph_is_refused_naming_its_field() -> None:
    text = "申请人\ue000某某提出申诉。"
    with pytest.raises(MissingGlyphError) as err:
        render_notice(notice(paragraphs=0, extra=(Paragraph(text),),
                             sources={text: "申诉理由"}))
    assert "U+E000" in err.value.message
    assert "申诉理由" in err.value.message
    assert "\ue000" in err.value.message


def test_without_a_hint_the_structural_field_is_named() -> None:
    with pytest.raises(MissingGlyphError, match="标题"):
        render_notice(notice(title="关于\U0010fffd的决定"))
    with pytest.raises(MissingGlyphError, match="正文第4段"):
        render_notice(notice(paragraphs=1, extra=(Paragraph("x\U000f0000"),)))


def test_every_drawn_character_has_a_real_glyph() -> None:
    """Read back: each char's code maps to a glyph with an outline in its embedded subset."""
    rare = f"当事人张{RARE}、“引号”——破折号……省略号，Ａ１全角与ab12半角。"
    pdf = open_pdf(render_notice(notice(paragraphs=1, extra=(Paragraph(rare),))))
    checked = 0
    for page in pdf.pages:
        fonts = embedded_fonts(page)
        for char in page.chars:
            if char["text"].isspace():
                continue
            codes, subset = fonts[char["fontname"]]
            glyph_name = subset["cmap"].getcmap(1, 0).cmap[codes[char["text"]]]
            assert glyph_name != ".notdef", char["text"]
            assert subset["glyf"][glyph_name].numberOfContours != 0, char["text"]
            checked += 1
    assert checked > 200


def test_variation_selectors_and_line_breaks_are_not_refused() -> None:
    text = "申请人葛\U000e0100某\n提出申诉\t。"
    pdf = open_pdf(render_notice(notice(paragraphs=0, extra=(Paragraph(text),))))
    content = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "申请人葛某 提出申诉 。" in content


def test_body_text_is_set_in_fandolfang() -> None:
    pdf = open_pdf(render_notice(notice(paragraphs=2)))
    lines = [line for p in pdf.pages for line in text_lines(p, 16)]
    body = [c for line in lines if line_text(line) in PARAGRAPH for c in line]
    assert len(body) > 100
    assert {c["fontname"].split("+")[-1] for c in body} == {"FandolFang-Regular-GB"}


def test_a_tgh_character_fandolfang_lacks_keeps_the_body_weight() -> None:
    """The role's own fallback (a light Song) comes before the other roles' fonts."""
    fonts = resolve_fonts(search_dirs=[])
    fang = TTFont(fonts.roles[FontRole.FANGSONG].path, lazy=True).getBestCmap()
    tgh = (resources_dir() / "charsets" / "tgh-8105.txt").read_text("utf-8").split()
    char = next(c for c in tgh if ord(c) not in fang)
    pdf = open_pdf(render_notice(notice(paragraphs=0, extra=(Paragraph(f"当事人张{char}。"),))))
    drawn = next(c for p in pdf.pages for c in p.chars if c["text"] == char)
    assert "NotoSerifSC-Light-GB" in drawn["fontname"]
