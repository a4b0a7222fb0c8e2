"""Reading JSON the user hands us (facts, case imports): strict, and never a traceback.

Python's `json` accepts things that later break us: nesting deep enough to hit the recursion
limit, a key given twice (the first value silently dropped), NaN and Infinity, integers of
thousands of digits (beyond SQLite and beyond `int`'s printing limit), and `\\ud800` escapes
that make strings no UTF-8 writer accepts. Each is refused here as a `ValidationError` naming
the place (`cases[0].facts.art9`, or line and column). Numbers with a fraction come back as
`Decimal`, so money keeps its exact 分.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from nanmu_desktop.errors import Problem, ValidationError

MAX_DEPTH = 32
MAX_INT_DIGITS = 15
MAX_NUMBER_CHARS = 40
MAX_BYTES = 64 * 1024 * 1024
# A JSON string (skipped whole) or a bracket; possessive, so long strings cost no backtracking.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class _Refused:
    """Stands in for a value the hooks refused, so the walk can name where it was."""

    message: str


class _Object(dict[str, Any]):
    """A JSON object remembering the keys it was given more than once."""

    duplicates: tuple[str, ...] = ()


def read_json_bytes(raw: bytes, source: str) -> object:
    """The JSON value in `raw` (UTF-8, a BOM allowed); `source` names it in messages."""
    if len(raw) > MAX_BYTES:
        raise _refuse(source, f"超过 {MAX_BYTES // 1024 // 1024} MB，不能作为导入文件")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _refuse(source, f"不是 UTF-8 编码的文本（第 {line} 行有无法识别的字节）") from None
    return read_json_text(text, source)


def read_json_text(text: str, source: str) -> object:
    """The JSON value in `text`, checked as described in the module's docstring."""
    if not text.strip():
        raise _refuse(source, "内容为空，应为 JSON")
    _check_depth(text, source)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_integer,
            parse_float=_fraction,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as err:
        raise _refuse(
            source, f"不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列附近：{_why(err.msg)}）"
        ) from None
    problems = _walk(value)
    if problems:
        raise ValidationError(problems)
    return _plain(value)


def _refuse(source: str, message: str) -> ValidationError:
    return ValidationError([Problem(source, message)])


def _position(before: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of `offset`, given the text `before` it."""
    return before.count("\n") + 1, offset - before.rfind("\n")


def _check_depth(text: str, source: str) -> None:
    """Refuse deep nesting before `json` recurses into it."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _position(text[: match.start()], match.start())
                raise _refuse(
                    source,
                    f"嵌套超过 {MAX_DEPTH} 层（第 {line} 行第 {column} 列），不是本系统的数据格式",
                )
        elif token in "]}":
            depth -= 1


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                twice[key] = None
            seen.add(key)
        obj.duplicates = tuple(twice)
    return obj


def _integer(digits: str) -> int | _Refused:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        return _Refused(f"整数超过 {MAX_INT_DIGITS} 位，超出可保存的范围")
    return int(digits)


def _fraction(literal: str) -> Decimal | _Refused:
    if len(literal) > MAX_NUMBER_CHARS:
        return _Refused(f"数字超过 {MAX_NUMBER_CHARS} 个字符，超出可保存的范围")
    number = Decimal(literal)
    if number.adjusted() >= MAX_INT_DIGITS:
        return _Refused(f"数值超过 {MAX_INT_DIGITS} 位整数，超出可保存的范围")
    return number


def _constant(name: str) -> _Refused:
    return _Refused(f"“{name}”不是数字，JSON 中不能使用 NaN 或 Infinity")


def _walk(root: object) -> list[Problem]:
    """Every refused number, duplicated key and lone surrogate, with its path."""
    problems: list[Problem] = []
    stack: list[tuple[str, object]] = [("", root)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Refused):
            problems.append(Problem(path or "（整个文件）", value.message))
        elif isinstance(value, str):
            if _SURROGATE.search(value):
                problems.append(Problem(path or "（整个文件）", _surrogate_message(value)))
        elif isinstance(value, _Object):
            problems.extend(
                Problem(_join(path, key), f"键“{_safe(key)}”出现了两次，请只保留一个")
                for key in value.duplicates
            )
            for key, item in reversed(value.items()):
                if _SURROGATE.search(key):
                    problems.append(Problem(_join(path, key), "键名" + _surrogate_message(key)))
                stack.append((_join(path, key), item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return problems


def _surrogate_message(text: str) -> str:
    match = _SURROGATE.search(text)
    assert match is not None
    code = f"U+{ord(match.group()):04X}"
    return f"含有残缺的 Unicode 转义（{code}，单独的代理码），不是有效的文字"


def _join(path: str, key: str) -> str:
    name = _safe(key)
    return f"{path}.{name}" if path else name


def _safe(key: str) -> str:
    """A key fit to print: lone surrogates shown as escapes, very long keys cut."""
    shown = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", key)
    return shown if len(shown) <= 40 else shown[:40] + "…"


def _plain(value: object) -> object:
    """Plain dicts again, once the walk found nothing refused (depth is bounded)."""
    if isinstance(value, _Object):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _why(message: str) -> str:
    """The decoder's English reason in Chinese, for the common ones."""
    reasons = {
        "Expecting value": "缺少值",
        "Expecting property name enclosed in double quotes": "键名应使用双引号",
        "Expecting ',' delimiter": "缺少逗号",
        "Expecting ':' delimiter": "缺少冒号",
        "Unterminated string starting at": "字符串没有结束的引号",
        "Invalid control character at": "字符串中有控制字符",
        "Invalid \\escape": "无效的转义",
        "Invalid \\uXXXX escape": "无效的 \\u 转义",
        "Extra data": "JSON 之后还有多余内容",
    }
    return reasons.get(message, "格式错误")
