"""Chinese line breaking read back from PDFs: codes, 执法证号, 文号, dates and names never split,
adjacent full-width punctuation set at half width, letter-spacing capped, titles broken
between words and never inside a name."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from layout_checks import read_pages, spacing_problems, split_tokens
from page_samples import find_line, line_text, notice, open_pdf, text_lines

from nanmu_desktop.documents.notice_model import Paragraph
from nanmu_desktop.documents.render import render_notice
from nanmu_desktop.documents.title_block import break_title

NAMES = ("巴特尔", "白音仓", "阿拉坦巴根")
TOKENS = ("RC-2026-001", "15-0783-00153", "鄂政发〔2026〕1号", "2026年11月30日", *NAMES)
SENTENCE = ("经查，RC-2026-001号案件中执法人员巴特尔（执法证号：15-0783-00153）依照"
            "鄂政发〔2026〕1号文件于2026年11月30日复查，白音仓、阿拉坦巴根在场。")


@pytest.mark.parametrize("offset", range(0, 28, 3))
def test_no_break_inside_codes_numbers_dates_or_names(offset: int) -> None:
    # The tokens are slid along the line so that each one meets the line end somewhere.
    text = "容" * offset + SENTENCE * 3
    doc = replace(notice(paragraphs=0, header=False, colophon=False,
                         extra=(Paragraph(text),)), names=NAMES)
    pages = read_pages(render_notice(doc))
    assert split_tokens(pages, NAMES) == []
    printed = "".join(c["text"] for p in pages for row in p.body_rows for c in row)
    for token in TOKENS:
        assert printed.count(token) >= 3, token
    assert spacing_problems(pages) == []


def test_adjacent_full_width_punctuation_is_set_at_half_width() -> None:
    text = "经复核，当事人称“已整改。”（见附件）。" + "容错纠错" * 10
    doc = notice(paragraphs=0, header=False, colophon=False, extra=(Paragraph(text),))
    page = open_pdf(render_notice(doc)).pages[0]
    row = find_line(page, "已整改")
    at = line_text(row).index("已整改") + 3
    stop, quote, paren = row[at], row[at + 1], row[at + 2]
    assert (stop["text"], quote["text"], paren["text"]) == ("。", "”", "（")
    # 。 then ” then （: each mark's blank half is removed, so the next starts half a
    # character on; ordinary characters keep a full character's pitch.
    assert quote["x0"] - stop["x0"] == pytest.approx(8, abs=1.0)
    assert paren["x0"] - quote["x0"] == pytest.approx(8, abs=1.0)
    assert row[1]["x0"] - row[0]["x0"] > 15


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("关于对白音仓同志行政执法过错予以容错免责并在全乡范围内通报的决定", ("白音仓",)),
        ("关于对巴特尔同志行政执法过错予以容错免责并在全乡范围内通报的决定", ("巴特尔",)),
        ("关于对阿拉坦巴根同志行政执法过错予以容错免责并在全乡通报的决定", ("阿拉坦巴根",)),
    ],
)
def test_titles_never_break_inside_a_name(title: str, names: tuple[str, ...]) -> None:
    for width in range(8, 21):
        lines = break_title(title, width, names)
        assert "".join(lines) == title
        assert any(names[0] in line for line in lines), (width, lines)


def test_a_rendered_title_keeps_the_name_whole() -> None:
    title = "关于对巴特尔同志行政执法过错予以容错免责的决定"
    doc = replace(notice(title=title), names=("巴特尔",))
    rows = text_lines(open_pdf(render_notice(doc)).pages[0], size=22)
    assert len(rows) == 2
    assert any("巴特尔" in line_text(row) for row in rows)


def test_character_spacing_tightens_to_keep_the_signature_on_the_page() -> None:
    """7.3.5.5: before lines go over with the signature, the line pitch and then the last
    paragraph's character spacing tighten within limits."""
    last = Paragraph("测" * 111)
    doc = replace(notice(paragraphs=2, header=False, colophon=False, extra=(last,)),
                  attachments=(), note=None)
    alone = open_pdf(render_notice(replace(doc, signature=None))).pages[0]
    loose = [r for r in text_lines(alone, size=16) if set(line_text(r)) == {"测"}]
    pdf = open_pdf(render_notice(doc))
    assert len(pdf.pages) == 1  # the signature stayed
    page = pdf.pages[0]
    assert "2024年7月1日" in (page.extract_text() or "")
    tight = [r for r in text_lines(page, size=16) if set(line_text(r)) == {"测"}]
    assert len(tight) == len(loose) - 1
    pitches = [b["x0"] - a["x0"] for r in tight for a, b in itertools.pairwise(r)]
    assert min(pitches) >= 16 - 0.06 * 16 - 0.22
