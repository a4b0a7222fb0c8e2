"""Sample notices and PDF read-back helpers for the page-engine tests."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import date
from typing import Any

import pdfplumber

from nanmu_desktop.documents.notice_model import (
    Block,
    Colophon,
    Header,
    HeadingLevel,
    Notice,
    Paragraph,
    Signature,
)
from nanmu_desktop.documents.page_grid import MM

MONGOLIAN = "ᠵᠠᠯᠠᠨᠲᠤᠰᠢ ᠨᠠᠮᠤ ᠡᠯᠦᠨᠴᠢᠨ ᠨᠠᠮᠤ ᠶ᠋ᠢᠨ ᠭᠤᠨ ᠲᠤᠰᠤ"
MARK = "扎兰屯市南木鄂伦春民族乡人民政府文件"
AUTHORITY = "扎兰屯市南木鄂伦春民族乡人民政府"
TITLE = "南木鄂伦春民族乡人民政府关于对王某某行政执法过错予以容错免责的决定书"
PARAGRAPH = (
    "2024年5月，乡综合行政执法队在对辖区内经营场所开展检查时，执法人员王某某因对新修订的规定"
    "理解不到位，作出的处罚决定适用条款有误，当事人提出异议后，执法队及时复核并主动纠正，"
    "未造成严重后果。"
)
PAGE_H = 297 * MM


def notice(
    paragraphs: int = 3,
    *,
    mongolian: str = MONGOLIAN,
    signer: str | None = None,
    number: str | None = "南政发〔2024〕12号",
    sealed: bool = True,
    header: bool = True,
    colophon: bool = True,
    extra: tuple[Block, ...] = (),
    title: str = TITLE,
    sources: dict[str, str] | None = None,
) -> Notice:
    body: list[Block] = [
        Paragraph("一、基本情况", HeadingLevel.LEVEL1),
        Paragraph("（一）调查经过", HeadingLevel.LEVEL2),
    ]
    body += [Paragraph(PARAGRAPH)] * paragraphs
    body += list(extra)
    return Notice(
        header=Header(MARK, mongolian, signer) if header else None,
        title=title,
        body=tuple(body),
        number=number,
        recipients=("乡综合行政执法队", "各村民委员会"),
        attachments=("容错纠错认定工作表",),
        signature=Signature(AUTHORITY, date(2024, 7, 1), sealed),
        note="此件公开发布",
        colophon=Colophon("扎兰屯市南木鄂伦春民族乡党政综合办公室", date(2024, 7, 2),
                          ("扎兰屯市司法局", "乡纪委")) if colophon else None,
        sources=sources or {},
    )


def open_pdf(data: bytes) -> Any:
    return pdfplumber.open(io.BytesIO(data))


def baseline_y(char: dict[str, Any]) -> float:
    """The char's baseline in PDF coordinates (from the bottom), from its text matrix."""
    return float(char["matrix"][5])


def text_lines(page: Any, size: float | None = None) -> list[list[dict[str, Any]]]:
    """Chars grouped by baseline, top to bottom, optionally only those of one font size."""
    rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for c in page.chars:
        if size is None or abs(c["size"] - size) < 0.01:
            rows[round(baseline_y(c), 2)].append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows, reverse=True)]


def line_text(chars: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in chars)


def find_line(page: Any, text: str) -> list[dict[str, Any]]:
    for row in text_lines(page):
        if text in line_text(row):
            return row
    raise AssertionError(f"no line containing {text!r}")


def embedded_fonts(page: Any) -> dict[str, tuple[dict[str, int], Any]]:
    """Per embedded font (BaseFont name): its ToUnicode map inverted (text → code) and the
    embedded TrueType subset loaded with fontTools."""
    from fontTools.ttLib import TTFont
    from pdfminer.pdftypes import resolve1

    out: dict[str, tuple[dict[str, int], Any]] = {}
    fonts = resolve1(resolve1(page.page_obj.resources)["Font"])
    for ref in fonts.values():
        font = resolve1(ref)
        descriptor = resolve1(font.get("FontDescriptor"))
        if not descriptor or "FontFile2" not in descriptor:
            continue
        subset = TTFont(io.BytesIO(resolve1(descriptor["FontFile2"]).get_data()))
        cmap = resolve1(font["ToUnicode"]).get_data().decode("latin-1")
        codes = {chr(int(u, 16)): int(c, 16)
                 for c, u in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4})>", cmap)}
        out[str(font["BaseFont"].name)] = (codes, subset)
    return out
