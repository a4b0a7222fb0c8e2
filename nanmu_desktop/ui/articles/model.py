"""The regulation as an item tree for the 条文 page: chapters → articles → (款 →) items.

Paragraph (款) nodes appear only in articles with more than one paragraph (第十条), so a
single-paragraph article lists its items directly, as citations write them (第九条第（一）项).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from nanmu_desktop.domain.citations import Citation, chinese_numeral
from nanmu_desktop.domain.regulation import Regulation

CITATION_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_CHARS = 18

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invisible root, as Qt's default argument


@dataclass(eq=False)
class ArticleNode:
    """One row of the tree; `citation` is None for a chapter."""

    label: str
    full_text: str
    citation: Citation | None
    parent: ArticleNode | None = None
    children: list[ArticleNode] = field(default_factory=list)

    def add(self, child: ArticleNode) -> ArticleNode:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def build_tree(regulation: Regulation) -> ArticleNode:
    """The invisible root holding one node per chapter."""
    root = ArticleNode("", "", None)
    for chapter in regulation.chapters:
        chapter_node = root.add(ArticleNode(chapter.heading, chapter.heading, None))
        for article in chapter.articles:
            lead = article.paragraphs[0].text
            article_node = chapter_node.add(
                ArticleNode(f"{article.heading}　{_preview(lead)}", article.text, article.citation)
            )
            single = len(article.paragraphs) == 1
            for paragraph in article.paragraphs:
                holder = article_node
                para_number = None if single else paragraph.number
                if not single:
                    holder = article_node.add(
                        ArticleNode(
                            f"第{chinese_numeral(paragraph.number)}款　{_preview(paragraph.text)}",
                            paragraph.text,
                            Citation(article.number, paragraph.number),
                        )
                    )
                for item in paragraph.items:
                    holder.add(
                        ArticleNode(
                            _preview(item.display_text),
                            item.display_text,
                            Citation(article.number, para_number, (item.number,)),
                        )
                    )
    return root


class ArticlesModel(QAbstractItemModel):
    """Read-only tree model of one regulation version; `CITATION_ROLE` gives a node's Citation."""

    def __init__(self, regulation: Regulation) -> None:
        super().__init__()
        self._root = build_tree(regulation)
        self._by_citation: dict[Citation, ArticleNode] = {}
        self._collect(self._root)

    def _collect(self, node: ArticleNode) -> None:
        for child in node.children:
            if child.citation is not None:
                self._by_citation[child.citation] = child
            self._collect(child)

    def _node(self, index: _Index) -> ArticleNode:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, ArticleNode)
        return node

    def index(self, row: int, column: int, parent: _Index = _TOP) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: _Index = _TOP) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: _Index = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.full_text
        if role == CITATION_ROLE:
            return node.citation
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            section == 0
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return "章节条款"
        return None

    def index_of(self, citation: Citation) -> QModelIndex:
        """The node for `citation`, or its nearest containing unit; invalid when absent.

        A citation of several items (第十条第二款第（一）（二）（三）项) lands on the first item.
        """
        current: Citation | None = citation
        if citation.items:
            current = citation.with_items(citation.items[0])
            if citation.paragraph is None and current not in self._by_citation:
                current = Citation(citation.article, 1, current.items)
        while current is not None:
            node = self._by_citation.get(current)
            if node is not None:
                return self.createIndex(node.row, 0, node)
            current = current.containing()
        return QModelIndex()
