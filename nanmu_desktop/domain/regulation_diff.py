"""A township's regulation compared with the model, article by article: which articles are the
same, which differ in wording, which in structure (款 and 项 counts), which exist in one only.

The comparison ignores whitespace; it says nothing about the rulebook (that is
`regulation_loader.structure_problems`), only what a clerk needs to see before keeping it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from nanmu_desktop.domain.citations import chinese_numeral
from nanmu_desktop.domain.regulation import Article, Regulation


class Change(StrEnum):
    same = "相同"
    wording = "文字不同"
    structure = "结构不同"
    added = "本制度新增"
    missing = "本制度没有"


@dataclass(frozen=True)
class ArticleDiff:
    number: int
    change: Change
    detail: str  # e.g. "第一款：范本8项，本制度7项" or the changed words
    model_text: str
    own_text: str

    @property
    def heading(self) -> str:
        return f"第{chinese_numeral(self.number)}条"

    def line(self) -> str:
        detail = f"（{self.detail}）" if self.detail else ""
        return f"{self.heading}：{self.change.value}{detail}"


def compare(model: Regulation, own: Regulation) -> tuple[ArticleDiff, ...]:
    """Every article of either text, in order, with what changed."""
    models = {a.number: a for a in model.articles}
    owns = {a.number: a for a in own.articles}
    out = []
    for number in sorted(models.keys() | owns.keys()):
        mine, theirs = owns.get(number), models.get(number)
        if theirs is None:
            assert mine is not None
            out.append(ArticleDiff(number, Change.added, "", "", mine.text))
        elif mine is None:
            out.append(ArticleDiff(number, Change.missing, "", theirs.text, ""))
        else:
            out.append(_compare_article(theirs, mine))
    return tuple(out)


def summary(diffs: tuple[ArticleDiff, ...]) -> str:
    """One line: how many articles are the same and which differ."""
    same = sum(d.change is Change.same for d in diffs)
    other = [d.heading for d in diffs if d.change is not Change.same]
    if not other:
        return f"与范本逐条相同（共{same}条）"
    return f"与范本相同{same}条，不同{len(other)}条：" + "、".join(other)


def _shape(article: Article) -> tuple[int, ...]:
    return tuple(len(p.items) for p in article.paragraphs)


def _compare_article(model: Article, own: Article) -> ArticleDiff:
    if _shape(model) != _shape(own):
        return ArticleDiff(own.number, Change.structure, _shape_detail(model, own),
                           model.text, own.text)
    if _plain(model.text) == _plain(own.text):
        return ArticleDiff(own.number, Change.same, "", model.text, own.text)
    return ArticleDiff(own.number, Change.wording, _changed_words(model.text, own.text),
                       model.text, own.text)


def _shape_detail(model: Article, own: Article) -> str:
    if len(model.paragraphs) != len(own.paragraphs):
        return f"范本{len(model.paragraphs)}款，本制度{len(own.paragraphs)}款"
    parts = []
    for index, (theirs, mine) in enumerate(zip(model.paragraphs, own.paragraphs, strict=True)):
        if len(theirs.items) != len(mine.items):
            parts.append(f"第{chinese_numeral(index + 1)}款：范本{len(theirs.items)}项，"
                         f"本制度{len(mine.items)}项")
    return "；".join(parts)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _changed_words(model: str, own: str, limit: int = 3) -> str:
    """The first few replaced runs, e.g. “南木鄂伦春民族乡”→“萨马街鄂温克民族乡”."""
    a, b = _plain(model), _plain(own)
    spans: list[list[int]] = []  # [i1, i2, j1, j2]; changes a short equal run apart are one
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    runs = [f"“{a[i1:i2]}”→“{b[j1:j2]}”" for i1, i2, j1, j2 in spans]
    more = f"等{len(runs)}处" if len(runs) > limit else ""
    return "；".join(runs[:limit]) + more
