"""案件 page: filter bar, the paged case table with its count, and the case form on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.ui.cases.filters import CaseFilterBar
from nanmu_desktop.ui.cases.list_model import CaseListModel
from nanmu_desktop.ui.common.context import UiContext

if TYPE_CHECKING:
    from nanmu_desktop.ui.cases.form import CaseFormDialog

_HEADER_KEY = "cases_page/header"


class CasesPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_form: CaseFormDialog | None = None
        self.filters = CaseFilterBar(context.database)
        self.model = CaseListModel(context.database, self)
        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self._restore_header(header)  # may bring back the last session's sort column
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable)
        self.table.setSortingEnabled(True)  # sorts the model by the indicator (no query yet)

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        new_button = QPushButton("新建案件(&N)")
        new_button.setObjectName("new_case_button")
        new_button.setToolTip("登记一件新的容错纠错案件（Ctrl+N）")
        new_button.clicked.connect(self.new_case)
        self.open_button = QPushButton("打开(&O)")
        self.open_button.setObjectName("open_case_button")
        self.open_button.clicked.connect(self.open_selected)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.model.total_changed.connect(self._show_count)
        self.model.modelReset.connect(self._update_buttons)
        self.filters.changed.connect(self._apply_filters)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        context.signals.case_changed.connect(self._case_changed)
        self.model.reload()

    # list ------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.model.set_query(self.filters.apply_to(self.model.query))

    def _show_count(self, total: int) -> None:
        if total == 0 and self.filters.is_clear():
            self.count_label.setText("还没有案件。按 Ctrl+N 登记第一件案件。")
        else:
            self.count_label.setText(f"共 {total} 件")

    def _keep_indicator_on_sortable(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns the service cannot sort by leave the indicator where the rows are sorted."""
        current = self.model.sort_column()
        if column != current and current >= 0:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _case_changed(self, case_id: int) -> None:
        self.model.reload()
        self.filters.reload_choices()
        self.select_case(case_id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_case_id() is not None)

    # page protocol (see main_window) ------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_case_id()
        self.filters.reload_choices()
        self.model.reload()
        if selected is not None:
            self.select_case(selected)

    def focus_search(self) -> None:
        self.filters.focus_search()

    def save_state(self) -> None:
        self.context.settings.setValue(_HEADER_KEY, self.table.horizontalHeader().saveState())

    def _restore_header(self, header: QHeaderView) -> None:
        state = self.context.settings.value(_HEADER_KEY)
        if not (isinstance(state, QByteArray) and header.restoreState(state)):
            widths = (110, 150, 170, 90, 100, 95, 95, 90)
            for column, width in enumerate(widths):
                header.resizeSection(column, width)

    def may_close(self) -> bool:
        """Asked before the window closes: an open form with changes asks 保存/放弃/取消."""
        return self.case_form is None or self.case_form.close()

    # the case form ---------------------------------------------------------------------

    def new_case(self) -> CaseFormDialog:
        return self._show_form(None)

    def open_case(self, case_id: int) -> CaseFormDialog:
        return self._show_form(case_id)

    def open_selected(self) -> CaseFormDialog | None:
        case_id = self.selected_case_id()
        return None if case_id is None else self._show_form(case_id)

    def _open_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._show_form(self.model.case_id(index.row()))

    def _show_form(self, case_id: int | None) -> CaseFormDialog:
        if self.case_form is not None:
            if self.case_form.case_id == case_id:
                self.case_form.raise_()
                self.case_form.activateWindow()
                return self.case_form
            if not self.case_form.close():
                return self.case_form
        from nanmu_desktop.ui.cases.form import CaseFormDialog  # not needed to show the list

        form = CaseFormDialog(self.context, case_id, self)
        form.finished.connect(lambda _result, f=form: self._form_closed(f))
        self.case_form = form
        form.open()
        return form

    def _form_closed(self, form: CaseFormDialog) -> None:
        if self.case_form is form:
            self.case_form = None
        form.deleteLater()
