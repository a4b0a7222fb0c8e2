"""待办 page: every open obligation across cases in 三色督办 colours, most urgent first.

Each row has one 下一步 button; the page emits `step_requested(Obligation)` and the main window
opens the page and tab where that step is done. `counts_changed` carries the red + yellow count
per navigation target ("due", "tracking", "documents", "petitions") for the badges. "Today"
comes from `today()` so tests can fix it (`set_today`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.due import DueItem, Level, Obligation, counts, days_text
from nanmu_desktop.files import write_atomically
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl

#: row colours of 三色督办 (light, so black text stays readable)
LEVEL_COLOURS: dict[Level, QColor] = {
    Level.red: QColor(255, 205, 205),
    Level.yellow: QColor(255, 240, 170),
    Level.blue: QColor(205, 225, 255),
    Level.later: QColor(255, 255, 255),
}
HEADERS = ("督办", "案件", "事项", "期限", "情况", "说明", "")
STEP_COLUMN = len(HEADERS) - 1
REMINDED_KEY = "due/reminded_on"


def badge_target(obligation: Obligation) -> str:
    """The navigation item an obligation is counted on besides 待办."""
    return obligation.step.split("/", 1)[0]


class DuePage(QWidget):
    step_requested = Signal(object)  # the Obligation whose step to open
    counts_changed = Signal(object)  # dict: navigation target → red + yellow count

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._today: date | None = None
        self.items: list[DueItem] = []
        self.badges: dict[str, int] = {}  # the counts last sent with counts_changed
        self.summary = QLabel(self)
        self.summary.setObjectName("dueSummary")
        self.show_later = QPushButton("显示全部(&A)", self)
        self.show_later.setCheckable(True)
        self.show_later.setToolTip("同时列出3日以后到期的事项")
        self.print_button = QPushButton("督办单(&P)…", self)
        self.print_button.setToolTip("把待办事项保存为可打印的督办单（PDF）")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("dueTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_later)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.show_later.toggled.connect(self.refresh)
        self.print_button.clicked.connect(self._print_clicked)
        context.signals.case_changed.connect(lambda _id: self.refresh())
        context.signals.documents_changed.connect(lambda _id: self.refresh())
        self.refresh()

    @property
    def settings(self) -> QSettings:
        return self._context.settings

    def today(self) -> date:
        return self._today or date.today()

    def set_today(self, day: date | None) -> None:
        """Fix "today" (tests, screenshots); None: the real date again."""
        self._today = day
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        today = self.today()
        everything = self._list_due(today)
        self.items = [
            i for i in everything if self.show_later.isChecked() or i.level is not Level.later
        ]
        tally = counts(everything)
        self.summary.setText(
            f"截至 {chinese_date(today)}：逾期 {tally[Level.red]} 项，"
            f"今日到期 {tally[Level.yellow]} 项，3日内到期 {tally[Level.blue]} 项"
        )
        self._fill()
        badges: dict[str, int] = {"due": tally[Level.red] + tally[Level.yellow]}
        for item in everything:
            if item.level.urgent:
                target = badge_target(item.obligation)
                badges[target] = badges.get(target, 0) + 1
        self.badges = badges
        self.counts_changed.emit(badges)

    def _list_due(self, today: date) -> list[DueItem]:
        context = self._context
        if not context.database_open and isinstance(context.location, Path):
            # The first page at start-up, before the database layer has loaded (~0.5 s): the
            # same queries read with plain sqlite3 (services/due_light.py).
            from nanmu_desktop.services.due_light import list_due_light

            items = list_due_light(context.location, today, include_later=True)
            if items is not None:
                return items
        from nanmu_desktop.services.due import list_due

        return list_due(context.database, today, include_later=True)

    def _fill(self) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            o = item.obligation
            values = (item.level.label, o.case_number or "—", o.what, o.due.isoformat(),
                      days_text(item.days), o.note)
            brush = QBrush(LEVEL_COLOURS[item.level])
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setBackground(brush)
                cell.setForeground(QBrush(QColor(0, 0, 0)))
                if column == 5:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            filler = QTableWidgetItem("")
            filler.setBackground(brush)
            self.table.setItem(row, STEP_COLUMN, filler)
            button = QPushButton("下一步", self.table)
            button.setObjectName(f"dueStep{row}")
            button.setToolTip(f"打开：{o.what}")
            button.clicked.connect(lambda _=False, ob=o: self.step_requested.emit(ob))
            self.table.setCellWidget(row, STEP_COLUMN, button)

    def step_button(self, row: int) -> QPushButton:
        widget = self.table.cellWidget(row, STEP_COLUMN)
        assert isinstance(widget, QPushButton)
        return widget

    def has_red(self) -> bool:
        return any(i.level is Level.red for i in self.items)

    # 督办单 -------------------------------------------------------------------------------

    def _print_clicked(self) -> None:
        today = self.today()
        suggested = str(Path.home() / f"督办单-{today.isoformat()}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, "保存督办单", suggested, "PDF 文件 (*.pdf)")
        if path:
            self.save_sheet(Path(path))

    def save_sheet(self, path: Path) -> None:
        """Build the 督办单 off the GUI thread and write it to `path`."""
        database, today = self._context.database, self.today()

        def work(control: TaskControl) -> Path:
            from nanmu_desktop.services.due import due_sheet

            pdf = due_sheet(database, today)
            control.raise_if_cancelled()
            write_atomically(path, pdf)
            return path

        def done(written: Path) -> None:
            self._context.signals.status_message.emit(f"督办单已保存：{written}")

        self._context.tasks.run(work, writes=False, title="正在生成督办单…", parent=self,
                                on_done=done)


def remind_if_overdue(page: DuePage, parent: QWidget) -> QMessageBox | None:
    """At start: once per day, a (non-blocking) reminder when anything is overdue."""
    settings = page.settings
    today = page.today().isoformat()
    if not parent.isVisible() or not page.has_red() or settings.value(REMINDED_KEY) == today:
        return None
    settings.setValue(REMINDED_KEY, today)
    red = sum(1 for i in page.items if i.level is Level.red)
    box = QMessageBox(QMessageBox.Icon.Warning, "督办提醒",
                      f"有 {red} 项待办事项已逾期，请在“待办”页面逐项点击“下一步”办理。",
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("dueReminder")
    box.button(QMessageBox.StandardButton.Ok).setText("知道了")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the window still quits
    box.setWindowModality(Qt.WindowModality.NonModal)  # the clerk may go straight to work
    box.show()
    return box
