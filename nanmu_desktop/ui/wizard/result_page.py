"""The last step: the proposed outcome, its citations as links, the reasoning and the why-nots."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget, QWizardPage

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.engine import Proposal


def determination_html(result: Proposal) -> str:
    """The result as rich text; each citation is a `cite:N` link to `result.citations[N]`."""
    links = "、".join(
        f"<a href='cite:{n}'>{escape(c.format())}</a>" for n, c in enumerate(result.citations)
    )
    parts = [
        f"<h2>认定建议：{escape(result.outcome.label)}</h2>",
        f"<p><b>依据：</b>{links}</p>" if links else "",
        "<h3>认定理由</h3><ol>",
        *(f"<li>{escape(line)}</li>" for line in result.explanation),
        "</ol>",
    ]
    if result.why_not:
        parts.append("<h3>未认定更有利结果的原因</h3><ul>")
        parts.extend(f"<li>{escape(str(w))}</li>" for w in result.why_not)
        parts.append("</ul>")
    if result.warnings:
        parts.append("<h3 style='color:#b26a00'>请注意</h3><ul>")
        parts.extend(f"<li>{escape(w)}</li>" for w in result.warnings)
        parts.append("</ul>")
    if result.accountability:
        parts.append("<h3>追责情节</h3><p>" + escape("、".join(result.accountability))
                     + "：追究责任时可以从轻或者减轻（第十一条），不作为容错依据，"
                     "不改变不予容错的结论。</p>")
    parts.append(f"<p style='color:#555'>适用条文版本：{escape(result.regulation)}</p>")
    return "".join(parts)


class ResultPage(QWizardPage):
    """Shows `compute()`'s determination; a click on a citation emits `citation_clicked`."""

    citation_clicked = Signal(object)

    def __init__(
        self, compute: Callable[[], Proposal], investigation_html: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._investigation_html = investigation_html
        self.setTitle("认定建议")
        self.setSubTitle("以下为依据所答事实得出的认定建议，由党委研究决定。点击条文可查看原文。")
        self._compute = compute
        self.result: Proposal | None = None
        self.view = QTextBrowser(self)
        self.view.setObjectName("resultText")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._follow)
        hint = QLabel("点击“保存为认定建议”记入案件；之后可在认定页记录党委决定。", self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(hint)

    def initializePage(self) -> None:
        self.result = self._compute()
        self.view.setHtml(determination_html(self.result) + self._investigation_html)

    def _follow(self, url: QUrl) -> None:
        scheme, _, number = url.toString().partition(":")
        if self.result is None or scheme != "cite" or not number.isdigit():
            return
        index = int(number)
        if index < len(self.result.citations):
            citation: Citation = self.result.citations[index]
            self.citation_clicked.emit(citation)
