"""The case form (a dialog): register or edit a case, its officers, attachments and history.

Problems show in red beside their field as the clerk types (after the field was touched or a
save was tried); 保存 is refused until every field holds. Leaving with unsaved changes asks
保存 / 放弃 / 取消.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from nanmu_desktop.domain.vocabulary import CaseSource, EnforcementField, EnforcementType
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services.case_conflicts import StaleEditError, compare_text
from nanmu_desktop.services.case_types import CaseDetail, CaseInput
from nanmu_desktop.services.cases import get_case, register_case, update_case
from nanmu_desktop.ui.cases.form_checks import CaseDraft, check_draft, parse_amount, slot_of
from nanmu_desktop.ui.cases.form_officers import ERROR_STYLE, OfficerPicker
from nanmu_desktop.ui.cases.history_view import HistoryView
from nanmu_desktop.ui.common.attachments_panel import AttachmentsPanel
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import UnsavedChoice, ask_reload_stale, ask_unsaved, show_error
from nanmu_desktop.ui.forms.ui_case_form import Ui_CaseForm

FACTS_TAB_SLOTS = ("description", "loss_amount")  # the rest are on the 基本情况 tab
ERROR_COLOUR = QColor("#c0392b")
SLOTS = (
    "title",
    "officers",
    "source",
    "enforcement_type",
    "field",
    "dates",
    "description",
    "loss_amount",
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _fill(combo: QComboBox, members: list[tuple[str, str]]) -> None:
    combo.addItem("请选择", "")
    for label, code in members:
        combo.addItem(label, code)


class CaseFormDialog(QDialog):
    #: case id, after a successful save
    saved = Signal(int)

    def __init__(self, context: UiContext, case_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.ui = Ui_CaseForm()
        self.ui.setupUi(self)
        self.setObjectName("case_form")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # 1366 × 768 at 125 % leaves about 1090 × 580 points: never open taller than the screen.
        available = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(
            min(self.width(), available.width() - 40), min(self.height(), available.height() - 40)
        )
        ui = self.ui
        _fill(ui.source_combo, [(m.label, m.value) for m in CaseSource])
        _fill(ui.enforcement_type_combo, [(m.label, m.value) for m in EnforcementType])
        _fill(ui.field_combo, [(m.label, m.value) for m in EnforcementField])
        today = _qdate(date.today())
        for edit in (ui.occurred_on_edit, ui.reported_on_edit):
            edit.setMaximumDate(today)
            edit.setDate(today)
        self.officers = OfficerPicker(
            context.database,
            ui.officers_list,
            ui.officer_combo,
            ui.add_officer_button,
            ui.new_officer_button,
            ui.remove_officer_button,
        )
        self.attachments = AttachmentsPanel(context, case_id, self)
        ui.attachments_layout.addWidget(self.attachments)
        self.history = HistoryView(context, case_id, self)
        ui.history_layout.addWidget(self.history)
        for slot in (*SLOTS, "form"):
            self._error_label(slot).setStyleSheet(ERROR_STYLE)
            self._error_label(slot).hide()
        buttons = ui.button_box
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        self.attachments.save_requested.connect(self.save)

        self._touched: set[str] = set()
        self._show_all_problems = False
        self._version: int | None = None  # the case's version the form shows
        if case_id is not None:
            self._load(get_case(context.database, case_id))
        self._saved_draft = self.draft()
        self._connect_live_checks()
        self._update_title()

    # loading and reading the fields ------------------------------------------------------

    def _load(self, case: CaseDetail) -> None:
        ui = self.ui
        self._version = case.version
        ui.number_label.setText(case.number)
        ui.title_edit.setText(case.title)
        self.officers.set_officers([link.officer for link in case.officers])
        for combo, code in (
            (ui.source_combo, case.source),
            (ui.enforcement_type_combo, case.enforcement_type),
            (ui.field_combo, case.field),
        ):
            combo.setCurrentIndex(max(combo.findData(code), 0))
        ui.reported_on_edit.setMaximumDate(max(_qdate(case.reported_on), _qdate(date.today())))
        ui.occurred_on_edit.setDate(_qdate(case.occurred_on))
        ui.reported_on_edit.setDate(_qdate(case.reported_on))
        ui.description_edit.setPlainText(case.description)
        ui.loss_text_edit.setPlainText(case.loss_text)
        ui.loss_amount_edit.setText("" if case.loss_amount is None else f"{case.loss_amount:.2f}")
        ui.impact_edit.setPlainText(case.impact)
        ui.remedial_actions_edit.setPlainText(case.remedial_actions)

    def draft(self) -> CaseDraft:
        ui = self.ui
        return CaseDraft(
            title=ui.title_edit.text(),
            officer_ids=self.officers.officer_ids(),
            source=ui.source_combo.currentData(),
            enforcement_type=ui.enforcement_type_combo.currentData(),
            field=ui.field_combo.currentData(),
            occurred_on=_day(ui.occurred_on_edit.date()),
            reported_on=_day(ui.reported_on_edit.date()),
            description=ui.description_edit.toPlainText(),
            loss_text=ui.loss_text_edit.toPlainText(),
            loss_amount_text=ui.loss_amount_edit.text(),
            impact=ui.impact_edit.toPlainText(),
            remedial_actions=ui.remedial_actions_edit.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self.draft() != self._saved_draft

    # live checks -----------------------------------------------------------------------

    def _connect_live_checks(self) -> None:
        ui = self.ui
        watched = (
            ("title", ui.title_edit.textChanged),
            ("officers", self.officers.changed),
            ("source", ui.source_combo.currentIndexChanged),
            ("enforcement_type", ui.enforcement_type_combo.currentIndexChanged),
            ("field", ui.field_combo.currentIndexChanged),
            ("dates", ui.occurred_on_edit.dateChanged),
            ("dates", ui.reported_on_edit.dateChanged),
            ("description", ui.description_edit.textChanged),
            ("loss_amount", ui.loss_amount_edit.textChanged),
            (None, ui.loss_text_edit.textChanged),
            (None, ui.impact_edit.textChanged),
            (None, ui.remedial_actions_edit.textChanged),
        )
        for slot, signal in watched:
            signal.connect(lambda *_args, s=slot: self._field_edited(s))

    def _field_edited(self, slot: str | None) -> None:
        if slot is not None:
            self._touched.add(slot)
        self.check()
        self._update_title()

    def check(self) -> dict[str, str]:
        """Run the checks and show the problems of touched fields (all, after a save attempt)."""
        problems = check_draft(self.draft(), date.today())
        shown: set[str] = set()
        for slot in SLOTS:
            label = self._error_label(slot)
            message = problems.get(slot, "")
            visible = bool(message) and (self._show_all_problems or slot in self._touched)
            label.setText(message if visible else "")
            label.setVisible(visible)
            if visible:
                shown.add(slot)
        self._mark_tabs(shown)
        return problems

    def _mark_tabs(self, slots_shown: set[str]) -> None:
        """A tab whose fields have problems gets a red title, so none go unseen."""
        bar = self.ui.tabs.tabBar()
        on_facts = bool(slots_shown & set(FACTS_TAB_SLOTS))
        on_basic = bool(slots_shown - set(FACTS_TAB_SLOTS))
        default = self.palette().color(self.palette().ColorRole.WindowText)
        bar.setTabTextColor(0, ERROR_COLOUR if on_basic else default)
        bar.setTabTextColor(1, ERROR_COLOUR if on_facts else default)

    def _error_label(self, slot: str) -> QLabel:
        label = getattr(self.ui, f"{slot}_error")
        assert isinstance(label, QLabel)
        return label

    def _update_title(self) -> None:
        name = self.ui.number_label.text() if self.case_id is not None else "新建案件"
        self.setWindowTitle(f"{name}{' *' if self.is_dirty() else ''} — 案件")

    # saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and write; on success the list refreshes and this case is selected."""
        self._show_all_problems = True
        self.ui.form_error.hide()
        problems = self.check()
        if problems:
            self._focus_first_problem(problems)
            return False
        draft = self.draft()
        data = CaseInput(
            source=draft.source,
            enforcement_type=draft.enforcement_type,
            field=draft.field,
            occurred_on=draft.occurred_on,
            reported_on=draft.reported_on,
            description=draft.description,
            officer_ids=draft.officer_ids,
            title=draft.title,
            loss_text=draft.loss_text,
            loss_amount=parse_amount(draft.loss_amount_text),
            impact=draft.impact,
            remedial_actions=draft.remedial_actions,
        )
        database = self.context.database
        try:
            if self.case_id is None:
                case = register_case(database, data)
            else:
                case = update_case(database, self.case_id, data,
                                   expected_version=self._version)
        except StaleEditError as err:
            if self.case_id is not None and ask_reload_stale(self, err.message, compare_text(err)):
                self._load(get_case(database, self.case_id))
                self._saved_draft = self.draft()
                self._update_title()
            return False
        except ValidationError as err:
            self._show_service_problems(err)
            return False
        except NanmuError as err:
            show_error(self, err, "保存失败")
            return False
        self.case_id = case.id
        self._version = case.version
        self.ui.number_label.setText(case.number)
        self._saved_draft = self.draft()
        self.attachments.set_case(case.id)
        self.history.set_case(case.id)
        self._update_title()
        self.context.signals.case_changed.emit(case.id)
        self.context.signals.status_message.emit(f"案件 {case.number} 已保存")
        self.saved.emit(case.id)
        return True

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def _show_service_problems(self, err: ValidationError) -> None:
        unplaced: list[str] = []
        for problem in err.problems:
            slot = slot_of(problem)
            if slot is None:
                unplaced.append(str(problem))
                continue
            label = self._error_label(slot)
            label.setText(problem.message)
            label.show()
        if unplaced:
            self.ui.form_error.setText("\n".join(unplaced))
            self.ui.form_error.show()

    def _focus_first_problem(self, problems: dict[str, str]) -> None:
        ui = self.ui
        focus = {
            "title": ui.title_edit,
            "officers": ui.officer_combo,
            "source": ui.source_combo,
            "enforcement_type": ui.enforcement_type_combo,
            "field": ui.field_combo,
            "dates": ui.occurred_on_edit,
            "description": ui.description_edit,
            "loss_amount": ui.loss_amount_edit,
        }
        first = next(slot for slot in SLOTS if slot in problems)
        widget = focus[first]
        ui.tabs.setCurrentIndex(1 if first in FACTS_TAB_SLOTS else 0)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # leaving ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, 关闭 and the window's close button (QDialog routes it here): ask first when there
        are unsaved changes."""
        if self.is_dirty():
            choice = ask_unsaved(self, "案件")
            if choice is UnsavedChoice.CANCEL:
                return
            if choice is UnsavedChoice.SAVE and not self.save():
                return
        super().reject()
