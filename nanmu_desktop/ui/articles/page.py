"""The 条文 page: the regulation's tree beside its full text, with search and version choice.

The text view holds the whole regulation; the tree and `open_citation` scroll it to a unit
and tint that unit, and a search tints every occurrence (one- and two-character terms too,
such as 错 or 容错). Enter / F3 step to the next occurrence, Shift+F3 to the previous one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import available_versions, load_regulation
from nanmu_desktop.ui.articles.model import CITATION_ROLE, ArticlesModel
from nanmu_desktop.ui.common.context import UiContext

MATCH_COLOUR = QColor("#ffe082")
CURRENT_MATCH_COLOUR = QColor("#ffb300")
UNIT_COLOUR = QColor("#dcebfa")


def _span_table(
    regulation: Regulation, offsets: dict[int, int], document: QTextDocument
) -> dict[Citation, tuple[int, int]]:
    """Document positions of every article, 款 and item, widened to whole lines (with markers)."""
    table: dict[Citation, tuple[int, int]] = {}
    for article in regulation.articles:
        base = offsets[article.number]
        table[article.citation] = (base, base + len(article.text))
        for span in article.spans:
            if span.citation == article.citation:
                continue  # a single paragraph's lead sentence: the article node covers it all
            first = document.findBlock(base + span.start)
            last = document.findBlock(base + max(span.start, span.end - 1))
            table[span.citation] = (first.position(), last.position() + last.length() - 1)
    return table


def _block_format(centred: bool = False, before: float = 0, after: float = 0) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setAlignment(Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft)
    block.setTopMargin(before)
    block.setBottomMargin(after)
    block.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return block


class ArticlesPage(QWidget):
    """Browse, search and cite the regulation; follows `context.signals.open_citation`."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._matches: list[tuple[int, int]] = []
        self._current_match = -1
        self._unit: tuple[int, int] | None = None
        self._moving_cursor = False  # the page itself moves the text cursor
        self._following_text = False  # the tree follows a click in the text
        self._build()
        for version in available_versions():
            self.version_combo.addItem(version, version)
        self.version_combo.setCurrentIndex(self.version_combo.count() - 1)  # newest
        self.version_combo.currentIndexChanged.connect(self._version_chosen)
        self._version_chosen()
        context.signals.open_citation.connect(self.show_citation)

    def _build(self) -> None:
        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("versionCombo")
        version_label = QLabel("版本(&B)：", self)
        version_label.setBuddy(self.version_combo)
        self.meta_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("articlesSearch")
        self.search_edit.setPlaceholderText("在条文中查找（可输入一两个字，如“容错”）")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.returnPressed.connect(lambda: self.step_match(1))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")
        bar = QHBoxLayout()
        bar.addWidget(version_label)
        bar.addWidget(self.version_combo)
        bar.addWidget(self.meta_label, 1)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.count_label)
        self.tree = QTreeView(self)
        self.tree.setObjectName("articlesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("articlesText")
        self.text.setOpenLinks(False)
        self.text.cursorPositionChanged.connect(self._text_clicked)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, lambda: self.step_match(1))
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.FindPrevious), self, lambda: self.step_match(-1)
        )

    @property
    def regulation(self) -> Regulation:
        return self._regulation

    def _version_chosen(self) -> None:
        self._regulation = load_regulation(str(self.version_combo.currentData()))
        reg = self._regulation
        trial = "（试行）" if reg.trial else ""
        day = reg.effective_date
        self.meta_label.setText(f"{reg.number}{trial}　{chinese_date(day)}起施行")
        self.model = ArticlesModel(reg)
        self.tree.setModel(self.model)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)
        self._fill_text(reg)
        self._unit = None
        self._search(self.search_edit.text())

    def _fill_text(self, reg: Regulation) -> None:
        self._moving_cursor = True
        self.text.clear()
        cursor = QTextCursor(self.text.document())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        title = QTextCharFormat(bold)
        title.setFontPointSize(self.font().pointSizeF() * 1.3)
        plain = QTextCharFormat()
        cursor.setBlockFormat(_block_format(centred=True, after=12))
        cursor.insertText(reg.title, title)
        offsets: dict[int, int] = {}
        for chapter in reg.chapters:
            cursor.insertBlock(_block_format(centred=True, before=10, after=6), bold)
            cursor.insertText(chapter.heading, bold)
            for article in chapter.articles:
                # Lines after the first (items, 款) inherit this block format.
                cursor.insertBlock(_block_format(after=3), plain)
                offsets[article.number] = cursor.position()
                cursor.insertText(article.heading, bold)
                cursor.insertText(article.text[len(article.heading) :], plain)
        self._offsets = offsets
        self._spans = _span_table(reg, offsets, self.text.document())
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._moving_cursor = False

    def _tree_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        citation = indexes[0].data(CITATION_ROLE) if indexes else None
        if isinstance(citation, Citation):
            self._unit = self._spans.get(citation)
            if self._unit is not None and not self._following_text:
                self._scroll_to(self._unit[0])
        else:
            self._unit = None
        self._paint()

    def focus_search(self) -> None:
        """Ctrl+F on this page (the main window's 查找 action)."""
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def show_citation(self, citation: object) -> None:
        """Select the unit `citation` names (or its nearest container) and scroll to it."""
        if not isinstance(citation, Citation):
            return
        index = self.model.index_of(citation)
        if index.isValid():
            self._select(index)

    def _select(self, index: QModelIndex) -> None:
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def selected_citation(self) -> Citation | None:
        value = self.tree.currentIndex().data(CITATION_ROLE)
        return value if isinstance(value, Citation) else None

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(position)
        self._moving_cursor = True
        # Move to the end first, so the unit ends up near the top of the view, not the bottom,
        # then back a little so the lines before it still show where it stands.
        self.text.moveCursor(QTextCursor.MoveOperation.End)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() - self.text.viewport().height() // 6)
        self._moving_cursor = False

    def _text_clicked(self) -> None:
        """A click in the text selects, in the tree, the smallest unit around it."""
        if self._moving_cursor:
            return
        position = self.text.textCursor().position()
        around = [
            (end - start, c) for c, (start, end) in self._spans.items() if start <= position <= end
        ]
        if not around:
            return
        index = self.model.index_of(min(around)[1])
        self._following_text = True
        self._select(index)
        self._following_text = False

    def _search(self, term: str) -> None:
        self._matches = [
            (self._offsets[m.citation.article] + m.start, self._offsets[m.citation.article] + m.end)
            for m in self._regulation.search(term)
        ]
        self._current_match = -1
        if term.strip():
            self.count_label.setText(f"共 {len(self._matches)} 处" if self._matches else "未找到")
        else:
            self.count_label.clear()
        if self._matches:
            self.step_match(1)
        else:
            self._paint()

    def step_match(self, step: int) -> None:
        """Go to the next (`step=1`) or previous (`-1`) occurrence, wrapping around."""
        if not self._matches:
            return
        self._current_match = (self._current_match + step) % len(self._matches)
        self.count_label.setText(f"第 {self._current_match + 1}/{len(self._matches)} 处")
        self._scroll_to(self._matches[self._current_match][0])
        self._paint()

    def highlighted_terms(self) -> list[str]:
        """The text under each search highlight (what the clerk sees tinted)."""
        # (ExtraSelection's fields are missing from PySide6 6.9's type stubs: read through Any)
        selections: list[Any] = list(self.text.extraSelections())
        return [
            s.cursor.selectedText()
            for s in selections
            if s.format.background().color() in (MATCH_COLOUR, CURRENT_MATCH_COLOUR)
        ]

    def _paint(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self._unit is not None:
            selections.append(self._tint(*self._unit, UNIT_COLOUR))
        for number, (start, end) in enumerate(self._matches):
            colour = CURRENT_MATCH_COLOUR if number == self._current_match else MATCH_COLOUR
            selections.append(self._tint(start, end, colour))
        self.text.setExtraSelections(selections)

    def _tint(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fields: Any = selection  # (see highlighted_terms)
        fields.cursor = cursor
        fields.format.setBackground(colour)
        return selection
