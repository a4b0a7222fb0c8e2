"""Two tabs of the 办理跟踪 page: 告知与公开 and 纠错整改 (办理状态 is in tracking_status).

Each panel shows one case (`show(case)`), writes through the services with a small dialog
and calls `changed()` after a write so the page can refresh and tell the other pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.deliveries import ServiceStatus, service_status
from nanmu_desktop.services.determinations import current_determination
from nanmu_desktop.services.notices import list_notices, record_notification, record_publication
from nanmu_desktop.services.rectification import (
    FollowUpInput,
    OrderInfo,
    OrderInput,
    issue_order,
    list_orders,
    record_follow_up,
    reply_extension,
    request_extension,
)
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.tracking.deliveries import DeliveryDialog, RecipientsView
from nanmu_desktop.ui.tracking.dialogs import (
    EntryDialog,
    ExtensionDialog,
    FollowUpDialog,
    OrderDialog,
    PublicationDialog,
    ReplyDialog,
)

Entry = TypeVar("Entry", bound=EntryDialog)
LATE = QBrush(QColor("#b00020"))
ID_ROLE = Qt.ItemDataRole.UserRole


def _cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""


def _table(parent: QWidget, headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill_row(table: QTableWidget, row: int, values: list[str], *, late: bool = False) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if late:
            item.setForeground(LATE)
        table.setItem(row, column, item)


class CasePanel(QWidget):
    """Shared plumbing: the context, the case shown and the after-write callback."""

    def __init__(
        self, context: UiContext, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._changed = changed
        self.case: CaseDetail | None = None

    def open_entry(self, dialog: Entry) -> Entry:
        """Show the dialog window-modal without blocking; refresh once it is accepted."""
        dialog.accepted.connect(self._changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


class NoticesPanel(CasePanel):
    """告知与公开 (第十三条): the 7-day deadline, the recipients to serve and what is recorded."""

    def __init__(
        self, context: UiContext, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, changed, parent)
        self.service = ServiceStatus(0, False, None, ())
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("noticeDeadline")
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.recipients = RecipientsView(self)
        self.table = _table(
            self,
            ("类别", "对象或范围", "日期", "方式", "送达人", "送达回证", "公示期", "期限", "备注"),
            "noticeTable",
        )
        self.notify_button = QPushButton("记录送达(&N)…", self)
        self.publish_button = QPushButton("记录公开(&P)…", self)
        self.notify_button.clicked.connect(self.open_notification)
        self.publish_button.clicked.connect(self.open_publication)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notify_button)
        buttons.addWidget(self.publish_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.recipients)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.recipients.table.itemActivated.connect(lambda _item: self.open_notification())

    def show_case(self, case: CaseDetail | None) -> None:
        self.case = case
        self.notify_button.setEnabled(case is not None)
        self.publish_button.setEnabled(case is not None)
        self.table.setRowCount(0)
        if case is None:
            self.deadline_label.clear()
            self.service = ServiceStatus(0, False, None, ())
            self.recipients.show_status(None)
            return
        database = self._context.database
        self.service = service_status(database, case.id)
        self.recipients.show_status(self.service)
        info = current_determination(database, case.id)
        deadline = info.notification_deadline if info is not None else None
        notices = list_notices(database, case.id)
        self.deadline_label.setText(
            self._deadline_text(
                deadline, info.day_counting_label if info is not None else None,
                self.service.complete,
            )
        )
        self.table.setRowCount(len(notices))
        for row, notice in enumerate(notices):
            late = notice.late
            days = f"{notice.publication_days} 天" if notice.publication_days else ""
            values = [
                notice.kind_label + ("（逾期）" if late else ""),
                notice.recipient or notice.scope,
                _cn(notice.done_on),
                notice.method,
                notice.delivered_by,
                notice.receipt_file_name,
                days,
                _cn(notice.deadline),
                notice.notes,
            ]
            _fill_row(self.table, row, values, late=late)

    @staticmethod
    def _deadline_text(deadline: date | None, counting: str | None, done: bool) -> str:
        if deadline is None:
            return "党委尚未作出决定，告知期限未起算。"
        head = f"告知公开期限（第十三条，决定后7日内）：{_cn(deadline)}（{counting or ''}）"
        if done:
            return head + "　已送达全部对象"
        left = (deadline - date.today()).days
        if left == 0:
            return head + "　今日到期"
        return head + (f"　剩余 {left} 天" if left > 0 else f"　已逾期 {-left} 天")

    def open_notification(self) -> DeliveryDialog | None:
        """记录送达, for the recipient chosen in the table (else the first not yet served)."""
        if self.case is None:
            return None
        case_id = self.case.id
        return self.open_entry(
            DeliveryDialog(
                lambda data: record_notification(self._context.database, case_id, data),
                self.service.recipients,
                self.recipients.selected(),
                self,
            )
        )

    def open_publication(self) -> PublicationDialog | None:
        if self.case is None:
            return None
        case_id = self.case.id
        return self.open_entry(
            PublicationDialog(
                lambda data: record_publication(self._context.database, case_id, data), self
            )
        )


class OrdersPanel(CasePanel):
    """纠错整改 (第十五、十六条): orders, their extensions and follow-ups."""

    def __init__(
        self, context: UiContext, changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(context, changed, parent)
        self.orders: list[OrderInfo] = []
        self._focus_id: int | None = None
        self.table = _table(
            self, ("纠错事由", "纠错事项", "下达日期", "整改期限", "状态"), "orderTable"
        )
        self.detail = QLabel(self)
        self.detail.setObjectName("orderDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.order_button = QPushButton("新建整改通知(&O)…", self)
        self.extension_button = QPushButton("申请延期(&E)…", self)
        self.reply_button = QPushButton("批复(&R)…", self)
        self.follow_up_button = QPushButton("记录回访(&F)…", self)
        self.order_button.clicked.connect(self.open_order)
        self.extension_button.clicked.connect(self.open_extension)
        self.reply_button.clicked.connect(self.open_reply)
        self.follow_up_button.clicked.connect(self.open_follow_up)
        self.table.itemSelectionChanged.connect(self._order_chosen)
        buttons = QHBoxLayout()
        for button in (
            self.order_button,
            self.extension_button,
            self.reply_button,
            self.follow_up_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 1)

    def show_case(self, case: CaseDetail | None) -> None:
        current = self.current_order()
        keep = self._focus_id if self._focus_id is not None else (current and current.id)
        self._focus_id = None
        self.case = case
        self.orders = list_orders(self._context.database, case.id) if case is not None else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.orders))
        for row, order in enumerate(self.orders):
            values = [
                order.reasons,
                "；".join(order.items),
                _cn(order.ordered_on),
                _cn(order.deadline),
                order.status_label,
            ]
            _fill_row(self.table, row, values, late=order.status == "overdue")
        self.table.blockSignals(False)
        rows = [i for i, o in enumerate(self.orders) if o.id == keep]
        self.table.selectRow(rows[0] if rows else len(self.orders) - 1)
        self.order_button.setEnabled(case is not None)
        self._order_chosen()

    def current_order(self) -> OrderInfo | None:
        row = self.table.currentRow()
        return self.orders[row] if 0 <= row < len(self.orders) else None

    def _pending_extension_id(self) -> int | None:
        order = self.current_order()
        pending = [e.id for e in order.extensions if e.replied_on is None] if order else []
        return pending[-1] if pending else None

    def _order_chosen(self) -> None:
        order = self.current_order()
        self.extension_button.setEnabled(order is not None and order.completed_on is None)
        self.reply_button.setEnabled(self._pending_extension_id() is not None)
        self.follow_up_button.setEnabled(self.case is not None)
        self.detail.setText(self._detail_text(order) if order is not None else "尚无整改通知。")

    @staticmethod
    def _detail_text(order: OrderInfo) -> str:
        lines = [f"纠错事项（{len(order.items)} 项）："]
        lines += [f"　{i}. {item}" for i, item in enumerate(order.items, 1)]
        lines.append(f"整改要求：{order.requirements}")
        lines.append(f"整改期限：{_cn(order.deadline)}　状态：{order.status_label}")
        for ext in order.extensions:
            to = f"，延至{_cn(ext.new_deadline)}" if ext.new_deadline else ""
            reply = f"；批复：{ext.reply}" if ext.reply else ""
            lines.append(
                f"延期申请 {_cn(ext.requested_on)}（{ext.requested_days or ''} 天）："
                f"{ext.reason}〔{ext.status_label}{to}〕{reply}"
            )
        for visit in order.follow_ups:
            mark = "　已核实销号" if visit.verified else ""
            lines.append(f"回访 {_cn(visit.followed_on)}（{visit.method}）：{visit.findings}{mark}")
        return "\n".join(lines)

    def open_order(self) -> OrderDialog | None:
        if self.case is None:
            return None
        case_id = self.case.id

        def submit(data: OrderInput) -> object:
            issued = issue_order(self._context.database, case_id, data)
            self._focus_id = issued.id  # the new order is the one the clerk works on next
            return issued

        return self.open_entry(OrderDialog(submit, self))

    def open_extension(self) -> ExtensionDialog | None:
        order = self.current_order()
        if order is None:
            return None
        return self.open_entry(
            ExtensionDialog(
                lambda data: request_extension(self._context.database, order.id, data), self
            )
        )

    def open_reply(self) -> ReplyDialog | None:
        extension_id = self._pending_extension_id()
        if extension_id is None:
            return None

        def submit(answer: tuple[bool, str, date]) -> object:
            approved, reply, day = answer
            return reply_extension(
                self._context.database, extension_id, approved=approved, reply=reply, replied_on=day
            )

        return self.open_entry(ReplyDialog(submit, self))

    def open_follow_up(self) -> FollowUpDialog | None:
        if self.case is None:
            return None
        case_id = self.case.id
        order = self.current_order()

        def submit(data: FollowUpInput) -> object:
            linked = replace(data, order_id=order.id if order is not None else None)
            return record_follow_up(self._context.database, case_id, linked)

        return self.open_entry(FollowUpDialog(submit, self))
