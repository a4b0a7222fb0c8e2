"""乡 / 镇 / 苏木 / 街道: every template words the township from its type (domain/township.py),
never a hard-coded 乡."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from kinds_samples import (
    ANONYMOUS,
    DUTY,
    LETTERHEAD,
    MITIGATED,
    NOT_TOLERATED,
    REAL_NAME,
    RISK,
    context,
)
from test_kinds_builders import text_of

from nanmu_desktop.documents.kinds import build_notice
from nanmu_desktop.domain.township import (
    TownshipType,
    guess_type,
    product_name,
    short_name,
    wording_for,
)
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.paths import resources_dir

# Each kind with the parts it needs (a petition for the letters, the pattern for the memo).
_PARTS: dict[DocumentKind, dict[str, object]] = {
    DocumentKind.report_feedback: {"petition": REAL_NAME},
    DocumentKind.report_explanation: {"petition": ANONYMOUS},
    DocumentKind.clarification: {"petition": ANONYMOUS},
    DocumentKind.risk_warning: {"risk_warning": RISK},
    DocumentKind.mitigation_decision: {"decision": MITIGATED},
    DocumentKind.duty_fulfilled_decision: {"decision": DUTY},
    DocumentKind.non_tolerance_decision: {"decision": NOT_TOLERATED},
}
# 乡 as the township's self-designation (not 城乡, 乡镇 in general, or a name).
_SELF = re.compile(r"(?<![城])(我乡|乡党委|乡人民政府|乡政府|全乡|乡属)")


def _texts(kind_of_township: TownshipType) -> str:
    letterhead = replace(LETTERHEAD, township_type=kind_of_township.value,
                         authority="萨马街某某人民政府", printed_by="萨马街某某办公室")
    return "\n".join(
        text_of(build_notice(context(kind.value, letterhead=letterhead, **_PARTS.get(kind, {}))))
        for kind in DocumentKind
    )


@pytest.mark.parametrize("kind", [TownshipType.zhen, TownshipType.sumu, TownshipType.jiedao])
def test_no_template_says_xiang_for_another_type(kind: TownshipType) -> None:
    text = _texts(kind)
    assert _SELF.findall(text) == []
    wording = wording_for(kind)
    assert wording.party_committee in text
    assert wording.government in text


def test_a_xiang_reads_as_before() -> None:
    text = _texts(TownshipType.xiang)
    assert "乡党委" in text and "乡人民政府" in text


def test_the_wording_of_each_type() -> None:
    assert wording_for("zhen").party_committee == "镇党委"
    assert wording_for("sumu").we == "我苏木"
    street = wording_for("jiedao")
    assert (street.party_committee, street.we, street.government) == (
        "街道党工委", "本街道", "街道办事处")
    assert wording_for("sumu").villages == "各嘎查（社区）"


def test_templates_hold_no_self_designation() -> None:
    for path in (resources_dir() / "templates").glob("*.toml"):
        assert _SELF.findall(path.read_text(encoding="utf-8")) == [], path.name


def test_names_and_types_from_a_name() -> None:
    assert guess_type("巴彦托海镇人民政府") is TownshipType.zhen
    assert guess_type("扎兰屯市高台子街道办事处") is TownshipType.jiedao
    assert guess_type("某某苏木人民政府") is TownshipType.sumu
    assert guess_type("某某政府") is None
    assert short_name("扎兰屯市萨马街鄂温克民族乡人民政府") == "萨马街鄂温克民族乡"
    assert product_name("") == "容错纠错办理系统"
    assert product_name("萨马街鄂温克民族乡人民政府") == "萨马街鄂温克民族乡容错纠错办理系统"
