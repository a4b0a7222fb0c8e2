"""Citation formatting, parsing and the Chinese numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nanmu_desktop.domain.citations import (
    Citation,
    chinese_numeral,
    item_marker,
    parse_chinese_numeral,
)


@pytest.mark.parametrize(("n", "text"), [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
    (99, "九十九"),
])
def test_numerals(n: int, text: str) -> None:
    assert chinese_numeral(n) == text
    assert parse_chinese_numeral(text) == n


@pytest.mark.parametrize("bad", ["", "零", "十十", "一十", "二二", "百", "十零", "4"])
def test_bad_numerals(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_chinese_numeral(bad)


def test_numeral_range() -> None:
    with pytest.raises(ValueError):
        chinese_numeral(0)
    with pytest.raises(ValueError):
        chinese_numeral(100)


@pytest.mark.parametrize(("citation", "text"), [
    (Citation(10, 1, (4,)), "第十条第一款第（四）项"),
    (Citation(10, 2, (3, 1, 2)), "第十条第二款第（一）（二）（三）项"),
    (Citation(9, None, (2,)), "第九条第（二）项"),
    (Citation(12), "第十二条"),
    (Citation(10, 2), "第十条第二款"),
])
def test_format(citation: Citation, text: str) -> None:
    assert citation.format() == str(citation) == text
    assert Citation.parse(text) == citation


def test_items_are_sorted_and_deduplicated() -> None:
    assert Citation(10, 1, (5, 4, 5)).items == (4, 5)
    assert item_marker(4) == "（四）"


def test_invalid_citations() -> None:
    for args in [(0,), (10, 0), (10, 1, (0,))]:
        with pytest.raises(ValueError):
            Citation(*args)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Citation.parse("第十条第（四）款")


def test_containing_unit() -> None:
    assert Citation(10, 1, (4,)).containing() == Citation(10, 1)
    assert Citation(10, 1).containing() == Citation(10)
    assert Citation(10).containing() is None


@given(st.integers(1, 99), st.one_of(st.none(), st.integers(1, 9)),
       st.lists(st.integers(1, 20), max_size=4))
def test_parse_reads_back_format(article: int, paragraph: int | None, items: list[int]) -> None:
    citation = Citation(article, paragraph, tuple(items))
    assert Citation.parse(citation.format()) == citation
