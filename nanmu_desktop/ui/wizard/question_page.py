"""One step of the determination wizard: a list of facts to tick, beside the article's text.

Each fact row is a check box (space toggles it), the wrapped item text (a click on it toggles
too), and, once ticked, an evidence note; a catch-all item (其他…) also asks for a written
reason, and the page cannot advance while a ticked catch-all has none (invisible characters are
none) or a ticked row's text breaks the text rule of domain.plain_text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from nanmu_desktop.domain.citations import item_marker
from nanmu_desktop.domain.interview import Step
from nanmu_desktop.domain.plain_text import is_blank, text_problem
from nanmu_desktop.domain.regulation import ARTICLE_SEPARATOR, Guidance, Regulation
from nanmu_desktop.ui.wizard.answers import Answers

ERROR_STYLE = "color: #c62828;"
REASON_MISSING = "选择“其他”情形时，必须写明理由。"
HOW_TO_ANSWER = "勾选所有适用项（空格键勾选）；均不符合则直接进入下一步。"


@dataclass(frozen=True)
class Question:
    """One fact to ask: its key (e.g. `art9.2`), marker (（二）), wording, catch-all or not."""

    key: str
    marker: str
    text: str
    catch_all: bool = False


def questions_for(step: Step, regulation: Regulation) -> list[Question]:
    """The step's options worded as the regulation words them (or by their own label)."""
    questions: list[Question] = []
    for option in step.options:
        items = option.citation.items
        marker = item_marker(items[0]) if items else ""
        if option.label is not None:
            text = option.label
        else:
            unit = regulation.resolve(option.citation)
            text = unit[0].text if isinstance(unit, tuple) else option.key
        questions.append(Question(option.key, marker, text, option.catch_all))
    return questions


def article_html(step: Step, regulation: Regulation) -> str:
    """The articles the step cites, in full, as simple rich text."""
    articles = dict.fromkeys(c.article for c in step.citations)
    blocks = []
    for number in articles:
        lines = regulation.article(number).text.split("\n")
        head, _, rest = lines[0].partition(ARTICLE_SEPARATOR)
        body = "<br/>".join(
            [
                f"<b>{escape(head)}</b>{ARTICLE_SEPARATOR}{escape(rest)}",
                *(escape(line) for line in lines[1:]),
            ]
        )
        blocks.append(f"<p style='line-height:140%'>{body}</p>")
    return "".join(blocks)


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class _FactRow:
    """The widgets of one question, placed in the page's grid."""

    def __init__(self, question: Question, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.question = question
        self.check = QCheckBox(question.marker, parent)
        self.check.setObjectName(f"check_{question.key}")
        self.label = _ClickableLabel(question.text, parent)
        self.label.setWordWrap(True)
        self.label.clicked.connect(self.check.toggle)
        self.evidence = QLineEdit(parent)
        self.evidence.setObjectName(f"evidence_{question.key}")
        self.evidence.setPlaceholderText("证据说明（可选）：如调查笔录、书证名称")
        self.evidence.setClearButtonEnabled(True)
        self.reason: QLineEdit | None = None
        self.error = QLabel(REASON_MISSING, parent)
        self.error.setObjectName(f"error_{question.key}")
        self.error.setStyleSheet(ERROR_STYLE)
        grid.addWidget(self.check, row * 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.label, row * 4, 1)
        if question.catch_all:
            self.reason = QLineEdit(parent)
            self.reason.setObjectName(f"reason_{question.key}")
            self.reason.setPlaceholderText("书面理由（必填）：说明属于何种其他情形")
            grid.addWidget(self.reason, row * 4 + 1, 1)
        grid.addWidget(self.error, row * 4 + 2, 1)
        grid.addWidget(self.evidence, row * 4 + 3, 1)

    def refresh(self) -> None:
        ticked = self.check.isChecked()
        self.evidence.setVisible(ticked)
        if self.reason is not None:
            self.reason.setVisible(ticked)
        problem = self.problem
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)

    @property
    def problem(self) -> str | None:
        """Why this ticked row cannot be kept as typed (a Chinese sentence), or None."""
        if not self.check.isChecked():
            return None
        if self.reason is not None:
            if is_blank(self.reason.text()):
                return REASON_MISSING
            if wrong := text_problem(self.reason.text().strip()):
                return f"理由{wrong}"
        wrong = text_problem(self.evidence.text().strip())
        return f"证据说明{wrong}" if wrong else None

    @property
    def missing_reason(self) -> bool:
        return self.problem == REASON_MISSING


class QuestionPage(QWizardPage):
    """One interview step: its options to tick, the cited articles and the guidance beside."""

    def __init__(self, step: Step, regulation: Regulation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.set_wording(step.title, step.question)
        self.questions = questions_for(step, regulation)
        guidance = [regulation.guidance_for(key) for key in step.guidance]
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        # A horizontal splitter does not grow vertically by default; the page fills the wizard.
        splitter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        splitter.addWidget(self._build_questions())
        splitter.addWidget(self._build_side(article_html(step, regulation), guidance))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        for fact_row in self._rows.values():
            fact_row.refresh()

    def set_wording(self, title: str, question: str) -> None:
        self.setTitle(title)
        self.setSubTitle(f"{question}　{HOW_TO_ANSWER}")

    def _build_questions(self) -> QScrollArea:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        self._rows: dict[str, _FactRow] = {}
        for number, question in enumerate(self.questions):
            fact_row = _FactRow(question, grid, number, holder)
            fact_row.check.toggled.connect(lambda _on, r=fact_row: self._changed(r))
            if fact_row.reason is not None:
                fact_row.reason.textChanged.connect(lambda _t, r=fact_row: self._changed(r))
            fact_row.evidence.textChanged.connect(lambda _t, r=fact_row: self._changed(r))
            self._rows[question.key] = fact_row
        grid.setRowStretch(len(self.questions) * 4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        return scroll

    def _build_side(self, article_html: str, guidance: list[Guidance]) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        article = QTextBrowser(side)
        article.setObjectName("articleText")
        article.setHtml(article_html)
        article.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stays on the questions
        layout.addWidget(article, 1)
        box = QFrame(side)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box_layout = QVBoxLayout(box)
        heading = QLabel("、".join(f"“{g.title}”" for g in guidance) + "（参考）", box)
        heading.setStyleSheet("font-weight: bold;")
        note = QLabel("\n".join(g.text for g in guidance), box)
        note.setToolTip("\n".join(g.source for g in guidance))
        note.setObjectName("guidanceText")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(heading)
        box_layout.addWidget(note, 1)
        layout.addWidget(box)
        return side

    def _changed(self, fact_row: _FactRow) -> None:
        fact_row.refresh()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(r.problem is None for r in self._rows.values())

    @property
    def keys(self) -> list[str]:
        return [q.key for q in self.questions]

    def check_box(self, key: str) -> QCheckBox:
        return self._rows[key].check

    def read_into(self, answers: Answers) -> None:
        """Write this page's current answers into `answers` (replacing its own keys)."""
        for key, fact_row in self._rows.items():
            answers.checked.discard(key)
            answers.reasons.pop(key, None)
            answers.evidence.pop(key, None)
            if not fact_row.check.isChecked():
                continue
            answers.checked.add(key)
            if fact_row.reason is not None:
                answers.reasons[key] = fact_row.reason.text()
            if fact_row.evidence.text().strip():
                answers.evidence[key] = fact_row.evidence.text()

    def load_from(self, answers: Answers) -> None:
        for key, fact_row in self._rows.items():
            fact_row.check.setChecked(key in answers.checked)
            fact_row.evidence.setText(answers.evidence.get(key, ""))
            if fact_row.reason is not None:
                fact_row.reason.setText(answers.reasons.get(key, ""))
            fact_row.refresh()
