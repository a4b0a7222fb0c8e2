"""统计分析 (第十七条): citations that recur per field and overall, flagged over a threshold, as a
table and as charts (by item, field, department, month) with the selected row's cases in red.

The default threshold and period are the regulation version's (`statistics.risk_defaults`); a
易错风险警示提醒 is asked for with exactly the row, period and threshold shown, so its figures
are the page's."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.risk_breakdown import Breakdown
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.statistics import (
    RecurringCitation,
    RiskSelection,
    period_ending,
    recurring_citations,
    risk_charts,
    risk_defaults,
)
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl
from nanmu_desktop.ui.statistics.charts import RiskCharts
from nanmu_desktop.ui.statistics.summary import count_summary

_Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("适用条款", "执法领域", "案件数", "涉及案件")
# The first period is the version's own (risk_period_days), filled in when the page is built.
_OTHER_PERIODS: tuple[tuple[str, int | None], ...] = (
    ("近一年", 365), ("全部", None), ("自定义", -1)
)
_ALL_START = date(1900, 1, 1)  # 全部: no lower bound
_FLAG_BRUSH = QBrush(QColor("#fdecea"))


class RecurringModel(QAbstractTableModel):
    """The rows of `recurring_citations`, flagged ones tinted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecurringCitation] = []

    def set_rows(self, rows: list[RecurringCitation]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> RecurringCitation:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section] if 0 <= section < len(_HEADERS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cases = "、".join(item.case_numbers)
            values = (item.citation, item.field_label, str(item.count), cases)
            return values[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and item.flagged:
            return _FLAG_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and item.flagged:
            return "达到提醒阈值，建议警示提醒"
        return None


def pattern_note(item: RecurringCitation, period: str) -> str:
    where = f"{item.field_label}领域" if item.field else "各领域合计"
    advice = "达到提醒阈值，建议警示提醒。" if item.flagged else "未达提醒阈值。"
    return f"{where}{period}有{item.count}件案件适用{item.citation}，{advice}"


class StatisticsPage(QWidget):
    document_requested = Signal(object)  # a DocumentTarget for the 文书 page

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._generation = 0  # results of an older query are dropped when a newer one is out
        self._shown_query: tuple[date, date, int] | None = None  # of the rows on show
        defaults = risk_defaults(context.database)
        self._periods = ((f"近{defaults.period_days}日", defaults.period_days), *_OTHER_PERIODS)
        self.period = QComboBox()
        for label, _days in self._periods:
            self.period.addItem(label)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(1 - defaults.period_days))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.threshold = QSpinBox()
        self.threshold.setRange(2, 99)
        self.threshold.setValue(defaults.min_count)
        self.threshold.setSuffix(" 件")
        self.model = RecurringModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.charts = RiskCharts()
        self.views = QTabWidget()
        self.views.addTab(self.table, "明细表(&T)")
        self.views.addTab(self.charts, "图表(&H)")
        self.summary = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.warn_button = QPushButton("生成易错风险警示提醒…")
        self.warn_button.setEnabled(False)
        bar = QHBoxLayout()
        for widget in (QLabel("统计期间"), self.period, self.date_from, QLabel("至"), self.date_to,
                       QLabel("提醒阈值"), self.threshold):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.warn_button, 0, Qt.AlignmentFlag.AlignRight)
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.threshold.valueChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.warn_button.clicked.connect(self._request_warning)
        self.refresh()

    def _range(self) -> tuple[date, date]:
        days = self._periods[self.period.currentIndex()][1]
        today = date.today()
        if days is None:
            return _ALL_START, today
        if days < 0:
            return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]
        return period_ending(today, days)

    def _period_changed(self) -> None:
        custom = self._periods[self.period.currentIndex()][1] == -1
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.refresh()

    def refresh(self) -> None:
        database = self._context.database
        start, end = self._range()
        min_count = self.threshold.value()
        self._generation += 1
        generation = self._generation

        def work(control: TaskControl) -> tuple[list[RecurringCitation], str, Breakdown]:
            rows = recurring_citations(database, start, end, min_count=min_count)
            return rows, count_summary(database, start, end), risk_charts(database, start, end)

        def failed(error: NanmuError) -> None:
            self._shown_query = None
            self.model.set_rows([])
            self.note.setText(error.message)

        def done(result: tuple[list[RecurringCitation], str, Breakdown]) -> None:
            if generation == self._generation:
                self._shown_query = (start, end, min_count)
                self.summary.setText(result[1])
                self.charts.show_breakdown(result[2], None)
                self._show(result[0])

        self._context.tasks.run(work, writes=False, on_done=done, on_error=failed, owner=self)

    def _show(self, rows: list[RecurringCitation]) -> None:
        self.model.set_rows(rows)
        flagged = [r for r in rows if r.flagged and r.field is not None]
        period = self.period.currentText()
        if period == "自定义":
            period = "所选期间"
        if flagged:
            self.note.setText("\n".join(pattern_note(r, period) for r in flagged))
        else:
            empty = "所选期间没有认定记录。"
            self.note.setText("所选期间没有达到提醒阈值的易错条款。" if rows else empty)
        self._row_changed(self.table.currentIndex())

    def _row_changed(self, current: QModelIndex) -> None:
        ok = current.isValid() and self.model.row_at(current.row()).flagged
        self.warn_button.setEnabled(bool(ok))
        self._mark_selection()

    def _selection(self) -> tuple[RecurringCitation, RiskSelection] | None:
        """The row on show as a selection of exactly the shown period and threshold."""
        current = self.table.currentIndex()
        if not current.isValid() or self._shown_query is None:
            return None
        item = self.model.row_at(current.row())
        start, end, min_count = self._shown_query
        if start == _ALL_START:
            start = item.first_day  # 全部: the period starts at the pattern's first case
        return item, RiskSelection(item.citation, item.field, start, end, min_count)

    def _mark_selection(self) -> None:
        """Redraw the charts of the shown period with the selected row's cases marked."""
        chosen = self._selection()
        if chosen is None or self._shown_query is None:
            return
        item, selection = chosen
        start, end, _ = self._shown_query
        database = self._context.database
        generation = self._generation
        label = f"{item.citation} · {item.field_label}（{item.count} 件）"

        def work(control: TaskControl) -> Breakdown:
            return risk_charts(database, start, end, selection)

        def done(data: Breakdown) -> None:
            if generation == self._generation:
                self.charts.show_breakdown(data, label)

        self._context.tasks.run(work, writes=False, on_done=done, owner=self)

    def _request_warning(self) -> None:
        chosen = self._selection()
        if chosen is None:
            return
        item, selection = chosen
        # Exactly the row on show, so the memo's figures are the page's; filed with its latest case.
        target = DocumentTarget(
            DocumentKind.risk_warning, case_id=item.case_ids[-1], risk=selection
        )
        self.document_requested.emit(target)
