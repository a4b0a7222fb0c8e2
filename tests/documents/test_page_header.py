"""版头: mark position and colour, 发文字号 / 签发人, red line, title (read back)."""

from __future__ import annotations

from typing import Any

import pytest
from page_samples import (
    MARK,
    baseline_y,
    find_line,
    line_text,
    notice,
    open_pdf,
    text_lines,
)

from nanmu_desktop.documents.page_grid import (
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    CHAR_PITCH,
    EM_TOP,
    LINE_PITCH,
    MM,
    TITLE_PITCH,
)
from nanmu_desktop.documents.render import render_notice

RED = (0.0, 1.0, 1.0, 0.0)
TOL = 0.1 * MM


def em_top(char: dict[str, Any]) -> float:
    return baseline_y(char) + EM_TOP * char["size"]


def em_bottom(char: dict[str, Any]) -> float:
    return baseline_y(char) - (1 - EM_TOP) * char["size"]


@pytest.fixture(scope="module")
def plain() -> Any:
    """Header without the Mongolian line: the Chinese mark is the top of the block."""
    return open_pdf(render_notice(notice(mongolian=""))).pages[0]


@pytest.fixture(scope="module")
def upward() -> Any:
    return open_pdf(render_notice(notice(mongolian="", signer="刘晓伟"))).pages[0]


def test_mark_top_is_35mm_below_type_area_and_red(plain: Any) -> None:
    mark = find_line(plain, MARK)
    assert line_text(mark) == MARK
    assert em_top(mark[0]) == pytest.approx(AREA_TOP - 35 * MM, abs=TOL)
    assert all(tuple(c["non_stroking_color"]) == RED for c in mark)
    assert "NotoSerifSC-Black" in mark[0]["fontname"]
    # Centred and no wider than the 版心.
    left, right = mark[0]["x0"], mark[-1]["x1"]
    assert left >= AREA_LEFT - TOL and right <= AREA_RIGHT + TOL
    assert (left + right) / 2 == pytest.approx((AREA_LEFT + AREA_RIGHT) / 2, abs=1.0)


def test_number_two_lines_below_mark_centred_in_fangsong(plain: Any) -> None:
    mark = find_line(plain, MARK)
    number = find_line(plain, "南政发〔2024〕12号")
    assert number[0]["size"] == pytest.approx(16)
    assert "FandolFang" in number[0]["fontname"]
    gap = em_bottom(mark[0]) - em_top(number[0])
    assert gap == pytest.approx(2 * LINE_PITCH + (LINE_PITCH - 16), abs=0.5)
    centre = (number[0]["x0"] + number[-1]["x1"]) / 2
    assert centre == pytest.approx((AREA_LEFT + AREA_RIGHT) / 2, abs=1.0)


def test_red_line_4mm_below_number_full_width(plain: Any) -> None:
    number = find_line(plain, "南政发〔2024〕12号")
    reds = [ln for ln in plain.lines if tuple(ln["stroking_color"]) == RED]
    assert len(reds) == 1
    red = reds[0]
    assert red["x0"] == pytest.approx(AREA_LEFT, abs=TOL)
    assert red["x1"] - red["x0"] == pytest.approx(156 * MM, abs=TOL)
    y = plain.height - red["top"]
    assert em_bottom(number[0]) - y == pytest.approx(4 * MM, abs=TOL + red["linewidth"] / 2)


def test_title_22pt_centred_two_lines_below_red_line(plain: Any) -> None:
    titles = text_lines(plain, size=22)
    assert len(titles) == 2  # long title: two balanced lines
    first, second = titles
    assert all("NotoSerifSC-Black" in c["fontname"] for row in titles for c in row)
    red_y = plain.height - next(
        ln for ln in plain.lines if tuple(ln["stroking_color"]) == RED)["top"]
    assert red_y - em_top(first[0]) == pytest.approx(2 * LINE_PITCH + LINE_PITCH - 16, abs=0.5)
    assert baseline_y(first[0]) - baseline_y(second[0]) == pytest.approx(TITLE_PITCH, abs=0.01)
    for row in titles:
        centre = (row[0]["x0"] + row[-1]["x1"]) / 2
        assert centre == pytest.approx((AREA_LEFT + AREA_RIGHT) / 2, abs=1.0)
    assert abs(len(first) - len(second)) <= 2
    assert "决定书" in line_text(second)


def test_upward_document_number_left_signer_right_in_kaiti(upward: Any) -> None:
    row = find_line(upward, "签发人")
    text = line_text(row)
    assert text.startswith("南政发〔2024〕12号") and text.endswith("签发人：刘晓伟")
    assert row[0]["x0"] == pytest.approx(AREA_LEFT + CHAR_PITCH, abs=0.5)
    assert row[-1]["x1"] == pytest.approx(AREA_RIGHT - CHAR_PITCH, abs=0.5)
    names = [c for c in row if c["text"] in "刘晓伟"]
    assert names and all("WenKaiGB" in c["fontname"] for c in names)
    label = [c for c in row if c["text"] in "签发人："]
    assert all("WenKaiGB" not in c["fontname"] for c in label)


def test_draft_has_watermark_and_empty_number_line() -> None:
    pdf = open_pdf(render_notice(notice(number=None, paragraphs=30)))
    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        marks = [c for c in page.chars if c["text"] in "草稿" and c["size"] > 100]
        assert len(marks) == 2
    first = pdf.pages[0].extract_text()
    assert "〔" not in first.split("决定书")[0]


def test_no_header_starts_with_title_at_type_area_top() -> None:
    pdf = open_pdf(render_notice(notice(header=False)))
    page = pdf.pages[0]
    first = text_lines(page)[0]
    assert first[0]["size"] == pytest.approx(22)
    assert em_top(first[0]) == pytest.approx(AREA_TOP, abs=TOL)
    assert not [ln for p in pdf.pages for ln in p.lines if tuple(ln["stroking_color"]) == RED]
