"""The case list as a Qt table model, loaded a page at a time from the case service.

Only the rows the view has scrolled to are fetched (canFetchMore/fetchMore), so a database
of 100,000 cases opens as fast as one of ten. Sorting and filtering re-query the service.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.case_types import CaseSummary
from nanmu_desktop.storage.db import Database

if TYPE_CHECKING:
    from nanmu_desktop.storage.case_search import SortKey

PAGE_SIZE = 200
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    attribute: str  # CaseSummary field shown
    sort_key: SortKey | None  # the service's sort name, None when the column cannot sort


COLUMNS: tuple[Column, ...] = (
    Column("案件编号", "number", "number"),
    Column("当事执法人员", "officers", None),
    Column("科室", "department", None),
    Column("来源", "source_label", None),
    Column("领域", "field_label", None),
    Column("发生日期", "occurred_on", "occurred_on"),
    Column("登记日期", "reported_on", "reported_on"),
    Column("状态", "status_label", "status"),
    Column("认定结果", "outcome_label", None),
)


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


class CaseListModel(QAbstractTableModel):
    #: the number of cases matching the current query, after every (re)load
    total_changed = Signal(int)

    def __init__(
        self, database: Database, parent: QObject | None = None, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._page_size = page_size
        self._query = CaseQuery(sort="reported_on", descending=True, limit=page_size)
        self._rows: list[CaseSummary] = []
        self._total = 0

    # loading ---------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: CaseQuery) -> None:
        """Replace filters/sort and reload from the first page."""
        self._query = replace(query, offset=0, limit=self._page_size)
        self.reload()

    def reload(self) -> None:
        page = list_cases(self._database, self._query)
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()
        self.total_changed.emit(self._total)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = list_cases(self._database, replace(self._query, offset=len(self._rows)))
        if not page.rows:  # the data shrank under us (another window deleted rows)
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    # lookups ---------------------------------------------------------------------------

    def case_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, case_id: int, fetch_pages: int = 5) -> int | None:
        """The row showing `case_id`, fetching up to `fetch_pages` more pages to find it."""
        for _ in range(fetch_pages + 1):
            for row, summary in enumerate(self._rows):
                if summary.id == case_id:
                    return row
            if not self.canFetchMore():
                return None
            self.fetchMore()
        return None

    # QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(getattr(summary, column.attribute))
        if role == CASE_ID_ROLE:
            return summary.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            column = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return "点击按此列排序" if column.sort_key else "此列不能排序"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the service's order; columns without a sort key keep the current order."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        """The column the current query is sorted by (for the header's indicator)."""
        for number, column in enumerate(COLUMNS):
            if column.sort_key == self._query.sort:
                return number
        return -1
