"""Document numbers 代字〔YYYY〕N号."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.numbering import (
    DocumentNumber,
    format_number,
    parse_number,
    validate_prefix,
)
from nanmu_desktop.errors import ValidationError


def test_format_and_parse() -> None:
    assert format_number("鄂政发", 2024, 127) == "鄂政发〔2024〕127号"
    assert parse_number("萨政发〔2026〕1号") == DocumentNumber("萨政发", 2026, 1)
    assert str(parse_number(" 鄂政发〔2024〕127号 ")) == "鄂政发〔2024〕127号"


@pytest.mark.parametrize("bad", [
    "鄂政发[2024]127号", "鄂政发（2024）127号", "鄂政发〔24〕127号", "鄂政发〔2024〕第127号",
    "鄂政发〔2024〕0127号", "鄂政发〔2024〕127", "〔2024〕127号", "鄂政发〔2024〕0号",
])
def test_malformed_numbers(bad: str) -> None:
    with pytest.raises(ValidationError, match="发文字号"):
        parse_number(bad)


@pytest.mark.parametrize("bad", ["", "  ", "鄂政发2", "鄂政〔发", "鄂 政发", "E政发"])
def test_bad_prefixes(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_prefix(bad)
    assert caught.value.problems[0].field == "prefix"


def test_bad_parts() -> None:
    with pytest.raises(ValidationError) as caught:
        DocumentNumber("鄂政发", 24, 0)
    assert {p.field for p in caught.value.problems} == {"year", "serial"}
    assert validate_prefix("鄂政发") == "鄂政发"


def test_numbers_sort_by_prefix_year_serial() -> None:
    numbers = [DocumentNumber("鄂政发", 2024, 10), DocumentNumber("鄂政发", 2024, 9)]
    assert sorted(numbers)[0].serial == 9
