"""The JSON reader for user files: what it refuses, with the place named, and what it keeps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nanmu_desktop.errors import ValidationError
from nanmu_desktop.json_input import MAX_DEPTH, read_json_bytes, read_json_text


def _refusal(text: str) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        read_json_text(text, "文件")
    return [str(p) for p in refused.value.problems]


def test_plain_json_comes_back_as_plain_values() -> None:
    value = read_json_text('{"a": [1, -2, 0.10, "南木", true, null], "b": {"c": 1e3}}', "文件")
    assert value == {"a": [1, -2, Decimal("0.10"), "南木", True, None], "b": {"c": Decimal("1E+3")}}
    assert type(value) is dict and type(value["b"]) is dict  # type: ignore[index]


def test_nesting_up_to_the_limit_is_fine_and_beyond_it_is_refused_before_parsing() -> None:
    assert read_json_text("[" * MAX_DEPTH + "]" * MAX_DEPTH, "文件")
    text = '{"x": "[[[[ brackets in a string do not count", "y":\n  ' + "[" * 10**6
    column = MAX_DEPTH + 2  # the object's brace is the first level
    assert _refusal(text) == [
        f"文件：嵌套超过 {MAX_DEPTH} 层（第 2 行第 {column} 列），不是本系统的数据格式"
    ]


def test_each_duplicate_key_is_named_with_its_path() -> None:
    text = '{"cases": [{"a": 1}, {"facts": {"art9": [1], "art9": [2], "x": 0, "x": 1}}]}'
    assert _refusal(text) == [
        "cases[1].facts.art9：键“art9”出现了两次，请只保留一个",
        "cases[1].facts.x：键“x”出现了两次，请只保留一个",
    ]


def test_numbers_that_cannot_be_stored_are_refused_with_their_path() -> None:
    assert _refusal('{"a": [1, 1234567890123456]}') == ["a[1]：整数超过 15 位，超出可保存的范围"]
    assert _refusal('{"a": 1e16}') == ["a：数值超过 15 位整数，超出可保存的范围"]
    assert _refusal('{"a": 0.' + "1" * 50 + "}") == ["a：数字超过 40 个字符，超出可保存的范围"]
    assert _refusal('[NaN, Infinity]') == [
        "[0]：“NaN”不是数字，JSON 中不能使用 NaN 或 Infinity",
        "[1]：“Infinity”不是数字，JSON 中不能使用 NaN 或 Infinity",
    ]
    assert read_json_text("[123456789012345, -123456789012345]", "文件")


def test_lone_surrogates_are_refused_but_escaped_pairs_are_text() -> None:
    assert read_json_text('["\\ud83d\\ude00"]', "文件") == ["😀"]
    assert _refusal('{"a": ["x\\udc00"]}') == [
        "a[0]：含有残缺的 Unicode 转义（U+DC00，单独的代理码），不是有效的文字"
    ]


def test_bytes_must_be_utf8_and_may_start_with_a_bom() -> None:
    assert read_json_bytes('\ufeff{"a": "南木"}'.encode(), "f.json") == {"a": "南木"}
    with pytest.raises(ValidationError, match=r"f\.json：不是 UTF-8 编码的文本（第 3 行"):
        read_json_bytes(b'{\n"a":\n "\xed\xa0\x80"}', "f.json")  # an encoded surrogate
    with pytest.raises(ValidationError, match=r"f\.json：内容为空"):
        read_json_bytes(b"  \n", "f.json")


def test_syntax_errors_say_where_in_chinese() -> None:
    expected = "文件：不是有效的 JSON（第 2 行第 6 列附近：缺少冒号）"
    assert _refusal('{"a": 1,\n "b" 2}') == [expected]
