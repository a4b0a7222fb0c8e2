"""The filter bar above the case list: free-text search (debounced) and one combo per filter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.vocabulary import CaseSource
from nanmu_desktop.services.case_list import CaseQuery
from nanmu_desktop.services.officers import list_departments, list_officers
from nanmu_desktop.storage.db import Database

SEARCH_DEBOUNCE_MS = 250
# QDateEdit cannot be empty: its minimum date shows as 不限 and means "no bound".
_NO_DATE = QDate(2000, 1, 1)


def _combo(name: str, any_text: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(any_text, None)
    for text, value in items:
        combo.addItem(text, value)
    # Long names (科室, 人员 with 执法证号) elide in the box and show whole in the popup,
    # so the bar fits a 1366-pixel screen at 125 % scaling.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    return combo


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("不限")
    edit.setDate(_NO_DATE)
    return edit


def _chosen(combo: QComboBox) -> tuple[str, ...]:
    value = combo.currentData()
    return () if value is None else (str(value),)


def _day(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == _NO_DATE else date(value.year(), value.month(), value.day())


class CaseFilterBar(QWidget):
    #: the filters changed (search text after a short pause)
    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(
            "查找：案件编号、人员姓名、案由或描述中的任意文字（Ctrl+F）"
        )
        self.search_edit.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self._search_now)

        self.status_combo = _combo(
            "status_combo", "全部状态", [(s.label, s.value) for s in CaseStatus]
        )
        self.outcome_combo = _combo(
            "outcome_combo", "全部认定结果", [(o.label, o.value) for o in Outcome]
        )
        self.source_combo = _combo(
            "source_combo", "全部来源", [(s.label, s.value) for s in CaseSource]
        )
        self.officer_combo = _combo("officer_combo", "全部人员", [])
        self.department_combo = _combo("department_combo", "全部科室", [])
        self.date_from_edit = _date_edit("date_from_edit")
        self.date_to_edit = _date_edit("date_to_edit")
        self.clear_button = QPushButton("清除筛选")
        self.clear_button.setObjectName("clear_filters_button")
        self.clear_button.clicked.connect(self.clear)
        self.reload_choices()

        for combo in self._combos():
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.dateChanged.connect(self.changed)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        date_label = QLabel("登记日期")
        date_label.setBuddy(self.date_from_edit)
        search_row.addSpacing(8)
        search_row.addWidget(date_label)
        search_row.addWidget(self.date_from_edit)
        search_row.addWidget(QLabel("至"))
        search_row.addWidget(self.date_to_edit)
        filters = QHBoxLayout()
        for widget in self._combos():
            filters.addWidget(widget, 1)
        filters.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.status_combo,
            self.outcome_combo,
            self.source_combo,
            self.officer_combo,
            self.department_combo,
        )

    def reload_choices(self) -> None:
        """Refill officers and departments (after one was added), keeping the selection."""
        for combo, items in (
            (self.officer_combo, [(o.display_name, o.id) for o in list_officers(self._database)]),
            (self.department_combo, [(d.name, d.id) for d in list_departments(self._database)]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _search_now(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear(self) -> None:
        """Back to every case; one `changed` at the end, not one per widget."""
        self.blockSignals(True)
        self.search_edit.clear()
        self._debounce.stop()
        for combo in self._combos():
            combo.setCurrentIndex(0)
        self.date_from_edit.setDate(_NO_DATE)
        self.date_to_edit.setDate(_NO_DATE)
        self.blockSignals(False)
        self.changed.emit()

    def is_clear(self) -> bool:
        """No filter set: the list shows every case."""
        return (
            not self.search_edit.text().strip()
            and all(combo.currentIndex() == 0 for combo in self._combos())
            and _day(self.date_from_edit) is None
            and _day(self.date_to_edit) is None
        )

    def apply_to(self, query: CaseQuery) -> CaseQuery:
        """`query` with this bar's filters (its sort and paging kept)."""
        return replace(
            query,
            text=self.search_edit.text().strip(),
            statuses=_chosen(self.status_combo),
            outcomes=_chosen(self.outcome_combo),
            source=self.source_combo.currentData(),
            officer_id=self.officer_combo.currentData(),
            department_id=self.department_combo.currentData(),
            date_from=_day(self.date_from_edit),
            date_to=_day(self.date_to_edit),
        )
