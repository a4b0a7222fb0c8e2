"""审核意见 on the 认定向导 page: only a 审核 may give it; a return needs comments."""

from __future__ import annotations

from helpers import answer_message_box
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from wizard_support import register_forestry_case

from nanmu_desktop.domain.roles import Role
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.reviews import case_reviews
from nanmu_desktop.services.users import add_user, log_in
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.wizard.page import DeterminationPage


def test_a_reviewer_returns_the_proposal_with_comments(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    database = ui_context.database
    case_id = register_forestry_case(database)
    save_proposal(database, case_id, {"art11": [1]})
    add_user(database, "王管理", frozenset({Role.admin}), "admin-pass-1")
    log_in(database, "王管理", "admin-pass-1")
    add_user(database, "张经办", frozenset({Role.clerk}), "clerk-pass-1")
    add_user(database, "李审核", frozenset({Role.reviewer}), "review-pass-1")
    log_in(database, "张经办", "clerk-pass-1")

    page = DeterminationPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    page.select_case(case_id)
    assert not page.review_button.isEnabled() and "审核" in page.review_button.toolTip()

    log_in(database, "李审核", "review-pass-1")
    ui_context.signals.user_changed.emit()
    assert page.review_button.isEnabled()
    dialog = page.open_review()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.return_radio.setChecked(True)
    refused = answer_message_box(QMessageBox.StandardButton.Ok)
    dialog.save_button.click()
    assert refused.handled and "意见" in refused.text and case_reviews(database, case_id) == []
    dialog.comment_edit.setPlainText("第十一条第（一）项的情节请补充证据")
    dialog.save_button.click()
    assert [(r.verdict, r.reviewer) for r in case_reviews(database, case_id)] == [
        ("return", "李审核")
    ]
    qtbot.waitUntil(lambda: "退回修改" in page.detail.toPlainText(), timeout=5000)
    assert "请补充证据" in page.detail.toPlainText()
