"""The officers of a case: pick existing ones, or register a new one with 执法证号 on the spot."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services.officers import (
    OfficerInfo,
    OfficerInput,
    add_officer,
    list_departments,
    list_officers,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.forms.ui_case_officer_dialog import Ui_CaseOfficerDialog

ERROR_STYLE = "color: #c0392b;"
ETHNICITIES = ("汉族", "鄂伦春族", "蒙古族", "达斡尔族", "鄂温克族", "满族", "回族", "朝鲜族")
_ID_ROLE = Qt.ItemDataRole.UserRole
# A service problem's field → the dialog's error slot (`<slot>_error` label).
_SLOTS = {"姓名": "name", "执法证号": "badge_number", "科室": "department"}


def _label(officer: OfficerInfo) -> str:
    department = f" · {officer.department_name}" if officer.department_name else ""
    return f"{officer.display_name}{department}"


class NewOfficerDialog(QDialog):
    """Registers one officer through the service; `officer` holds the result once accepted."""

    def __init__(self, database: Database, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseOfficerDialog()
        self.ui.setupUi(self)
        self._database = database
        self.officer: OfficerInfo | None = None
        self.ui.department_combo.addItem("（未定）", None)
        for department in list_departments(database, active_only=True):
            self.ui.department_combo.addItem(department.name, department.id)
        self.ui.ethnicity_combo.addItems(["", *ETHNICITIES])
        self.ui.name_edit.setText(name)
        for slot in (*_SLOTS.values(), "form"):
            label = self._error_label(slot)
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
        buttons = self.ui.button_box
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def _error_label(self, slot: str) -> QLabel:
        label = getattr(self.ui, f"{slot}_error")
        assert isinstance(label, QLabel)
        return label

    def save(self) -> None:
        data = OfficerInput(
            name=self.ui.name_edit.text(),
            department_id=self.ui.department_combo.currentData(),
            badge_number=self.ui.badge_number_edit.text() or None,
            ethnicity=self.ui.ethnicity_combo.currentText() or None,
            post=self.ui.post_edit.text(),
        )
        for slot in (*_SLOTS.values(), "form"):
            self._error_label(slot).hide()
        try:
            self.officer = add_officer(self._database, data)
        except ValidationError as err:
            for problem in err.problems:
                label = self._error_label(_SLOTS.get(problem.field, "form"))
                label.setText(problem.message if label is not self.ui.form_error else str(problem))
                label.show()
            return
        except NanmuError as err:
            self.ui.form_error.setText(err.message)
            self.ui.form_error.show()
            return
        self.accept()


class OfficerPicker(QObject):
    """Drives the officer widgets of the case form (list, combo, 添加/新增/移除 buttons)."""

    changed = Signal()

    def __init__(
        self,
        database: Database,
        chosen: QListWidget,
        combo: QComboBox,
        add_button: QPushButton,
        new_button: QPushButton,
        remove_button: QPushButton,
    ) -> None:
        super().__init__(chosen)
        self._database = database
        self._chosen = chosen
        self._combo = combo
        self._remove_button = remove_button
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit, completer = combo.lineEdit(), combo.completer()
        assert line_edit is not None and completer is not None, "the officer combo is editable"
        line_edit.setPlaceholderText("输入姓名或执法证号查找")
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._load_choices()
        add_button.clicked.connect(self._add_current)
        line_edit.returnPressed.connect(self._add_current)
        new_button.clicked.connect(self._new_officer)
        remove_button.clicked.connect(self._remove_selected)
        chosen.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _load_choices(self) -> None:
        self._combo.clear()
        for officer in list_officers(self._database):
            self._combo.addItem(_label(officer), officer.id)
        self._combo.setCurrentIndex(-1)

    def officer_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self._chosen.item(row).data(_ID_ROLE)) for row in range(self._chosen.count())
        )

    def set_officers(self, officers: list[OfficerInfo]) -> None:
        self._chosen.clear()
        for officer in officers:
            self._append(officer.id, _label(officer))

    def _append(self, officer_id: int, text: str) -> None:
        if officer_id in self.officer_ids():
            return
        item = QListWidgetItem(text)
        item.setData(_ID_ROLE, officer_id)
        self._chosen.addItem(item)
        self.changed.emit()

    def _add_current(self) -> None:
        """Add the officer chosen in the combo, or the only one whose label contains the text."""
        typed = self._combo.currentText().strip()
        index = self._combo.findText(typed, Qt.MatchFlag.MatchExactly) if typed else -1
        if index < 0 and typed:
            matches = [i for i in range(self._combo.count()) if typed in self._combo.itemText(i)]
            if len(matches) != 1:
                self._combo.showPopup()  # none or several: let the clerk pick
                return
            index = matches[0]
        if index < 0:
            return
        self._append(int(self._combo.itemData(index)), self._combo.itemText(index))
        self._combo.setCurrentIndex(-1)
        self._combo.clearEditText()

    def _new_officer(self) -> None:
        typed = (
            self._combo.currentText() if self._combo.findText(self._combo.currentText()) < 0 else ""
        )
        dialog = NewOfficerDialog(self._database, typed, self._chosen.window())
        dialog.setObjectName("new_officer_dialog")
        dialog.finished.connect(lambda _result: self._officer_added(dialog))
        dialog.open()

    def _officer_added(self, dialog: NewOfficerDialog) -> None:
        officer = dialog.officer
        dialog.deleteLater()
        if officer is None:
            return
        self._load_choices()
        self._append(officer.id, _label(officer))

    def _remove_selected(self) -> None:
        for item in self._chosen.selectedItems():
            self._chosen.takeItem(self._chosen.row(item))
        self.changed.emit()

    def _update_buttons(self) -> None:
        self._remove_button.setEnabled(bool(self._chosen.selectedItems()))
