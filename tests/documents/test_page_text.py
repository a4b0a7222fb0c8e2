"""Title balancing, Chinese line-breaking rules, 附件说明 alignment, reprint determinism."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from page_samples import find_line, line_text, notice, open_pdf

from nanmu_desktop.documents.fonts import FontRole, default_fonts
from nanmu_desktop.documents.line_breaking import (
    NO_LINE_END,
    NO_LINE_START,
    StyledChar,
    break_lines,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.page_grid import AREA_LEFT, AREA_WIDTH, CHAR_PITCH
from nanmu_desktop.documents.render import render_notice
from nanmu_desktop.documents.title_block import break_title

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    "title",
    [
        "南木鄂伦春民族乡人民政府关于对王某某行政执法过错予以容错免责的决定书",
        "关于印发《南木鄂伦春民族乡行政执法尽职尽责和容错纠错制度（试行）》的通知",
        "南木鄂伦春民族乡人民政府关于2024年度行政执法容错纠错工作情况的报告",
    ],
)
def test_long_titles_break_into_balanced_lines_without_splitting_words(title: str) -> None:
    lines = break_title(title, 20)
    assert "".join(lines) == title
    assert len(lines) == 2
    lengths = [len(x) for x in lines]
    # A trapezoid: lengths close, but a year (2024年) is never cut to even them out.
    assert max(lengths) <= 20 and max(lengths) - min(lengths) <= 5
    for word in ("决定书", "通知", "报告", "容错纠错", "人民政府", "2024年"):
        if word in title:
            assert any(word in x for x in lines), word
    assert lines[1][0] not in NO_LINE_START and lines[0][-1] not in NO_LINE_END


def test_short_title_stays_on_one_line() -> None:
    assert break_title("容错纠错认定工作表", 20) == ["容错纠错认定工作表"]


PUNCT = "，。、；：？！）》（《"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("容错纠错执法人员乡政府" + PUNCT + "2024"),
               min_size=1, max_size=120))
def test_no_line_starts_with_closing_or_ends_with_opening_mark(text: str) -> None:
    fonts = default_fonts()
    name = fonts.font_name(fonts.roles[FontRole.FANGSONG])
    lines = break_lines([StyledChar(c, name) for c in text], AREA_WIDTH, 16,
                        CHAR_PITCH - 16)
    assert "".join(line.text for line in lines) == text
    for i, line in enumerate(lines):
        assert line.width <= AREA_WIDTH - line.x + 0.01
        if i > 0 and not all(c in NO_LINE_START for c in line.text):
            assert line.text[0] not in NO_LINE_START
        if i < len(lines) - 1 and not all(c in NO_LINE_END for c in line.text):
            assert line.text[-1] not in NO_LINE_END


def test_several_attachments_are_numbered_and_aligned() -> None:
    base = notice(paragraphs=1)
    many = Notice(**{**base.__dict__, "attachments": (
        "容错纠错认定工作表", "行政执法过错情况说明及相关证据材料目录清单（含现场检查笔录、"
        "询问笔录、处罚决定书复印件）")})
    pdf = open_pdf(render_notice(many))
    page = next(p for p in pdf.pages if "附件" in (p.extract_text() or ""))
    first = find_line(page, "附件：1．")
    second = find_line(page, "2．行政执法")
    assert first[0]["x0"] == pytest.approx(AREA_LEFT + 2 * CHAR_PITCH, abs=0.5)
    one = next(c for c in first if c["text"] == "1")
    assert second[0]["x0"] == pytest.approx(one["x0"], abs=0.5)
    wrapped = find_line(page, "询问笔录")
    name_start = next(c for c in second if c["text"] == "行")
    assert wrapped[0]["x0"] == pytest.approx(name_start["x0"], abs=0.5)
    assert not line_text(wrapped).startswith("2")


def test_reprint_in_a_new_process_gives_identical_bytes() -> None:
    # The other process shapes a different Mongolian name first: glyph codes must not depend
    # on what was rendered before.
    script = (
        "import sys; from page_samples import notice;"
        "from nanmu_desktop.documents.render import render_notice;"
        "render_notice(notice(mongolian='ᠲᠤᠰᠤ ᠡᠯᠦᠨᠴᠢᠨ ᠭᠤᠨ'));"
        "sys.stdout.buffer.write(render_notice(notice()))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=HERE, check=True,
                         capture_output=True).stdout
    assert out == render_notice(notice())


def test_a_long_code_stays_whole_and_the_line_before_is_not_spread() -> None:
    """The demo's J1 decision once broke RC-2026-/001, and before that spread a line wide."""
    fonts = default_fonts()
    name = fonts.font_name(fonts.roles[FontRole.FANGSONG])
    text = "行政检查工作中有关事项的容错认定（案件编号：RC-2026-001，来源：个人申请）。"
    lines = break_lines([StyledChar(c, name) for c in text], AREA_WIDTH, 16,
                        CHAR_PITCH - 16, first_indent=4 * CHAR_PITCH)
    assert "".join(line.text for line in lines) == text
    assert any("RC-2026-001" in line.text for line in lines)
    # Letter-spacing grows by at most 0.06 em; the line may end a little short instead.
    assert all(line.char_space - (CHAR_PITCH - 16) <= 0.06 * 16 + 1e-6 for line in lines)
