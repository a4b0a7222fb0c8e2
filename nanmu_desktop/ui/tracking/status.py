"""The 办理状态 tab of the 办理跟踪 page: the eight stages and the allowed next moves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import change_status
from nanmu_desktop.services.deliveries import service_status
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import confirm, show_error
from nanmu_desktop.ui.tracking.panels import CasePanel

# Wording of the lifecycle buttons; the target status decides the text.
MOVE_TEXT = {
    CaseStatus.notified: "确认已告知公开",
    CaseStatus.correcting: "转入纠错整改",
    CaseStatus.following_up: "转入跟踪回访",
    CaseStatus.closed: "办结归档",
}


class StatusPanel(CasePanel):
    """办理状态: the eight stages with the current one marked, and the allowed next moves."""

    def __init__(
        self, context: UiContext, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, changed, parent)
        self.stages = QLabel(self)
        self.stages.setObjectName("lifecycleStages")
        self.stages.setTextFormat(Qt.TextFormat.RichText)
        self.stages.setWordWrap(True)
        self.move_buttons: dict[str, QPushButton] = {}
        self._buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stages)
        layout.addLayout(self._buttons)
        layout.addStretch(1)

    def show_case(self, case: CaseDetail | None) -> None:
        self.case = case
        for button in self.move_buttons.values():
            self._buttons.removeWidget(button)
            button.deleteLater()
        self.move_buttons = {}
        if case is None:
            self.stages.clear()
            return
        parts = []
        for status in CaseStatus:
            if status.value == case.status:
                parts.append(
                    f"<b style='color:#ffffff;background:#1f5fa8'>&nbsp;{status.label}&nbsp;</b>"
                )
            else:
                parts.append(f"<span style='color:#666666'>{status.label}</span>")
        self.stages.setText("办理环节：" + " → ".join(parts))
        for target in case.allowed_statuses:
            text = MOVE_TEXT.get(CaseStatus(target), CaseStatus(target).label)
            button = QPushButton(text, self)
            button.setObjectName(f"move_{target}")
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            self._buttons.addWidget(button)
            self.move_buttons[target] = button
        if CaseStatus.notified.value in self.move_buttons:
            self._await_service(case.id, self.move_buttons[CaseStatus.notified.value])

    def _await_service(self, case_id: int, button: QPushButton) -> None:
        """告知公开 can be confirmed only once every unit and party is served (第十三条)."""
        missing = service_status(self._context.database, case_id).missing
        button.setEnabled(not missing)
        if missing:
            names = "、".join(r.label for r in missing)
            button.setToolTip(f"尚未送达：{names}。请在“告知与公开”中记录送达。")

    def move_to(self, target: str) -> bool:
        """Confirm, then change the status; a refused move shows the service's message."""
        if self.case is None:
            return False
        label = CaseStatus(target).label
        if not confirm(
            self, "变更办理状态", f"将案件 {self.case.number} 转入“{label}”？", ok_text="确定变更"
        ):
            return False
        try:
            change_status(self._context.database, self.case.id, target)
        except NanmuError as error:
            show_error(self, error)
            self._changed()  # the case moved on elsewhere: show where it stands now
            return False
        self._changed()
        return True
