"""信函格式 (GB/T 9704 10.1) and 套打 (printing onto pre-printed 红头纸), read back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from layout_checks import pagination_problems, read_pages
from page_samples import AUTHORITY, baseline_y, find_line, line_text, notice, open_pdf

from nanmu_desktop.documents.page_grid import AREA_LEFT, AREA_RIGHT, AREA_TOP, EM_TOP, MM
from nanmu_desktop.documents.render import render_notice

RED = (0.0, 1.0, 1.0, 0.0)
TOL = 0.1 * MM
NUMBER = "南政发〔2024〕12号"


def reds(page: Any) -> list[dict[str, Any]]:
    return sorted((ln for ln in page.lines if tuple(ln["stroking_color"]) == RED),
                  key=lambda ln: ln["top"])


@pytest.fixture(scope="module")
def letter() -> Any:
    return open_pdf(render_notice(replace(notice(paragraphs=8, mongolian=""),
                                          format="letter")))


def test_letter_mark_is_the_name_alone_30mm_from_the_paper_top(letter: Any) -> None:
    page = letter.pages[0]
    mark = find_line(page, AUTHORITY)
    assert line_text(mark) == AUTHORITY  # no 「文件」
    assert all(tuple(c["non_stroking_color"]) == RED for c in mark)
    top_from_paper_top = page.height - (baseline_y(mark[0]) + EM_TOP * mark[0]["size"])
    assert top_from_paper_top == pytest.approx(30 * MM, abs=TOL)


def test_letter_has_double_red_lines_thick_over_thin_and_thin_over_thick(letter: Any) -> None:
    page = letter.pages[0]
    lines = reds(page)
    assert len(lines) == 4
    upper, lower = lines[:2], lines[2:]
    assert upper[0]["linewidth"] > upper[1]["linewidth"]  # 上粗下细
    assert lower[0]["linewidth"] < lower[1]["linewidth"]  # 上细下粗
    for ln in lines:
        assert ln["x1"] - ln["x0"] == pytest.approx(170 * MM, abs=TOL)
        assert (ln["x0"] + ln["x1"]) / 2 == pytest.approx((AREA_LEFT + AREA_RIGHT) / 2, abs=TOL)
    mark = find_line(page, AUTHORITY)
    mark_bottom = baseline_y(mark[0]) - (1 - EM_TOP) * mark[0]["size"]
    upper_top = page.height - upper[0]["top"] + upper[0]["linewidth"] / 2
    assert mark_bottom - upper_top == pytest.approx(4 * MM, abs=TOL)
    lower_bottom = page.height - lower[1]["top"] - lower[1]["linewidth"] / 2
    assert lower_bottom == pytest.approx(20 * MM, abs=TOL)


def test_letter_number_flush_right_under_the_upper_lines(letter: Any) -> None:
    page = letter.pages[0]
    number = find_line(page, NUMBER)
    assert number[-1]["x1"] == pytest.approx(AREA_RIGHT, abs=0.5)
    thin = reds(page)[1]
    thin_bottom = page.height - thin["top"] - thin["linewidth"] / 2
    number_top = baseline_y(number[0]) + EM_TOP * 16
    assert thin_bottom - number_top == pytest.approx(14, abs=0.5)  # 7/8 of a 3号 character


def test_letter_first_page_unnumbered_colophon_without_rules(letter: Any) -> None:
    pages = read_pages(render_notice(replace(notice(paragraphs=8, mongolian=""),
                                             format="letter")))
    assert len(pages) >= 2
    assert pages[0].number_text is None
    assert pages[1].number_text is not None and pages[1].number_text.replace(" ", "") == "—2—"
    assert pagination_problems(pages, has_colophon=True, letter=True) == []
    last = letter.pages[-1]
    assert "抄送" in (last.extract_text() or "")
    assert "印发" not in (last.extract_text() or "")
    assert [ln for ln in last.lines if tuple(ln["stroking_color"]) != RED] == []


@pytest.mark.parametrize("fmt", ["file", "letter"])
def test_preprinted_paper_gets_no_red_and_everything_else_in_place(fmt: str) -> None:
    doc = replace(notice(paragraphs=8), format=fmt)
    normal = open_pdf(render_notice(doc))
    preprinted = open_pdf(render_notice(doc, preprinted=True))
    assert len(normal.pages) == len(preprinted.pages)
    for a, b in zip(normal.pages, preprinted.pages, strict=True):
        assert not [c for c in b.chars if tuple(c["non_stroking_color"]) == RED]
        assert not [ln for ln in b.lines if tuple(ln["stroking_color"]) == RED]
        assert not b.images and not b.curves
        kept = [(c["text"], round(c["x0"], 3), round(c["top"], 3)) for c in a.chars
                if tuple(c["non_stroking_color"]) != RED]
        assert kept == [(c["text"], round(c["x0"], 3), round(c["top"], 3)) for c in b.chars]
        black = [(ln["x0"], ln["top"], ln["x1"]) for ln in a.lines
                 if tuple(ln["stroking_color"]) != RED]
        assert black == [(ln["x0"], ln["top"], ln["x1"]) for ln in b.lines]


def test_preprinted_first_page_keeps_the_number_and_title_where_the_head_expects() -> None:
    doc = notice(paragraphs=1, mongolian="")
    page = open_pdf(render_notice(doc, preprinted=True)).pages[0]
    number = find_line(page, NUMBER)
    normal = find_line(open_pdf(render_notice(doc)).pages[0], NUMBER)
    assert [c["x0"] for c in number] == [c["x0"] for c in normal]
    assert baseline_y(number[0]) < AREA_TOP - 35 * MM  # below where the red mark will be
