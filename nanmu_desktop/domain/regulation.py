"""The regulation as a tree: Regulation → Chapter → Article → Paragraph (款) → Item (项).

Every unit is addressable by a `Citation`; the text of each unit, of each article and of the
whole regulation is built here so that every screen and document shows the same wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from nanmu_desktop.domain.citations import Citation, chinese_numeral, item_marker
from nanmu_desktop.domain.rulebook import Rulebook
from nanmu_desktop.errors import NotFoundError

ARTICLE_SEPARATOR = "\u3000"  # 第十条　… : a full-width space after the article number


@dataclass(frozen=True)
class Item:
    """One 项; `text` is without its marker."""

    number: int
    text: str

    @property
    def marker(self) -> str:
        return item_marker(self.number)

    @property
    def display_text(self) -> str:
        return self.marker + self.text


@dataclass(frozen=True)
class Paragraph:
    """One 款: its lead sentence and the items that follow it."""

    number: int
    text: str
    items: tuple[Item, ...] = ()

    def item(self, number: int) -> Item | None:
        return self.items[number - 1] if 1 <= number <= len(self.items) else None


@dataclass(frozen=True)
class Span:
    """Where one unit's text lies inside its article's `text`."""

    citation: Citation
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    number: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def heading(self) -> str:
        return f"第{chinese_numeral(self.number)}条"

    @property
    def citation(self) -> Citation:
        return Citation(self.number)

    def paragraph(self, number: int) -> Paragraph | None:
        return self.paragraphs[number - 1] if 1 <= number <= len(self.paragraphs) else None

    @cached_property
    def _layout(self) -> tuple[str, tuple[Span, ...]]:
        # Paragraph lead sentences and items each on their own line, items marked full-width.
        single = len(self.paragraphs) == 1
        parts: list[str] = []
        spans: list[Span] = []
        offset = len(self.heading) + len(ARTICLE_SEPARATOR)
        for paragraph in self.paragraphs:
            para_number = None if single else paragraph.number
            lead = Citation(self.number, para_number)
            spans.append(Span(lead, offset, offset + len(paragraph.text)))
            parts.append(paragraph.text)
            offset += len(paragraph.text) + 1
            for item in paragraph.items:
                cite = Citation(self.number, para_number, (item.number,))
                spans.append(Span(cite, offset, offset + len(item.display_text)))
                parts.append(item.display_text)
                offset += len(item.display_text) + 1
        return self.heading + ARTICLE_SEPARATOR + "\n".join(parts), tuple(spans)

    @property
    def text(self) -> str:
        """The article as printed: 第十条　lead sentence, then one line per item and 款."""
        return self._layout[0]

    @property
    def spans(self) -> tuple[Span, ...]:
        """Each paragraph's lead sentence and each item (with its marker), located in `text`."""
        return self._layout[1]


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    articles: tuple[Article, ...]

    @property
    def heading(self) -> str:
        return f"第{chinese_numeral(self.number)}章{ARTICLE_SEPARATOR}{self.title}"


@dataclass(frozen=True)
class Guidance:
    """Explanatory text shown beside the questions; NOT part of the regulation's wording."""

    key: str
    title: str
    article: int
    source: str
    text: str


@dataclass(frozen=True)
class SearchMatch:
    """One occurrence of a term: in the article `citation.article`, at `start:end` of that
    article's `text`; `citation` is the most specific unit holding it (item, 款 or article)."""

    citation: Citation
    start: int
    end: int


@dataclass(frozen=True)
class Regulation:
    version: str
    title: str
    number: str
    issuer: str
    header: str
    header_mongolian: str
    signer: str
    issue_date: date
    effective_date: date
    trial: bool
    chapters: tuple[Chapter, ...]
    guidance: tuple[Guidance, ...] = ()
    # The determination rules fitted to this text; None (with the reasons) when they do not fit.
    rulebook: Rulebook | None = None
    structure_problems: tuple[str, ...] = ()

    @cached_property
    def _articles(self) -> dict[int, Article]:
        return {a.number: a for c in self.chapters for a in c.articles}

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(self._articles.values())

    def article(self, number: int) -> Article:
        try:
            return self._articles[number]
        except KeyError:
            raise NotFoundError(f"{self.number}没有第{number}条") from None

    def chapter_of(self, article: int) -> Chapter:
        for chapter in self.chapters:
            if any(a.number == article for a in chapter.articles):
                return chapter
        raise NotFoundError(f"{self.number}没有第{article}条")

    def resolve(self, citation: Citation) -> Article | Paragraph | tuple[Item, ...]:
        """The unit a citation names (its items when it names items); NotFoundError if absent."""
        article = self._articles.get(citation.article)
        paragraph: Paragraph | None = None
        if article is not None:
            if citation.paragraph is not None:
                paragraph = article.paragraph(citation.paragraph)
            elif len(article.paragraphs) == 1:
                paragraph = article.paragraphs[0]
        if article is not None and not citation.items and citation.paragraph is None:
            return article
        if paragraph is not None and not citation.items:
            return paragraph
        items = tuple(paragraph.item(n) for n in citation.items) if paragraph else ()
        if not items or any(i is None for i in items):
            raise NotFoundError(f"{self.number}中没有{citation}")
        return tuple(i for i in items if i is not None)

    def text_of(self, citation: Citation) -> str:
        """The wording a citation names, items with their full-width markers."""
        unit = self.resolve(citation)
        if isinstance(unit, Article):
            return unit.text
        if isinstance(unit, Paragraph):
            return "\n".join([unit.text, *(i.display_text for i in unit.items)])
        return "\n".join(i.display_text for i in unit)

    def guidance_for(self, key: str) -> Guidance:
        for guidance in self.guidance:
            if guidance.key == key:
                return guidance
        raise NotFoundError(f"没有指导说明“{key}”")

    @cached_property
    def full_text(self) -> str:
        """Title and every chapter and article, one unit per line (without the header block)."""
        lines = [self.title]
        for chapter in self.chapters:
            lines.append(chapter.heading)
            lines.extend(a.text for a in chapter.articles)
        return "\n".join(lines)

    def search(self, term: str) -> tuple[SearchMatch, ...]:
        """Every occurrence of `term` (one or two characters work like any other) in the
        articles' text, in reading order; overlapping occurrences are all reported."""
        term = term.strip()
        if not term:
            return ()
        matches: list[SearchMatch] = []
        for article in self._articles.values():
            text = article.text
            start = text.find(term)
            while start != -1:
                matches.append(SearchMatch(_unit_at(article, start), start, start + len(term)))
                start = text.find(term, start + 1)
        return tuple(matches)


def _unit_at(article: Article, position: int) -> Citation:
    for span in article.spans:
        if span.start <= position < span.end:
            return span.citation
    return article.citation  # the heading 第十条 or a line break
