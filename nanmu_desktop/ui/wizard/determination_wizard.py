"""The determination wizard: 第十二条 → 第九条 → 第十条 → 第十条第二款 → 第十一条 → review → result.

Which steps are asked is decided by `domain.interview` from the answers on the current path
(pages the clerk went back over are dropped from the path by QWizard itself), so the wizard
never asks a question whose answer could no longer change the outcome. Finishing saves the
result as the case's proposal through the services, in the background writer queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from nanmu_desktop.domain import interview
from nanmu_desktop.domain.engine import Proposal, determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.investigations import InvestigationInfo
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import confirm
from nanmu_desktop.ui.wizard.answers import Answers
from nanmu_desktop.ui.wizard.question_page import QuestionPage
from nanmu_desktop.ui.wizard.result_page import ResultPage
from nanmu_desktop.ui.wizard.review_page import ReviewPage
from nanmu_desktop.ui.wizard.summary import investigation_html

REVIEW_ID = len(interview.STEPS)
RESULT_ID = REVIEW_ID + 1
# Stands in for a reason not typed yet: reason texts never alter the path.
_NAVIGATION_REASON = "（理由待填写）"


class DeterminationWizard(QWizard):
    """Runs the interview for case `case_id`, starting from `initial_facts` when continuing."""

    def __init__(
        self,
        context: UiContext,
        case_id: int,
        initial_facts: dict[str, Any] | None = None,
        regulation: Regulation | None = None,
        parent: QWidget | None = None,
        *,
        investigation: InvestigationInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.case_id = case_id
        self.regulation = regulation or load_regulation()
        self.saved: object | None = None
        self.setWindowTitle("认定向导")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步(&B)")
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步(&N) >")
        self.setButtonText(QWizard.WizardButton.FinishButton, "保存为认定建议(&S)")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.question_pages: dict[int, QuestionPage] = {}
        start = Answers.from_facts_dict(initial_facts or {})
        self._start_facts = start.to_facts_dict()
        for page_id, step in enumerate(interview.STEPS):
            page = QuestionPage(step, self.regulation)
            page.load_from(start)
            self.question_pages[page_id] = page
            self.setPage(page_id, page)
        self.review_page = ReviewPage(self._review_data, self.question_pages)
        self.review_page.edit_requested.connect(self.go_back_to)
        self.setPage(REVIEW_ID, self.review_page)
        # The record the proposal rests on (第十三条 "调查核实后"), or the warning of its absence.
        self.result_page = ResultPage(self.determination, investigation_html(investigation))
        self.result_page.citation_clicked.connect(context.signals.open_citation.emit)
        self.setPage(RESULT_ID, self.result_page)
        self.setStartId(0)
        self.resize(980, 660)

    # the path ------------------------------------------------------------------------------

    def path_ids(self) -> list[int]:
        """Question pages visited on the way to the current page, in order."""
        return [i for i in self.visitedIds() if i in self.question_pages]

    def answers(self) -> Answers:
        """The answers of the question pages on the path (answers left behind do not count)."""
        answers = Answers()
        for page_id in self.path_ids():
            self.question_pages[page_id].read_into(answers)
        return answers.restricted_to(
            key for i in self.path_ids() for key in self.question_pages[i].keys
        )

    def facts_dict(self) -> dict[str, Any]:
        return self.answers().to_facts_dict()

    def facts(self) -> Facts:
        return Facts.from_dict(self.facts_dict())

    def determination(self) -> Proposal:
        return determine(self.facts(), self.regulation)

    def _navigation_facts(self) -> Facts:
        answers = self.answers()
        for key in answers.reasons:  # whatever was typed, even text the rule refuses
            answers.reasons[key] = _NAVIGATION_REASON
        answers.evidence.clear()
        return Facts.from_dict(answers.to_facts_dict())

    def initializePage(self, page_id: int) -> None:
        """第十一条 in a 第十二条 case is asked as 追责情节: the wording follows the answers."""
        super().initializePage(page_id)
        page = self.question_pages.get(page_id)
        if page is not None:
            title, question = interview.wording(page.step, self._navigation_facts())
            page.set_wording(title, question)

    def nextId(self) -> int:
        current = self.currentId()
        if current in self.question_pages:
            following = interview.next_step(self._navigation_facts(), interview.STEPS[current].id)
            return REVIEW_ID if following is None else interview.STEPS.index(following)
        return RESULT_ID if current == REVIEW_ID else -1

    def _review_data(self) -> tuple[Answers, Sequence[int], Sequence[int]]:
        asked = self.path_ids()
        skipped = [i for i in self.question_pages if i not in asked]
        return self.answers(), asked, skipped

    def go_back_to(self, page_id: int) -> None:
        """Step back through the history to `page_id` (a 修改 link on the review page)."""
        while self.currentId() != page_id and page_id in self.visitedIds():
            self.back()

    def has_changes(self) -> bool:
        """Whether any page holds answers other than those the wizard started from."""
        answers = Answers()
        for page in self.question_pages.values():
            page.read_into(answers)
        return answers.to_facts_dict() != self._start_facts

    def reject(self) -> None:
        """取消 / Esc / closing the window: ask first when answers would be lost."""
        if self.has_changes() and not confirm(
            self, "放弃认定", "本次填写的答案尚未保存，确定放弃吗？", ok_text="放弃", danger=True
        ):
            return
        super().reject()

    # saving --------------------------------------------------------------------------------

    def accept(self) -> None:
        from nanmu_desktop.services.determinations import save_proposal

        facts = self.facts_dict()
        database, case_id = self._context.database, self.case_id
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self._context.tasks.run(
            lambda _control: save_proposal(database, case_id, facts),
            on_done=self._saved,
            on_error=self._refused,
            parent=self,
        )

    def _saved(self, info: object) -> None:
        self.saved = info
        self._context.signals.case_changed.emit(self.case_id)
        self._context.signals.status_message.emit("认定建议已保存")
        super().accept()

    def _refused(self, error: NanmuError) -> None:
        from nanmu_desktop.ui.common.tasks import show_error

        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, error)
