"""Body grid (28 × 22 at 16 pt), page numbers, 版记, signature placement, determinism."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from page_samples import (
    AUTHORITY,
    PAGE_H,
    PARAGRAPH,
    baseline_y,
    find_line,
    line_text,
    notice,
    open_pdf,
    text_lines,
)

from nanmu_desktop.documents.notice_model import Paragraph, Table
from nanmu_desktop.documents.page_grid import (
    AREA_BOTTOM,
    AREA_LEFT,
    AREA_RIGHT,
    AREA_TOP,
    CHAR_PITCH,
    EM_TOP,
    LINE_PITCH,
    MM,
)
from nanmu_desktop.documents.render import render_notice

TOL = 0.1 * MM


@pytest.fixture(scope="module")
def long_pdf() -> Any:
    return open_pdf(render_notice(notice(paragraphs=24)))


def test_full_page_has_22_lines_of_28_chars_filling_the_area(long_pdf: Any) -> None:
    page = long_pdf.pages[1]
    rows = text_lines(page, size=16)
    assert len(rows) == 22
    assert all(c["size"] == pytest.approx(16) for r in rows for c in r)
    top = baseline_y(rows[0][0]) + EM_TOP * 16
    bottom = baseline_y(rows[-1][0]) - (1 - EM_TOP) * 16
    assert top == pytest.approx(AREA_TOP, abs=TOL)
    assert bottom == pytest.approx(AREA_BOTTOM, abs=TOL)
    pitches = {round(baseline_y(a[0]) - baseline_y(b[0]), 2) for a, b in itertools.pairwise(rows)}
    assert pitches == {round(LINE_PITCH, 2)}
    full = [r for r in rows if r[0]["x0"] == pytest.approx(AREA_LEFT, abs=0.01)
            and r[-1]["x1"] > AREA_RIGHT - 8]
    assert full and all(len(r) == 28 for r in full)
    # Justified: full lines end on the 版心's right edge.
    assert all(r[-1]["x1"] == pytest.approx(AREA_RIGHT, abs=0.5) for r in full)


def test_paragraphs_indent_two_characters(long_pdf: Any) -> None:
    starts = [r for p in long_pdf.pages for r in text_lines(p, size=16)
              if line_text(r).startswith("2024年5月")]
    assert starts
    assert all(r[0]["x0"] == pytest.approx(AREA_LEFT + 2 * CHAR_PITCH, abs=0.5) for r in starts)


def test_no_line_starts_with_closing_punctuation(long_pdf: Any) -> None:
    for page in long_pdf.pages:
        for row in text_lines(page, size=16):
            assert line_text(row)[0] not in "，。、；：）」』》！？"
            assert line_text(row)[-1] not in "（《「『"


def test_page_numbers_odd_right_even_left(long_pdf: Any) -> None:
    assert len(long_pdf.pages) >= 3
    for n, page in enumerate(long_pdf.pages, start=1):
        row = [c for c in page.chars if c["size"] == pytest.approx(14)
               and baseline_y(c) < AREA_BOTTOM - 5 * MM]
        assert line_text(row) == f"— {n} —"
        assert all("NotoSerifSC-Regular" in c["fontname"] for c in row)
        if n % 2:
            assert row[-1]["x1"] == pytest.approx(AREA_RIGHT - 14, abs=0.5)
        else:
            assert row[0]["x0"] == pytest.approx(AREA_LEFT + 14, abs=0.5)
        dash_y = baseline_y(row[0]) + 0.35 * 14
        assert dash_y == pytest.approx(AREA_BOTTOM - 7 * MM, abs=TOL)


def test_colophon_rules_on_last_page(long_pdf: Any) -> None:
    page = long_pdf.pages[-1]
    rules = sorted(page.lines, key=lambda ln: ln["top"])
    assert [round(r["linewidth"] / MM, 2) for r in rules] == [0.35, 0.25, 0.35]
    assert all(tuple(r["stroking_color"]) == (0, 0, 0, 1) for r in rules)
    assert all(r["x1"] - r["x0"] == pytest.approx(156 * MM, abs=TOL) for r in rules)
    assert PAGE_H - rules[-1]["top"] == pytest.approx(35 * MM, abs=TOL)
    cc = find_line(page, "抄送")
    assert line_text(cc) == "抄送：扎兰屯市司法局，乡纪委。"
    assert cc[0]["size"] == pytest.approx(14)
    assert cc[0]["x0"] == pytest.approx(AREA_LEFT + 14, abs=0.5)
    printed = find_line(page, "印发")
    assert line_text(printed).endswith("2024年7月2日印发")
    assert printed[-1]["x1"] == pytest.approx(AREA_RIGHT - 14, abs=0.5)


def test_sealed_signature_keeps_last_body_lines_and_indents_date(long_pdf: Any) -> None:
    pages = [p for p in long_pdf.pages if AUTHORITY in (p.extract_text() or "")
             and "2024年7月1日" in p.extract_text()]
    page = pages[-1]
    date_row = find_line(page, "2024年7月1日")
    assert date_row[-1]["x1"] == pytest.approx(AREA_RIGHT - 4 * CHAR_PITCH, abs=0.5)
    body = [r for r in text_lines(page, size=16) if PARAGRAPH.endswith(line_text(r))
            or line_text(r) in PARAGRAPH]
    assert body, "the signature page must carry body text"
    note = find_line(page, "此件公开发布")
    assert line_text(note) == "（此件公开发布）"
    assert baseline_y(date_row[0]) - baseline_y(note[0]) == pytest.approx(LINE_PITCH, abs=0.01)


def test_unsealed_signature_follows_7352() -> None:
    pdf = open_pdf(render_notice(notice(paragraphs=1, sealed=False, header=False)))
    page = next(p for p in pdf.pages if "2024年7月1日" in p.extract_text())
    sign = next(r for r in text_lines(page, size=16) if line_text(r) == AUTHORITY)
    when = find_line(page, "2024年7月1日")
    # Date shorter than the 署名: 署名 right-indented 2 characters, date starts 2 in from it.
    assert sign[-1]["x1"] == pytest.approx(AREA_RIGHT - 2 * CHAR_PITCH, abs=0.5)
    assert when[0]["x0"] == pytest.approx(sign[0]["x0"] + 2 * CHAR_PITCH, abs=0.5)


def test_table_header_repeats_on_each_page() -> None:
    text = "说明文字较长需要在单元格内换行显示"
    rows = tuple((str(i), f"风险点{i}{text}", "已整改") for i in range(60))
    table = Table(("序号", "风险点", "状态"), rows, (15, 110, 31))
    pdf = open_pdf(render_notice(notice(paragraphs=0, extra=(table, Paragraph("以上。")))))
    pages_with_rows = [p for p in pdf.pages if "风险点1" in (p.extract_text() or "")]
    assert len(pages_with_rows) >= 2
    for page in pages_with_rows:
        assert "序号" in page.extract_text()
    assert all(r["x0"] >= AREA_LEFT - 1 and r["x1"] <= AREA_RIGHT + 1
               for p in pages_with_rows for r in p.rects)


def test_same_input_same_bytes() -> None:
    assert render_notice(notice()) == render_notice(notice())


def test_fonts_are_embedded_subsets(long_pdf: Any) -> None:
    names = {c["fontname"] for p in long_pdf.pages for c in p.chars}
    assert len(names) >= 4
    assert all(len(n) > 7 and n[6] == "+" and n[:6].isupper() for n in names)


@pytest.mark.parametrize("filler_lines", range(0, 9))
def test_signature_never_alone_and_colophon_never_overlaps(filler_lines: int) -> None:
    filler = (Paragraph("测" * (28 * filler_lines - 2)),) if filler_lines else ()
    pdf = open_pdf(render_notice(notice(paragraphs=3, header=False, extra=filler)))
    page = next(p for p in pdf.pages if "2024年7月1日" in (p.extract_text() or ""))
    own = {AUTHORITY, "2024年7月1日", "（此件公开发布）", "附件：容错纠错认定工作表"}
    others = [r for r in text_lines(page, size=16) if line_text(r) not in own]
    assert others, "the signature page must carry body text"
    last = pdf.pages[-1]
    top_rule = min(last.lines, key=lambda ln: ln["top"])
    above = [c for c in last.chars if c["bottom"] > top_rule["top"] and c["size"] == 16]
    assert above == []


def test_row_taller_than_a_page_splits_and_starts_where_there_is_room() -> None:
    table = Table(("序号", "内容"), (("1", "很长的单元格内容" * 120),))
    pdf = open_pdf(render_notice(notice(paragraphs=0, header=False, extra=(table,))))
    texts = [p.extract_text() or "" for p in pdf.pages]
    assert "序号" in texts[0] and "很长的单元格内容" in texts[0]
    continued = [t for t in texts[1:] if "很长的单元格内容" in t]
    assert continued and all("序号" in t for t in continued)
    drawn = "".join(c["text"] for p in pdf.pages for c in p.chars)
    assert drawn.count("很") == 120 and drawn.count("格") == 120  # nothing lost at the splits
