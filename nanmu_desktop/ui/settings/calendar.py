"""设置 › 节假日与调休: the year's holidays and 调休 workdays with their source (数据包 / 手工),
entries made and removed by hand, CSV import, and which years are covered.

Each change is its own service call (audited) and acts at once, like the font choice; the
table is read again afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from nanmu_desktop.domain.work_calendar import DayKind, DaySource, YearCoverage, uncovered_warning
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services import work_calendar
from nanmu_desktop.services.work_calendar import CalendarDayView
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.forms.ui_settings_calendar import Ui_CalendarForm

WEEKDAYS = "一二三四五六日"


def year_ranges(years: Iterable[int]) -> str:
    """2004, 2005, 2006, 2031 → "2004–2006年、2031年"."""
    spans: list[list[int]] = []
    for year in sorted(years):
        if spans and year == spans[-1][1] + 1:
            spans[-1][1] = year
        else:
            spans.append([year, year])
    return "、".join(f"{a}–{b}年" if a != b else f"{a}年" for a, b in spans)


def coverage_text(years: list[YearCoverage]) -> str:
    package = [y.year for y in years if y.in_package]
    manual = [y.year for y in years if y.covered and not y.in_package]
    missing = [y.year for y in years if not y.covered]
    parts = []
    if package:
        parts.append(f"数据包：{year_ranges(package)}")
    if manual:
        parts.append(f"手工录入：{year_ranges(manual)}")
    last = max((y.year for y in years if y.covered), default=None)
    gaps = f"{year_ranges(missing)}及" if missing else ""
    after = f"；未覆盖：{gaps}{last + 1}年以后" if last is not None else ""
    return "已覆盖的年份——" + "；".join(parts) + after + "。"


class CalendarSection(QWidget):
    """The holiday / 调休 table of one year; `changed` fires after each write."""

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._days: list[CalendarDayView] = []
        self.ui = Ui_CalendarForm()
        self.ui.setupUi(self)
        for kind in DayKind:
            self.ui.kindCombo.addItem(kind.label, kind.value)
        today = date.today()
        self.ui.yearSpin.setValue(today.year)
        self.ui.dayEdit.setDate(QDate(today.year, today.month, today.day))
        header = self.ui.dayTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.yearSpin.valueChanged.connect(self.refresh)
        self.ui.addButton.clicked.connect(self.add_entry)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        self.ui.importButton.clicked.connect(self._choose_csv)
        self.ui.dayTable.itemSelectionChanged.connect(self._selection_changed)
        self.ui.nameEdit.textChanged.connect(lambda _text: self.ui.entryError.clear())
        self.refresh()

    @property
    def year(self) -> int:
        return self.ui.yearSpin.value()

    def shown_days(self) -> list[CalendarDayView]:
        return list(self._days)

    @Slot()
    def refresh(self) -> None:
        self._days = work_calendar.list_days(self._database, self.year)
        table = self.ui.dayTable
        table.setRowCount(len(self._days))
        for row, day in enumerate(self._days):
            cells = (day.day.isoformat(), "星期" + WEEKDAYS[day.day.weekday()], day.kind_label,
                     day.name, day.source_label, day.replaces)
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        years = work_calendar.year_coverage(self._database)
        self.ui.yearsLabel.setText(coverage_text(years))
        mine = next((y for y in years if y.year == self.year), None)
        self.ui.coverageLabel.setText(mine.label if mine else "未录入")
        if mine is None or not mine.covered:
            self.ui.coverageWarning.setText(uncovered_warning(self.year) + "。")
            self.ui.coverageWarning.show()
        else:
            self.ui.coverageWarning.hide()
        self._selection_changed()

    def _selected(self) -> CalendarDayView | None:
        rows = {index.row() for index in self.ui.dayTable.selectionModel().selectedRows()}
        return self._days[min(rows)] if rows else None

    @Slot()
    def _selection_changed(self) -> None:
        chosen = self._selected()
        self.ui.removeButton.setEnabled(chosen is not None and chosen.source is DaySource.manual)

    def select_day(self, day: date) -> None:
        for row, shown in enumerate(self._days):
            if shown.day == day:
                self.ui.dayTable.selectRow(row)
                return

    @Slot()
    def add_entry(self) -> None:
        chosen = self.ui.dayEdit.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        kind = str(self.ui.kindCombo.currentData())
        try:
            work_calendar.set_day(self._database, day, kind, self.ui.nameEdit.text())
        except NanmuError as error:
            self.ui.entryError.setText(error.message)
            return
        self.ui.entryError.clear()
        self.ui.nameEdit.clear()
        self._after_write(day.year)
        self.select_day(day)

    @Slot()
    def remove_selected(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.source is not DaySource.manual:
            return
        try:
            work_calendar.unset_day(self._database, chosen.day)
        except NanmuError as error:
            dialogs.show_error(self, error, "无法删除")
            return
        self._after_write(chosen.day.year)

    @Slot()
    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择节假日 CSV 文件", "", "CSV 文件 (*.csv)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int:
        """Import every row of `path` or none; a refusal names the rows. Returns the count."""
        try:
            rows = work_calendar.read_csv_file(path)
            count = work_calendar.import_rows(self._database, rows)
        except (NanmuError, OSError) as error:
            message = error if isinstance(error, NanmuError) else f"无法读取文件：{path}"
            dialogs.show_error(self, message, "无法导入")
            return 0
        self._after_write(rows[0].day.year)
        dialogs.show_info(self, "导入完成", f"已导入 {count} 日。")
        return count

    def _after_write(self, year: int) -> None:
        if year != self.year:
            self.ui.yearSpin.setValue(year)  # refreshes through valueChanged
        else:
            self.refresh()
        self.changed.emit()
