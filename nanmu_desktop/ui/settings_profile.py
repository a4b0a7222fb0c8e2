"""The township profile as three form sections, shared by the first-run wizard and 设置.

`NamesSection` (中文/蒙古文名称 + header preview), `IssuingSection` (签发人, 印发机关, 抄送,
代字 per document kind) and `RulesSection` (the 7-day counting rule) each wrap a compiled
Designer form, load from a `TownshipProfileInfo` and fill a `ProfileInput`.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.deadlines import rule_hint
from nanmu_desktop.services.settings import (
    ALL_SERIES,
    DEFAULT_PREFIX,
    LETTER_SERIES,
    SERIES_LABELS,
    ProfileInput,
    TownshipProfileInfo,
    letter_prefix,
)
from nanmu_desktop.ui.forms.ui_settings_issuing import Ui_IssuingForm
from nanmu_desktop.ui.forms.ui_settings_names import Ui_NamesForm
from nanmu_desktop.ui.forms.ui_settings_rules import Ui_RulesForm

CC_SEPARATORS = re.compile(r"[、，,；;\n]+")


@cache
def default_mongolian_name() -> str:
    """The Mongolian line of the regulation's own red header (the seed document)."""
    from nanmu_desktop.domain.regulation_loader import load_regulation

    return load_regulation().header_mongolian


def mongolian_font() -> QFont | None:
    """The font documents use for the Mongolian line, for editing that line on screen."""
    from nanmu_desktop.documents.fonts import FontRole, default_fonts
    from nanmu_desktop.ui.font_specimen import specimen_font

    return specimen_font(default_fonts().roles[FontRole.MONGOLIAN].path, 12)


def split_cc(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in CC_SEPARATORS.split(text) if part.strip())


class NamesSection(QWidget):
    """单位中文名称 and 蒙古文名称; `changed` fires on every edit (drives the header preview)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NamesForm()
        self.ui.setupUi(self)
        self.ui.nameZhEdit.textChanged.connect(self._edited)
        self.ui.nameMnEdit.textChanged.connect(self._edited)
        mongolian = mongolian_font()
        if mongolian is not None:  # the UI font has no Mongolian script: boxes otherwise
            self.ui.nameMnEdit.setFont(mongolian)
        self.ui.nameMnDefaultButton.clicked.connect(
            lambda: self.ui.nameMnEdit.setText(default_mongolian_name())
        )

    @Slot()
    def _edited(self) -> None:
        self.ui.nameZhError.clear()
        self.changed.emit()

    def load(self, profile: TownshipProfileInfo) -> None:
        self.ui.nameZhEdit.setText(profile.name_zh)
        self.ui.nameMnEdit.setText(profile.name_mn or default_mongolian_name())

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
            default = letter_prefix(DEFAULT_PREFIX) if key in LETTER_SERIES else DEFAULT_PREFIX
            self._prefix_items[key] = QTableWidgetItem(default)
            table.setItem(row, 1, self._prefix_items[key])
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.prefixEdit.setText(DEFAULT_PREFIX)
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
        prefix = self.ui.prefixEdit.text().strip() or DEFAULT_PREFIX
        for key, item in self._prefix_items.items():
            # Letters get the township's letter series (鄂政发 → 鄂政函).
            item.setText(letter_prefix(prefix) if key in LETTER_SERIES else prefix)

    def load(self, profile: TownshipProfileInfo) -> None:
        self.ui.signerEdit.setText(profile.signer)
        self.ui.authorityEdit.setText(profile.issuing_authority)
        self.ui.ccEdit.setText("、".join(profile.default_cc))
        self.ui.prefixEdit.setText(profile.main_prefix)
        for key, item in self._prefix_items.items():
            item.setText(profile.prefix_for(key))
        self.ui.letterCheck.setChecked(profile.notification_to_party_as_letter)

    def prefixes(self) -> dict[str, str]:
        return {kind: item.text().strip() for kind, item in self._prefix_items.items()}

    @property
    def main_prefix(self) -> str:
        return self.ui.prefixEdit.text().strip() or DEFAULT_PREFIX

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
        notification_to_party_as_letter=issuing.ui.letterCheck.isChecked(),
    )


def show_problems(error: ValidationError, names: NamesSection, issuing: IssuingSection) -> None:
    """Put each problem next to the section it belongs to (单位名称 → names, the rest → issuing)."""
    name_problems = [p.message for p in error.problems if p.field in ("单位名称", "蒙古文名称")]
    other = [str(p) for p in error.problems if p.field not in ("单位名称", "蒙古文名称")]
    if name_problems:
        names.show_problem("；".join(name_problems))
    if other:
        issuing.show_problem("；".join(other))
