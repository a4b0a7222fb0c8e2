"""The regulation data holds the whole seed text, repaired, with its metadata."""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path

import pytest

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.regulation import Article, Paragraph, Regulation
from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.errors import NotFoundError

REPO = Path(__file__).resolve().parents[2]
SEED_NAME = "regulation-2024-127.txt"
SHARED_SEED = REPO.parent / "shared" / "seed" / SEED_NAME


def seed_text() -> str:
    seed = SHARED_SEED if SHARED_SEED.is_file() else Path(__file__).parent / "data" / SEED_NAME
    return seed.read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Drop whitespace (page breaks, the title's stray space) and write item markers full-width."""
    text = re.sub(r"\(([一二三四五六七八九十]+)\)", r"（\1）", text)
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def regulation() -> Regulation:
    return load_regulation("2024-127")


def test_every_character_of_the_articles_is_in_the_loaded_text(regulation: Regulation) -> None:
    seed = seed_text()
    body = seed[seed.index("第一章") : seed.index("第十九条")]
    body += seed[seed.index("第十九条") :].splitlines()[0]
    loaded = regulation.full_text
    assert normalise(body) == normalise(loaded[loaded.index("第一章") :])


def test_metadata(regulation: Regulation) -> None:
    assert regulation.version == "2024-127"
    assert regulation.issuer == "扎兰屯市南木鄂伦春民族乡人民政府"
    assert regulation.number == "鄂政发〔2024〕127号"
    assert regulation.signer == "刘晓伟"
    assert regulation.issue_date == regulation.effective_date == date(2024, 10, 29)
    assert regulation.trial is True
    assert regulation.title == "南木鄂伦春民族乡行政执法尽职尽责和容错纠错制度（试行）"
    assert regulation.header == "扎兰屯市南木鄂伦春民族乡人民政府文件"
    assert regulation.header_mongolian in seed_text()
    mongolian = regulation.header_mongolian.replace(" ", "")
    assert mongolian and all("\u1800" <= ch <= "\u18af" for ch in mongolian)


def test_structure(regulation: Regulation) -> None:
    spans = [(c.title, c.articles[0].number, c.articles[-1].number) for c in regulation.chapters]
    assert spans == [("总则", 1, 4), ("履职尽责", 5, 9), ("容错纠错", 10, 19)]
    art10 = regulation.article(10)
    assert [len(p.items) for p in art10.paragraphs] == [8, 3]
    assert "三个区分开来" in art10.paragraphs[0].text
    assert art10.paragraphs[1].text.startswith("具有上述情形之一同时符合下列条件的")
    assert [len(p.items) for p in regulation.article(9).paragraphs] == [9]
    assert [len(p.items) for p in regulation.article(11).paragraphs] == [3]


@pytest.mark.parametrize(("citation", "joined"), [
    (Citation(9, None, (2,)), "致使行政执法行为不能及时作出"),
    (Citation(10, 1, (3,)), "法律法规调整"),
    (Citation(18), "经查不属实"),
])
def test_page_break_splits_are_joined(regulation: Regulation, citation: Citation,
                                      joined: str) -> None:
    assert joined in regulation.text_of(citation)


def test_item_markers_are_full_width(regulation: Regulation) -> None:
    text = regulation.full_text
    assert "(" not in text and ")" not in text
    assert "（一）已经按照法定职责" in regulation.article(9).text


def test_guidance_is_data_beside_the_text_not_in_it(regulation: Regulation) -> None:
    guidance = regulation.guidance_for("three_distinctions")
    assert guidance.article == 10 and guidance.title == "三个区分开来"
    assert guidance.text.count("区分开来") == 3
    assert "明知故犯" in guidance.text and "明知故犯" not in regulation.full_text


def test_lookup_by_citation(regulation: Regulation) -> None:
    assert isinstance(regulation.resolve(Citation(10)), Article)
    second = regulation.resolve(Citation(10, 2))
    assert isinstance(second, Paragraph) and second.number == 2
    assert regulation.text_of(Citation(10, 1, (4,))).startswith("（四）行政执法过程中")
    both = regulation.text_of(Citation(10, 2, (1, 3)))
    assert both.splitlines()[0].startswith("（一）") and both.splitlines()[1].startswith("（三）")
    assert regulation.text_of(Citation(11, None, (1,))).startswith("（一）主动采取措施")


@pytest.mark.parametrize("missing", [
    Citation(20), Citation(10, 3), Citation(9, None, (10,)), Citation(10, None, (1,)),
    Citation(12, None, (1,)),
])
def test_lookup_of_what_is_not_there(regulation: Regulation, missing: Citation) -> None:
    with pytest.raises(NotFoundError):
        regulation.resolve(missing)


def test_article_text_starts_with_its_heading(regulation: Regulation) -> None:
    assert regulation.article(19).text == "第十九条\u3000本制度自印发之日起施行。"
    assert regulation.chapter_of(12).title == "容错纠错"


def test_committed_json_is_what_the_generator_makes_of_the_seed() -> None:
    script = REPO / "scripts" / "build_regulation.py"
    spec = importlib.util.spec_from_file_location("build_regulation", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (REPO / "resources" / "regulations" / "2024-127.json").read_text(encoding="utf-8")
    assert module.render(module.build(seed_text())) == committed
