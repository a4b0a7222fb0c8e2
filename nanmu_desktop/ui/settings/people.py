"""设置 › 科室与人员: departments and officers — add, rename, retire, merge duplicates; officers
with 执法证号 and its validity; Excel template, import (per-row report) and export.

Names are sorted with QCollator (zh_CN, pinyin), the same order the exports and the CLI use.
A retired one stays on its cases and leaves the pickers. Every change is one audited service call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCollator, QDate, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services import people, people_excel
from nanmu_desktop.services.officers import (
    DepartmentInfo,
    OfficerInfo,
    OfficerInput,
    add_officer,
    update_officer,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common import dialogs

OFFICER_HEADERS = ("姓名", "科室", "职务", "执法证号", "有效期至", "状态")
RETIRED = QColor("#888888")


def chinese_collator() -> QCollator:
    return QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


T = TypeVar("T", DepartmentInfo, OfficerInfo)


def sort_by_name(rows: list[T]) -> list[T]:
    collator = chinese_collator()
    by_name = functools.cmp_to_key(collator.compare)
    return sorted(rows, key=lambda row: by_name(row.name))


def _item(text: str, active: bool) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not active:
        item.setForeground(RETIRED)
    return item


def _table(parent: QWidget, headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class PeopleSection(QWidget):
    changed = Signal()  # departments or officers changed: pickers elsewhere refill

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.departments: list[DepartmentInfo] = []
        self.officers: list[OfficerInfo] = []
        self._filling = False

        dept_box = QGroupBox("科室", self)
        self.department_table = _table(dept_box, ("名称（双击改名）", "状态"), "departmentTable")
        self.department_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.department_table.itemChanged.connect(self._department_renamed)
        self.new_department_edit = QLineEdit(dept_box)
        self.new_department_edit.setPlaceholderText("新科室名称")
        self.add_department_button = QPushButton("新增科室(&A)", dept_box)
        self.retire_department_button = QPushButton("停用 / 恢复", dept_box)
        self.merge_department_button = QPushButton("合并重复…", dept_box)
        self.add_department_button.clicked.connect(self._add_department)
        self.retire_department_button.clicked.connect(self._toggle_department)
        self.merge_department_button.clicked.connect(self._merge_department)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_department_edit, 1)
        add_row.addWidget(self.add_department_button)
        dept_buttons = QHBoxLayout()
        dept_buttons.addWidget(self.retire_department_button)
        dept_buttons.addWidget(self.merge_department_button)
        dept_layout = QVBoxLayout(dept_box)
        dept_layout.addWidget(self.department_table, 1)
        dept_layout.addLayout(add_row)
        dept_layout.addLayout(dept_buttons)

        officer_box = QGroupBox("执法人员", self)
        self.officer_table = _table(officer_box, OFFICER_HEADERS, "officerTable")
        self.officer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.officer_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.officer_table.currentCellChanged.connect(lambda row, *_: self._load_officer(row))
        self.name_edit = QLineEdit(officer_box)
        self.department_combo = QComboBox(officer_box)
        self.post_edit = QLineEdit(officer_box)
        self.badge_edit = QLineEdit(officer_box)
        self.badge_edit.setPlaceholderText("如 15-0783-00112")
        self.valid_check = QCheckBox("有效期至", officer_box)
        self.valid_edit = QDateEdit(officer_box)
        self.valid_edit.setDisplayFormat("yyyy-MM-dd")
        self.valid_edit.setCalendarPopup(True)
        self.valid_edit.setDate(QDate.currentDate().addYears(1))
        self.valid_check.toggled.connect(self.valid_edit.setEnabled)
        self.valid_edit.setEnabled(False)
        valid_row = QHBoxLayout()
        valid_row.addWidget(self.valid_check)
        valid_row.addWidget(self.valid_edit, 1)
        form = QFormLayout()
        form.addRow("姓名：", self.name_edit)
        form.addRow("科室：", self.department_combo)
        form.addRow("职务：", self.post_edit)
        form.addRow("执法证号：", self.badge_edit)
        form.addRow("执法证：", valid_row)
        self.add_officer_button = QPushButton("新增人员", officer_box)
        self.save_officer_button = QPushButton("保存修改", officer_box)
        self.retire_officer_button = QPushButton("停用 / 恢复", officer_box)
        self.merge_officer_button = QPushButton("合并重复…", officer_box)
        self.add_officer_button.clicked.connect(self._add_officer)
        self.save_officer_button.clicked.connect(self._save_officer)
        self.retire_officer_button.clicked.connect(self._toggle_officer)
        self.merge_officer_button.clicked.connect(self._merge_officer)
        officer_buttons = QHBoxLayout()
        for button in (self.add_officer_button, self.save_officer_button,
                       self.retire_officer_button, self.merge_officer_button):
            officer_buttons.addWidget(button)
        officer_layout = QVBoxLayout(officer_box)
        officer_layout.addWidget(self.officer_table, 1)
        officer_layout.addLayout(form)
        officer_layout.addLayout(officer_buttons)

        self.template_button = QPushButton("下载导入模板…", self)
        self.import_button = QPushButton("从 Excel 导入…", self)
        self.export_button = QPushButton("导出到 Excel…", self)
        self.template_button.clicked.connect(lambda: self._save_as("导入模板", self.save_template))
        self.export_button.clicked.connect(lambda: self._save_as("科室与人员", self.export_to))
        self.import_button.clicked.connect(self._choose_import)
        excel = QHBoxLayout()
        excel.addWidget(self.template_button)
        excel.addWidget(self.import_button)
        excel.addWidget(self.export_button)
        excel.addStretch(1)

        columns = QHBoxLayout()
        columns.addWidget(dept_box, 2)
        columns.addWidget(officer_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(excel)
        self.refresh()

    # ---- filling ----------------------------------------------------------------------

    def refresh(self) -> None:
        self._filling = True
        self.departments = sort_by_name(people.sorted_departments(self._database))
        table = self.department_table
        table.setRowCount(len(self.departments))
        for row, d in enumerate(self.departments):
            table.setItem(row, 0, _item(d.name, d.active))
            state = _item("在用" if d.active else "停用", d.active)
            state.setFlags(state.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 1, state)
        self.department_combo.clear()
        self.department_combo.addItem("（未定）", None)
        for d in self.departments:
            if d.active:
                self.department_combo.addItem(d.name, d.id)
        self.officers = sort_by_name(people.sorted_officers(self._database))
        self.officer_table.setRowCount(len(self.officers))
        today = date.today()
        for row, o in enumerate(self.officers):
            valid = o.badge_valid_until.isoformat() if o.badge_valid_until else ""
            if o.badge_expired(today):
                valid += "（已过期）"
            cells = (o.name, o.department_name, o.post, o.badge_number or "", valid,
                     "在用" if o.active else "停用")
            for column, text in enumerate(cells):
                self.officer_table.setItem(row, column, _item(text, o.active))
        self._filling = False

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _run(self, action: Callable[[], object], title: str) -> bool:
        try:
            action()
        except NanmuError as error:
            dialogs.show_error(self, error, title)
            self.refresh()
            return False
        self._changed()
        return True

    def _current_department(self) -> DepartmentInfo | None:
        row = self.department_table.currentRow()
        return self.departments[row] if 0 <= row < len(self.departments) else None

    def _current_officer(self) -> OfficerInfo | None:
        row = self.officer_table.currentRow()
        return self.officers[row] if 0 <= row < len(self.officers) else None

    # ---- departments ------------------------------------------------------------------

    @Slot()
    def _add_department(self) -> None:
        name = self.new_department_edit.text()
        if self._run(functools.partial(people.add_department, self._database, name), "无法新增"):
            self.new_department_edit.clear()

    def _department_renamed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        department = self.departments[item.row()]
        if item.text().strip() != department.name:
            self._run(functools.partial(people.rename_department, self._database,
                                        department.id, item.text()), "无法改名")

    @Slot()
    def _toggle_department(self) -> None:
        if (department := self._current_department()) is not None:
            self._run(functools.partial(people.set_department_retired, self._database,
                                        department.id, department.active), "无法停用")

    @Slot()
    def _merge_department(self) -> None:
        drop = self._current_department()
        others = [d.name for d in self.departments if drop and d.id != drop.id]
        if drop is None or not others:
            return
        name, ok = QInputDialog.getItem(
            self, "合并重复科室", f"把“{drop.name}”的人员并入：", others, 0, False)
        if not ok:
            return
        keep = next(d for d in self.departments if d.name == name)
        if dialogs.confirm(self, "合并重复科室",
                           f"“{drop.name}”的人员将移入“{keep.name}”，“{drop.name}”随后删除。",
                           ok_text="合并", danger=True):
            self._run(functools.partial(people.merge_departments, self._database,
                                        keep.id, drop.id), "无法合并")

    # ---- officers ---------------------------------------------------------------------

    def _load_officer(self, row: int) -> None:
        if not 0 <= row < len(self.officers):
            return
        officer = self.officers[row]
        self.name_edit.setText(officer.name)
        index = self.department_combo.findData(officer.department_id)
        if index < 0 and officer.department_id is not None:  # retired: shown, not offered
            self.department_combo.addItem(officer.department_name, officer.department_id)
            index = self.department_combo.count() - 1
        self.department_combo.setCurrentIndex(max(index, 0))
        self.post_edit.setText(officer.post)
        self.badge_edit.setText(officer.badge_number or "")
        valid = officer.badge_valid_until
        self.valid_check.setChecked(valid is not None)
        if valid is not None:
            self.valid_edit.setDate(QDate(valid.year, valid.month, valid.day))

    def officer_input(self) -> OfficerInput:
        valid = None
        if self.valid_check.isChecked():
            day = self.valid_edit.date()
            valid = date(day.year(), day.month(), day.day())
        current = self._current_officer()
        return OfficerInput(
            name=self.name_edit.text(), department_id=self.department_combo.currentData(),
            badge_number=self.badge_edit.text().strip() or None,
            ethnicity=current.ethnicity if current else None, post=self.post_edit.text(),
            badge_valid_until=valid,
        )

    @Slot()
    def _add_officer(self) -> None:
        data = self.officer_input()
        data = OfficerInput(data.name, data.department_id, data.badge_number, None, data.post,
                            data.badge_valid_until)
        self._run(functools.partial(add_officer, self._database, data), "无法新增")

    @Slot()
    def _save_officer(self) -> None:
        if (officer := self._current_officer()) is not None:
            self._run(functools.partial(update_officer, self._database, officer.id,
                                        self.officer_input()), "无法保存")

    @Slot()
    def _toggle_officer(self) -> None:
        if (officer := self._current_officer()) is not None:
            self._run(functools.partial(people.set_officer_retired, self._database,
                                        officer.id, officer.active), "无法停用")

    @Slot()
    def _merge_officer(self) -> None:
        drop = self._current_officer()
        if drop is None:
            return
        labels = {f"{o.display_name}　{o.department_name}": o
                  for o in self.officers if o.id != drop.id}
        if not labels:
            return
        label, ok = QInputDialog.getItem(
            self, "合并重复人员", f"把“{drop.display_name}”的案件并入：", list(labels), 0, False)
        if not ok:
            return
        keep = labels[label]
        if dialogs.confirm(self, "合并重复人员",
                           f"“{drop.display_name}”的案件、信访记录将移入“{keep.display_name}”，"
                           "随后删除重复的记录。此操作记入操作日志。", ok_text="合并", danger=True):
            self._run(functools.partial(people.merge_officers, self._database,
                                        keep.id, drop.id), "无法合并")

    # ---- Excel ------------------------------------------------------------------------

    def _save_as(self, name: str, save: Callable[[Path], None]) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存", f"{name}.xlsx", "Excel 表格 (*.xlsx)")
        if path:
            try:
                save(Path(path))
            except OSError as error:
                dialogs.show_error(self, str(error), "无法保存")

    def save_template(self, path: Path) -> None:
        people_excel.write_template(path)

    def export_to(self, path: Path) -> None:
        people_excel.export_people(self._database, path)

    @Slot()
    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择表格", "", "Excel 表格 (*.xlsx)")
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> people_excel.ImportResult | None:
        """Check every row; with errors, offer to import the valid rows with the report saved
        beside the file (nothing is written otherwise)."""
        try:
            plan = people_excel.plan_import(self._database, path)
            report = None
            if plan.problems:
                report = path.with_name(f"{path.stem}-错误报告.txt")
                listed = "\n".join(str(p) for p in plan.problems[:12])
                more = "\n……" if len(plan.problems) > 12 else ""
                if not dialogs.confirm(
                        self, "表格中有错误的行",
                        f"{listed}{more}\n\n无误的行 {plan.valid_rows} 行。可以全部改正后重新导入；"
                        f"或只导入无误的行，错误报告保存为：\n{report}",
                        ok_text="只导入无误的行"):
                    return None
            result = people_excel.apply_import(self._database, plan,
                                               accept_valid=report is not None, report=report)
        except (NanmuError, OSError) as error:
            dialogs.show_error(self, error if isinstance(error, NanmuError) else str(error),
                               "无法导入")
            return None
        self._changed()
        return result
