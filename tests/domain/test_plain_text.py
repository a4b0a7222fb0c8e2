"""The text rule every field uses, and the facts' written reasons under it."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.plain_text import is_blank, printable, text_problem
from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.errors import ValidationError


def test_ordinary_chinese_latin_and_rare_characters_pass() -> None:
    for text in ("南木鄂温克族乡", "RC-2026-001 第（四）项", "𠀀𪚥", "（一）、「引号」…"):
        assert text_problem(text) is None


def test_the_township_mongolian_name_passes_with_its_variation_selectors() -> None:
    mongolian = load_regulation().header_mongolian
    assert "\u180b" in mongolian
    assert text_problem(mongolian) is None
    assert text_problem(mongolian + "\u180e\u202f") is None
    assert text_problem("ᠨᠠ\u200dᠮᠤ", mongolian=True) is None
    assert text_problem("ᠨᠠ\u200dᠮᠤ") is not None  # joiners only where Mongolian is expected
    assert text_problem("ᠨᠠ\u200bᠮᠤ", mongolian=True) is not None  # ZWSP never


def test_blank_means_nothing_visible() -> None:
    assert is_blank("") and is_blank(" \u3000\n\u200b\u2060\ufeff\u180e")
    assert not is_blank("\u200b理由") and not is_blank("ᠠ")


def test_printable_drops_only_what_a_ledger_cannot_hold() -> None:
    assert printable("第一行\n第二行\t说明\r") == "第一行\n第二行\t说明\r"
    assert printable("a\x00b\x08c\x1fd\x7fe\x9ff\ud800g\ufffeh") == "abcdefgh"


@pytest.mark.parametrize("reason", ["\u200b", "\ufeff", " \u2060 ", "\u3000"])
def test_a_catch_all_reason_of_invisible_characters_is_no_reason(reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Facts.from_dict({"art9": [9], "reasons": {"art9.9": reason}})
    assert [p.field for p in refused.value.problems] == ["reasons.art9.9"]
    assert "须写明具体理由" in refused.value.problems[0].message
    with pytest.raises(ValidationError, match="须写明具体理由"):
        Facts(art9=(9,), reasons={"art9.9": reason})  # the wizard builds Facts directly


def test_reasons_and_evidence_refuse_hidden_characters_but_keep_line_breaks() -> None:
    facts = Facts.from_dict({
        "art11": [3],
        "reasons": {"art11.3": "第一点\n第二点"},
        "evidence": {"art11.1": "笔录\t1份"},
    })
    assert facts.reasons["art11.3"] == "第一点\n第二点"
    with pytest.raises(ValidationError) as refused:
        Facts.from_dict(
            {"art11": [3], "reasons": {"art11.3": "理\u200b由"}, "evidence": {"art11.1": "\x1b"}}
        )
    assert [p.field for p in refused.value.problems] == ["reasons.art11.3", "evidence.art11.1"]


def test_a_huge_item_number_is_refused_without_printing_it() -> None:
    with pytest.raises(ValidationError, match="第九条没有这么大的项号"):
        Facts.from_dict({"art9": [10**5000]})
