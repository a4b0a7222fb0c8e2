"""Document numbers 代字〔YYYY〕N号 (GB/T 9704-2012 7.2.4): 六角括号 U+3014/U+3015, a
four-digit year, a serial without leading zeros and without 第."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nanmu_desktop.errors import Problem, ValidationError

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PREFIX_RE = re.compile(f"[{_CJK}]+")
_NUMBER_RE = re.compile(f"([{_CJK}]+)〔([0-9]{{4}})〕([1-9][0-9]*)号")


@dataclass(frozen=True, order=True)
class DocumentNumber:
    prefix: str
    year: int
    serial: int

    def __post_init__(self) -> None:
        problems = check_prefix(self.prefix)
        if not 1000 <= self.year <= 9999:
            problems.append(Problem("year", "年份应为四位数字"))
        if self.serial < 1:
            problems.append(Problem("serial", "序号应为正整数"))
        if problems:
            raise ValidationError(problems)

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


def check_prefix(prefix: str) -> list[Problem]:
    """Problems with a 代字 (e.g. 鄂政发): non-empty, Chinese characters only."""
    if not prefix.strip():
        return [Problem("prefix", "发文机关代字不能为空")]
    if not _PREFIX_RE.fullmatch(prefix):
        return [Problem("prefix", "发文机关代字只能由汉字组成，不含括号、数字、空格或其他符号")]
    return []


def validate_prefix(prefix: str) -> str:
    """Return the 代字 unchanged or raise ValidationError."""
    problems = check_prefix(prefix)
    if problems:
        raise ValidationError(problems)
    return prefix


def format_number(prefix: str, year: int, serial: int) -> str:
    """鄂政发, 2024, 127 → 鄂政发〔2024〕127号."""
    return str(DocumentNumber(prefix, year, serial))


def parse_number(text: str) -> DocumentNumber:
    """Read 鄂政发〔2024〕127号 back; raises ValidationError on any other shape (e.g. [2024],
    〔24〕, 第127号, 0127号)."""
    match = _NUMBER_RE.fullmatch(text.strip())
    if match is None:
        raise ValidationError([Problem(
            "number", f"“{text}”不是规范的发文字号，应为“代字〔年份〕序号号”，如鄂政发〔2024〕127号"
        )])
    return DocumentNumber(match[1], int(match[2]), int(match[3]))
