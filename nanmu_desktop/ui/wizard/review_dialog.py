"""审核意见: a reviewer approves the case's current proposal or returns it with comments."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.reviews import ReviewInfo, case_reviews, review_case
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext


class ReviewDialog(QDialog):
    def __init__(
        self, context: UiContext, case_id: int, case_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._case_id = case_id
        self.saved: ReviewInfo | None = None
        self.setWindowTitle(f"审核意见 — {case_number}")
        self.approve_radio = QRadioButton("审核通过(&A)")
        self.return_radio = QRadioButton("退回修改(&R)")
        self.approve_radio.setChecked(True)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText("审核意见（退回修改时必填）")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("对本案当前的认定建议："))
        layout.addWidget(self.approve_radio)
        layout.addWidget(self.return_radio)
        layout.addWidget(self.comment_edit)
        layout.addWidget(buttons)

    def save(self) -> None:
        verdict = "approve" if self.approve_radio.isChecked() else "return"
        try:
            self.saved = review_case(
                self._context.database, self._case_id, verdict, self.comment_edit.toPlainText()
            )
        except NanmuError as err:
            dialogs.show_error(self, err, "无法保存审核意见")
            return
        self._context.signals.case_changed.emit(self._case_id)
        self.accept()


def reviews_html(context: UiContext, case_id: int) -> str:
    """The case's review opinions, oldest first, for the determination page ('' when none)."""
    reviews = case_reviews(context.database, case_id)
    if not reviews:
        return ""
    rows = "".join(
        f"<li>{r.reviewed_at.astimezone():%Y-%m-%d %H:%M} {escape(r.reviewer)}："
        f"{r.verdict_label}{'，' + escape(r.comment) if r.comment else ''}</li>"
        for r in reviews
    )
    return f"<h3>审核意见</h3><ul>{rows}</ul>"
