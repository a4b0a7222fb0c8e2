"""A regulation's text as issued (plain lines) → the version's data (chapters, articles, 款, 项
and metadata), the format `regulation_loader` reads.

Shared by `scripts/build_regulation.py` (the model regulation from its OCR'd seed) and the import
of a township's own regulation (.txt or .docx). Repairs what OCR and typing leave: lines broken by
page breaks are joined (a line that does not end a sentence, 。；：, continues on the next), item
markers are written full-width, stray spaces inside the title dropped.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from nanmu_desktop.domain.citations import chinese_numeral as _cn
from nanmu_desktop.domain.citations import parse_chinese_numeral
from nanmu_desktop.errors import NanmuError

NUM = "[一二三四五六七八九十]+"
CHAPTER_RE = re.compile(rf"^第({NUM})章\s*(.+)$")
ARTICLE_RE = re.compile(rf"^第({NUM})条\s*(.+)$")
ITEM_RE = re.compile(rf"^[（(]({NUM})[）)]\s*(.+)$")
NUMBER_RE = re.compile(r"^\S+〔(\d{4})〕(\d+)号$")
DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
EFFECTIVE_RE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|执行|实施)")


def numeral(text: str) -> int:
    """第十九条 → 19; a malformed numeral (一十, 十十) is refused."""
    try:
        return parse_chinese_numeral(text)
    except ValueError:
        raise _fail(f"编号“{text}”不是规范的中文数字") from None


def is_heading(line: str) -> bool:
    return bool(CHAPTER_RE.match(line) or ARTICLE_RE.match(line) or ITEM_RE.match(line))


def join_page_breaks(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and not joined[-1].endswith(("。", "；", "：")) and not is_heading(line):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _is_mongolian(line: str) -> bool:
    return any("\u1800" <= ch <= "\u18af" for ch in line)


class RegulationTextError(NanmuError):
    """The text cannot be read as a regulation; the message says where (Chinese)."""


def _fail(message: str) -> RegulationTextError:
    return RegulationTextError(f"规定文本无法识别：{message}")


def parse_regulation_text(text: str, *, version: str | None = None) -> dict[str, Any]:
    """The version's data from its text; `version` defaults to 年份-序号 of its 文号.

    Refused (RegulationTextError, Chinese) when no chapter or article is found, or the 文号,
    title or date cannot be read. The rulebook and guidance are not part of the text.
    """
    lines = [line.strip() for line in text.replace("\u3000", " ").splitlines() if line.strip()]
    first_chapter = next((i for i, line in enumerate(lines) if CHAPTER_RE.match(line)), None)
    if first_chapter is None:
        raise _fail("未找到“第一章”：文本应按章、条排列")
    header = mongolian = number = signer = ""
    title_lines: list[str] = []
    for line in lines[:first_chapter]:
        if line.endswith("文件") and not header and not title_lines:
            header = line
        elif _is_mongolian(line):
            mongolian = line
        elif NUMBER_RE.match(line.replace(" ", "")):
            number = line.replace(" ", "")
        elif line.startswith("签发人"):
            signer = re.split("[：:]", line, maxsplit=1)[-1].strip()
        else:
            title_lines.append(line)
    if not number:
        raise _fail("未找到文号（如 萨政发〔2025〕12号）")
    if not title_lines:
        raise _fail("未找到标题（文号与第一章之间）")
    date_at = next(
        (i for i in range(len(lines) - 1, first_chapter, -1) if DATE_RE.match(lines[i])), None
    )
    if date_at is None:
        raise _fail("未找到成文日期（如 2025年3月1日，在正文之后）")
    issue_date = date(*map(int, DATE_RE.match(lines[date_at]).groups()))  # type: ignore[union-attr]
    body_end = date_at
    issuer = header.removesuffix("文件")
    if date_at - 1 > first_chapter and not is_heading(lines[date_at - 1]) \
            and not lines[date_at - 1].endswith(("。", "；", "：")):
        body_end = date_at - 1
        issuer = lines[date_at - 1]
    if not issuer:
        raise _fail("未找到发文机关（版头“…文件”或落款）")
    chapters = _structure(join_page_breaks(lines[first_chapter:body_end]))
    effective = issue_date
    last_article = chapters[-1]["articles"][-1]["paragraphs"][0]["text"]
    if found := EFFECTIVE_RE.search(last_article):
        effective = date(*map(int, found.groups()))
    year, seq = NUMBER_RE.match(number).groups()  # type: ignore[union-attr]
    title = re.sub(r"(?<=\S)\s+(?=\S)", "", "".join(title_lines))
    return {
        "format": 2,
        "version": version or f"{year}-{seq}",
        "title": title,
        "number": number,
        "issuer": issuer,
        "header": header or f"{issuer}文件",
        "header_mongolian": mongolian,
        "signer": signer,
        "issue_date": issue_date.isoformat(),
        "effective_date": effective.isoformat(),  # the text's own 施行 date, else issuance
        "trial": "试行" in title,
        "chapters": chapters,
    }


def _structure(lines: list[str]) -> list[dict[str, Any]]:
    chapters: list[dict[str, Any]] = []
    for line in lines:
        if m := CHAPTER_RE.match(line):
            expected = len(chapters) + 1
            if numeral(m[1]) != expected:
                raise _fail(f"章的编号不连续：“{line[:12]}”处应为第{_cn(expected)}章")
            chapters.append({"number": expected, "title": m[2].strip(), "articles": []})
            continue
        if not chapters:
            raise _fail(f"正文在第一章之前：“{line[:12]}”")
        articles = chapters[-1]["articles"]
        if m := ARTICLE_RE.match(line):
            expected = sum(len(c["articles"]) for c in chapters) + 1
            if numeral(m[1]) != expected:
                raise _fail(f"条的编号不连续：“{line[:12]}”处应为第{_cn(expected)}条")
            articles.append({"number": expected, "paragraphs": [{"text": m[2], "items": []}]})
        elif not articles:
            raise _fail(f"第{_cn(chapters[-1]['number'])}章在第一条之前有文字：“{line[:12]}”")
        elif m := ITEM_RE.match(line):
            articles[-1]["paragraphs"][-1]["items"].append(m[2])
        else:  # a line after items that is not an item: the article's next 款
            articles[-1]["paragraphs"].append({"text": line, "items": []})
    for chapter in chapters:
        if not chapter["articles"]:
            raise _fail(f"第{_cn(chapter['number'])}章没有条文")
    return chapters

