"""The review step: every answer on the path, each step with a link back to its page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget, QWizardPage

from nanmu_desktop.ui.wizard.answers import Answers
from nanmu_desktop.ui.wizard.question_page import QuestionPage


class ReviewPage(QWizardPage):
    """Lists the answers of the asked steps and names the steps skipped as irrelevant.

    `edit_requested(page_id)` is emitted when the clerk follows a 修改 link.
    """

    edit_requested = Signal(int)

    def __init__(
        self,
        collect: Callable[[], tuple[Answers, Sequence[int], Sequence[int]]],
        pages: dict[int, QuestionPage],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle("核对答案")
        self.setSubTitle("请逐项核对；点击“修改”回到该步骤。确认无误后点击“下一步”查看认定建议。")
        self._collect = collect
        self._pages = pages
        self.view = QTextBrowser(self)
        self.view.setObjectName("reviewText")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._follow)
        hint = QLabel("以上答案将作为事实依据保存。", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(hint)

    def initializePage(self) -> None:
        answers, asked, skipped = self._collect()
        parts: list[str] = []
        for page_id in asked:
            parts.append(self._step_html(page_id, answers))
        if skipped:
            names = "、".join(escape(self._pages[p].title()) for p in skipped)
            parts.append(f"<p style='color:#555'>无需回答（对结果已无影响）：{names}</p>")
        self.view.setHtml("".join(parts))

    def _step_html(self, page_id: int, answers: Answers) -> str:
        page = self._pages[page_id]
        lines: list[str] = []
        for question in page.questions:
            if question.key not in answers.checked:
                continue
            line = f"{escape(question.marker)}{escape(question.text)}"
            reason = answers.reasons.get(question.key, "").strip()
            if reason:
                line += f"<br/>　理由：{escape(reason)}"
            note = answers.evidence.get(question.key, "").strip()
            if note:
                line += f"<br/>　证据：{escape(note)}"
            lines.append(f"<li>{line}</li>")
        body = f"<ul>{''.join(lines)}</ul>" if lines else "<p>　均不符合。</p>"
        return f"<h3>{escape(page.title())}　<a href='page:{page_id}'>修改</a></h3>{body}"

    def _follow(self, url: QUrl) -> None:
        scheme, _, target = url.toString().partition(":")
        if scheme == "page" and target.isdigit():
            self.edit_requested.emit(int(target))
