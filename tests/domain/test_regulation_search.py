"""Regulation.search: one- and two-character terms with their positions and units."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import load_regulation


@pytest.fixture(scope="module")
def regulation() -> Regulation:
    return load_regulation("2024-127")


def test_two_character_term_positions_and_units(regulation: Regulation) -> None:
    matches = regulation.search("隐瞒")
    assert [m.citation for m in matches] == [Citation(9, None, (2,)), Citation(10, 1, (5,))]
    for match in matches:
        assert regulation.article(match.citation.article).text[match.start : match.end] == "隐瞒"


def test_one_character_term_finds_every_occurrence(regulation: Regulation) -> None:
    matches = regulation.search("纠")
    expected = sum(a.text.count("纠") for a in regulation.articles)
    assert len(matches) == expected > 5
    assert all(m.end - m.start == 1 for m in matches)


def test_match_in_a_lead_sentence_and_in_the_heading(regulation: Regulation) -> None:
    lead = regulation.search("具有上述")
    assert [m.citation for m in lead] == [Citation(10, 2)]
    heading = regulation.search("第十九条")
    assert [m.citation for m in heading] == [Citation(19)]
    assert heading[0].start == 0


def test_term_spanning_a_repaired_page_break(regulation: Regulation) -> None:
    assert [m.citation for m in regulation.search("不属实")] == [Citation(18)]


def test_blank_and_absent_terms(regulation: Regulation) -> None:
    assert regulation.search("  ") == ()
    assert regulation.search("彩票") == ()
