"""送达 on the 告知与公开 tab (第十三条): the required recipients with their status, and the
记录送达 dialog (to whom, how, when, by whom, with the 送达回证 file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.service_of_notice import DELIVERY_METHODS, RecipientRole
from nanmu_desktop.errors import Problem, ValidationError
from nanmu_desktop.services.deliveries import RecipientStatus, ServiceStatus
from nanmu_desktop.services.notices import NotificationInput, Receipt
from nanmu_desktop.ui.tracking.dialogs import EntryDialog, Submit, _date_edit, _day, _methods

MISSING = QBrush(QColor("#b00020"))
DONE = QBrush(QColor("#1b5e20"))
HEADERS = ("对象类别", "名称", "状态", "送达日期", "送达方式")


def _cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""


class RecipientsView(QWidget):
    """应送达对象: one row per required recipient, red until a delivery reaches it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipients: tuple[RecipientStatus, ...] = ()
        self.summary = QLabel(self)
        self.summary.setObjectName("serviceSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("recipientTable")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_status(self, status: ServiceStatus | None) -> None:
        self.recipients = status.recipients if status is not None else ()
        self.table.setRowCount(len(self.recipients))
        for row, recipient in enumerate(self.recipients):
            cells = (
                recipient.role_label,
                recipient.name or "（未登记单位名称）",
                "已送达" if recipient.delivered else "未送达",
                _cn(recipient.delivered_on),
                recipient.method,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setForeground(DONE if recipient.delivered else MISSING)
                self.table.setItem(row, column, item)
        rows = max(len(self.recipients), 1)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.summary.setText(self._summary(status))

    @staticmethod
    def _summary(status: ServiceStatus | None) -> str:
        if status is None or not status.decided:
            return "党委尚未作出决定，无需送达。"
        done = sum(r.delivered for r in status.recipients)
        head = f"应送达 {len(status.recipients)} 个对象，已送达 {done} 个"
        if status.complete:
            return head + "，告知已完成，可以确认已告知公开。"
        return head + "；尚未送达：" + "、".join(r.label for r in status.missing)

    def selected(self) -> RecipientStatus | None:
        row = self.table.currentRow()
        return self.recipients[row] if 0 <= row < len(self.recipients) else None


class DeliveryDialog(EntryDialog):
    """记录送达 (第十三条): one recipient, the method, the day, who delivered it, the 送达回证."""

    def __init__(
        self,
        submit: Submit,
        recipients: tuple[RecipientStatus, ...],
        chosen: RecipientStatus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("记录送达", submit, parent)
        self.pick_box = QComboBox(self)
        self.pick_box.setObjectName("recipientPick")
        for recipient in recipients:
            mark = "（已送达）" if recipient.delivered else ""
            self.pick_box.addItem(recipient.label + mark, recipient)
        self.pick_box.addItem("其他对象（手动填写）", None)
        self.role_box = QComboBox(self)
        for role in RecipientRole:
            self.role_box.addItem(role.label, role.value)
        self.recipient_edit = QLineEdit(self)
        self.recipient_edit.setPlaceholderText("单位或当事人姓名")
        self.method_box = _methods(self, DELIVERY_METHODS)
        self.date_edit = _date_edit(self)
        self.by_edit = QLineEdit(self)
        self.by_edit.setPlaceholderText("送达人姓名")
        self.receipt_edit = QLineEdit(self)
        self.receipt_edit.setReadOnly(True)
        self.receipt_edit.setPlaceholderText("扫描件或照片（可选）")
        self.receipt_button = QPushButton("选择(&B)…", self)
        self.receipt_button.clicked.connect(self._choose_receipt)
        receipt_row = QHBoxLayout()
        receipt_row.addWidget(self.receipt_edit, 1)
        receipt_row.addWidget(self.receipt_button)
        self.notes_edit = QLineEdit(self)
        self.form.addRow("应送达对象(&T)：", self.pick_box)
        self.form.addRow("对象类别(&K)：", self.role_box)
        self.form.addRow("送达对象(&R)：", self.recipient_edit)
        self.form.addRow("送达方式(&M)：", self.method_box)
        self.form.addRow("送达日期(&A)：", self.date_edit)
        self.form.addRow("送达人(&Y)：", self.by_edit)
        self.form.addRow("送达回证(&C)：", receipt_row)
        self.form.addRow("备注(&O)：", self.notes_edit)
        self.pick_box.currentIndexChanged.connect(self._picked)
        pending = [i for i, r in enumerate(recipients) if not r.delivered]
        index = (
            recipients.index(chosen)
            if chosen in recipients
            else (pending[0] if pending else len(recipients))
        )
        self.pick_box.setCurrentIndex(index)
        self._picked()

    def _picked(self) -> None:
        recipient = self.pick_box.currentData()
        if isinstance(recipient, RecipientStatus):
            self.role_box.setCurrentIndex(self.role_box.findData(recipient.role))
            self.recipient_edit.setText(recipient.name)
        else:
            self.role_box.setCurrentIndex(self.role_box.findData(RecipientRole.other.value))
            self.recipient_edit.clear()

    def _choose_receipt(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            "选择送达回证",
            "",
            "扫描件或照片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)",
        )
        if name:
            self.receipt_edit.setText(name)

    def build_input(self) -> NotificationInput:
        recipient = self.recipient_edit.text().strip()
        if not recipient:
            raise ValidationError((Problem("送达对象", "不能为空"),))
        receipt = None
        if path_text := self.receipt_edit.text().strip():
            path = Path(path_text)
            try:
                receipt = Receipt(path.name, path.read_bytes())
            except OSError as err:
                raise ValidationError(
                    (Problem("送达回证", f"无法读取文件“{path}”：{err.strerror or err}"),)
                ) from err
        return NotificationInput(
            recipient=recipient,
            done_on=_day(self.date_edit),
            method=self.method_box.currentText().strip(),
            notes=self.notes_edit.text().strip(),
            role=str(self.role_box.currentData()),
            delivered_by=self.by_edit.text().strip(),
            receipt=receipt,
        )
