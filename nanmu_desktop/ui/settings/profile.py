"""The township profile as three form sections, shared by the first-run wizard and 设置.

`NamesSection` (中文名称, 类型, 蒙古文名称 + header preview), `IssuingSection` (签发人, 印发机关,
抄送, one 代字 for all kinds with per-kind overrides) and `RulesSection` (the 7-day counting
rule) each wrap a compiled Designer form, load from a `TownshipProfileInfo` and fill a
`ProfileInput`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from nanmu_desktop.documents.mongolian_text import join_suffixes
from nanmu_desktop.domain.township import TownshipType, guess_type, wording_for
from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.deadlines import rule_hint
from nanmu_desktop.services.settings import (
    ALL_SERIES,
    FILE_SERIES,
    LETTER_SERIES,
    SERIES_LABELS,
    ProfileInput,
    TownshipProfileInfo,
    letter_prefix,
    split_cc,
)
from nanmu_desktop.ui.forms.ui_settings_issuing import Ui_IssuingForm
from nanmu_desktop.ui.forms.ui_settings_names import Ui_NamesForm
from nanmu_desktop.ui.forms.ui_settings_rules import Ui_RulesForm


def mongolian_font() -> QFont | None:
    """The font documents use for the Mongolian line, for editing that line on screen."""
    from nanmu_desktop.documents.fonts import FontRole, default_fonts
    from nanmu_desktop.ui.settings.font_specimen import specimen_font

    return specimen_font(default_fonts().roles[FontRole.MONGOLIAN].path, 12)


class NamesSection(QWidget):
    """单位中文名称 and 蒙古文名称; `changed` fires on every edit (drives the header preview)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NamesForm()
        self.ui.setupUi(self)
        for kind in TownshipType:
            self.ui.typeCombo.addItem(kind.label, kind.value)
        self._type_chosen = False  # until chosen, the type follows the name (…镇人民政府 → 镇)
        self.ui.nameZhEdit.textChanged.connect(self._name_edited)
        self.ui.nameMnEdit.textChanged.connect(self._edited)
        self.ui.typeCombo.activated.connect(self._type_activated)
        self.ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        mongolian = mongolian_font()
        if mongolian is not None:  # the UI font has no Mongolian script: boxes otherwise
            self.ui.nameMnEdit.setFont(mongolian)
        self.ui.nameMnPasteButton.clicked.connect(self._paste_mongolian)
        self._type_changed()

    @Slot()
    def _edited(self) -> None:
        self.ui.nameZhError.clear()
        self.changed.emit()

    @Slot()
    def _name_edited(self) -> None:
        guessed = guess_type(self.name_zh)
        if guessed is not None and not self._type_chosen:
            self.set_township_type(guessed.value)
        self._edited()

    @Slot()
    def _type_activated(self) -> None:
        self._type_chosen = True

    @Slot()
    def _type_changed(self) -> None:
        wording = wording_for(self.township_type)
        self.ui.typeWording.setText(
            f"文书中写作：{wording.party_committee}、{wording.we}、{wording.government}"
        )
        self.changed.emit()

    @Slot()
    def _paste_mongolian(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        if text:
            self.ui.nameMnEdit.setText(join_suffixes(text))

    def set_township_type(self, value: str) -> None:
        self.ui.typeCombo.setCurrentIndex(self.ui.typeCombo.findData(value))

    @property
    def township_type(self) -> str:
        value = self.ui.typeCombo.currentData()
        return str(value) if value else TownshipType.xiang.value

    def load(self, profile: TownshipProfileInfo) -> None:
        self.ui.nameZhEdit.setText(profile.name_zh)
        self.ui.nameMnEdit.setText(profile.name_mn)
        self.set_township_type(profile.township_type)
        self._type_chosen = profile.first_run_done

    @property
    def name_zh(self) -> str:
        return self.ui.nameZhEdit.text().strip()

    @property
    def name_mn(self) -> str:
        return self.ui.nameMnEdit.text().strip()

    def show_problem(self, message: str) -> None:
        self.ui.nameZhError.setText(message)


class IssuingSection(QWidget):
    """签发人, 印发机关, 默认抄送, the 代字 of each number series (a kind, or a letter series) and
whether a 告知书 to a party in person is a letter."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IssuingForm()
        self.ui.setupUi(self)
        table = self.ui.prefixTable
        table.setRowCount(len(ALL_SERIES))
        self._prefix_items: dict[str, QTableWidgetItem] = {}  # series → its 代字 cell
        for row, key in enumerate(ALL_SERIES):
            label = QTableWidgetItem(SERIES_LABELS[key])
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, label)
            self._prefix_items[key] = QTableWidgetItem("")
            table.setItem(row, 1, self._prefix_items[key])
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.applyPrefixButton.clicked.connect(self.apply_prefix_to_all)
        for edit in (self.ui.signerEdit, self.ui.authorityEdit, self.ui.ccEdit, self.ui.prefixEdit):
            edit.textChanged.connect(self._edited)
        table.itemChanged.connect(self._edited)
        self.ui.letterCheck.toggled.connect(self._edited)

    @Slot()
    def _edited(self) -> None:
        self.ui.issuingError.clear()
        self.changed.emit()

    @Slot()
    def apply_prefix_to_all(self) -> None:
        """清除单独设置: every series uses the 代字 for all kinds (letters its 函 form)."""
        for item in self._prefix_items.values():
            item.setText("")

    def load(self, profile: TownshipProfileInfo) -> None:
        self.ui.signerEdit.setText(profile.signer)
        self.ui.authorityEdit.setText(profile.issuing_authority)
        self.ui.ccEdit.setText("、".join(profile.default_cc))
        common = profile.default_prefix
        if not common and profile.first_run_done:  # set up before one 代字 for all kinds
            values = [profile.prefix_for(key) for key in FILE_SERIES]
            common = max(set(values), key=values.count)
        self.ui.prefixEdit.setText(common)
        for key, item in self._prefix_items.items():
            own = profile.document_prefixes.get(key, "")
            inherited = letter_prefix(common) if key in LETTER_SERIES else common
            item.setText(own if own != inherited else "")
        self.ui.letterCheck.setChecked(profile.notification_to_party_as_letter)

    def prefixes(self) -> dict[str, str]:
        """The per-kind overrides (a kind left empty uses `main_prefix`)."""
        return {kind: item.text().strip() for kind, item in self._prefix_items.items()
                if item.text().strip()}

    @property
    def main_prefix(self) -> str:
        """The 代字 for all kinds as typed ("" until the office enters one)."""
        return self.ui.prefixEdit.text().strip()

    def show_problem(self, message: str) -> None:
        self.ui.issuingError.setText(message)


class RulesSection(QWidget):
    """The counting rule of the 7-day notification deadline (第十三条)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RulesForm()
        self.ui.setupUi(self)
        self.ui.calendarRadio.toggled.connect(self._update_example)
        self.ui.workingRadio.toggled.connect(self._update_example)
        self._update_example()

    @Slot()
    def _update_example(self) -> None:
        # The hint is computed by the code that counts deadlines, so it cannot say otherwise.
        self.ui.rulesExample.setText(rule_hint(self.day_counting))
        self.changed.emit()

    def load(self, profile: TownshipProfileInfo) -> None:
        working = profile.day_counting == "working"
        self.ui.workingRadio.setChecked(working)
        self.ui.calendarRadio.setChecked(not working)

    @property
    def day_counting(self) -> str:
        return "working" if self.ui.workingRadio.isChecked() else "calendar"


def profile_input(
    names: NamesSection, issuing: IssuingSection, rules: RulesSection
) -> ProfileInput:
    return ProfileInput(
        name_zh=names.name_zh,
        name_mn=names.name_mn,
        document_prefixes=issuing.prefixes(),
        signer=issuing.ui.signerEdit.text().strip(),
        issuing_authority=issuing.ui.authorityEdit.text().strip(),
        default_cc=split_cc(issuing.ui.ccEdit.text()),
        day_counting=rules.day_counting,
        township_type=names.township_type,
        default_prefix=issuing.main_prefix,
        notification_to_party_as_letter=issuing.ui.letterCheck.isChecked(),
    )


def show_problems(error: ValidationError, names: NamesSection, issuing: IssuingSection) -> None:
    """Put each problem next to the section it belongs to (单位名称 → names, the rest → issuing)."""
    own = ("单位名称", "蒙古文名称", "单位类型")
    name_problems = [p.message for p in error.problems if p.field in own]
    other = [str(p) for p in error.problems if p.field not in own]
    if name_problems:
        names.show_problem("；".join(name_problems))
    if other:
        issuing.show_problem("；".join(other))
