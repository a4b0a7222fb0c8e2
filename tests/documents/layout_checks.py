"""Layout checks on a rendered PDF, read back with pdfplumber: where the 版记 is, page numbers,
blank pages, signature pages, widows/orphans, headings at a page foot, letter-spacing and
breaks inside words that must stay whole. Each check returns the problems it found."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from page_samples import baseline_y, line_text, open_pdf, text_lines

from nanmu_desktop.documents.page_grid import AREA_BOTTOM, AREA_LEFT, AREA_RIGHT, MM

BODY = 16.0
SMALL = 14.0
MAX_GAP = 1.0  # points of extra letter-spacing a justified body line may show
# Tokens a line must never split, found by the test's own patterns (not the engine's).
TOKEN_PATTERNS = (
    r"[A-Z]{2}-\d{4}-\d{3}",  # case numbers
    r"\d{2}-\d{4}-\d{5}",  # 执法证号
    r"[\u4e00-\u9fff]{2,4}〔\d{4}〕\d+号",  # 文号 (with a few characters before the 〔)
    r"\d{4}年\d{1,2}月\d{1,2}日",  # dates
)


@dataclass
class PageInfo:
    number_text: str | None  # the 「— n —」 under the 版心, if any
    body_rows: list[list[dict[str, Any]]]  # 16 pt rows inside the 版心
    last_row: str  # the text of the lowest row above the 版记 (body or table)
    colophon: bool  # carries the 印发 line or 抄送 in 4号
    chars: int  # everything drawn but the 草稿 watermark
    boxes: int = 0  # table cells drawn on the page


def read_pages(pdf: bytes) -> list[PageInfo]:
    out: list[PageInfo] = []
    with open_pdf(pdf) as doc:
        for page in doc.pages:
            chars = [c for c in page.chars if c["size"] < 100]
            below = [c for c in chars if baseline_y(c) < AREA_BOTTOM - 1]
            number = "".join(c["text"] for c in sorted(below, key=lambda c: c["x0"])) or None
            rows = [r for r in text_lines(page, BODY) if baseline_y(r[0]) > AREA_BOTTOM - 1]
            small = "".join(line_text(r) for r in text_lines(page, SMALL)
                            if baseline_y(r[0]) > AREA_BOTTOM - 1)
            content = [line_text(r) for r in text_lines(page)
                       if r[0]["size"] in (BODY, SMALL) and baseline_y(r[0]) > AREA_BOTTOM - 1
                       and "印发" not in line_text(r) and "抄送" not in line_text(r)]
            out.append(PageInfo(number, rows, content[-1] if content else "",
                                "印发" in small or "抄送" in small, len(chars), len(page.rects)))
    return out


def pagination_problems(pages: list[PageInfo], has_colophon: bool,
                        letter: bool = False) -> list[str]:
    problems: list[str] = []
    for i, page in enumerate(pages, start=1):
        blank = page.chars == 0
        if blank and page.number_text:
            problems.append(f"blank page {i} is numbered")
        if page.colophon and not page.body_rows and not page.boxes:  # table rows count
            problems.append(f"page {i} holds only the 版记")
        first_letter = letter and i == 1
        if not blank and not page.colophon and not first_letter and not page.number_text:
            problems.append(f"page {i} has no page number")
        if page.number_text and page.number_text.replace(" ", "") != f"—{i}—":
            problems.append(f"page {i} numbered {page.number_text!r}")
        if blank and i != len(pages) - 1:
            problems.append(f"blank page {i} is not just before the 版记 page")
    if letter and pages[0].number_text:
        problems.append("a letter's first page is numbered")
    if has_colophon:
        where = [i for i, p in enumerate(pages, start=1) if p.colophon]
        if where != [len(pages)]:
            problems.append(f"版记 on pages {where}, document has {len(pages)}")
        elif not letter and len(pages) % 2:
            problems.append(f"版记 on odd page {len(pages)}")
    return problems


def _is_heading(row: list[dict[str, Any]]) -> bool:
    """Level 1/2 headings are set in 黑体/楷体; body text in 仿宋."""
    name = row[0]["fontname"].lower()
    return any(k in name for k in ("hei", "sans", "kai", "wenkai"))


def _full(row: list[dict[str, Any]]) -> bool:
    return row[-1]["x1"] > AREA_RIGHT - 8


def _starts_paragraph(row: list[dict[str, Any]]) -> bool:
    return abs(row[0]["x0"] - (AREA_LEFT + 2 * 156 * MM / 28)) < 1


def flow_problems(pages: list[PageInfo]) -> list[str]:
    """Widows, orphans and a heading last on a page, between consecutive text pages."""
    problems: list[str] = []
    for i in range(len(pages) - 1):
        here, there = pages[i].body_rows, pages[i + 1].body_rows
        if not here or not there:
            continue
        last, first = here[-1], there[0]
        continues = _full(last) and not _starts_paragraph(first) and first[0]["x0"] < AREA_LEFT + 1
        if _is_heading(last) and pages[i].last_row == line_text(last):
            problems.append(f"heading {line_text(last)!r} last on page {i + 1}")
        if continues and _starts_paragraph(last):
            problems.append(f"orphan line at the foot of page {i + 1}: {line_text(last)!r}")
        if continues and not _full(first) and len(there) > 1:
            problems.append(f"widow line at the top of page {i + 2}: {line_text(first)!r}")
    return problems


def spacing_problems(pages: list[PageInfo]) -> list[str]:
    """No body line is letter-spaced more than `MAX_GAP` between two characters."""
    problems: list[str] = []
    for n, page in enumerate(pages, start=1):
        for row in page.body_rows:
            gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(row)
                    if a["fontname"] == b["fontname"]]
            if gaps and max(gaps) > MAX_GAP:
                problems.append(f"page {n}: gap {max(gaps):.2f} pt in {line_text(row)!r}")
    return problems


def split_tokens(pages: list[PageInfo], names: tuple[str, ...] = ()) -> list[str]:
    """Tokens (codes, 文号, dates, names) that a line break falls inside."""
    text = ""
    boundaries: set[int] = set()
    for page in pages:
        for row in page.body_rows:
            text += line_text(row)
            boundaries.add(len(text))
    found: list[str] = []
    patterns = [*TOKEN_PATTERNS, *(re.escape(n) for n in names if len(n) > 1)]
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            if any(m.start() < b < m.end() for b in boundaries):
                found.append(m.group())
    return found
