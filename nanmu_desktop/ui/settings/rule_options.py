"""设置 › 规则选项: the rules the regulation leaves open, each with its visible default.

A change is its own (audited) service call and acts at once for decisions recorded from then
on; deadlines and findings already recorded never move.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.rule_options import RuleOptions, get_rule_options, set_rule_options
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common import dialogs


class RuleOptionsSection(QWidget):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.art10_tolerance = QCheckBox(
            "第十条第一款情形的从轻、减轻处理属于“予以容错”（默认：是）(&T)", self
        )
        self.notify_all = QCheckBox(
            "非容错决定也按第十三条的期限告知相关单位及当事人并公开（默认：否）(&N)", self
        )
        note = QLabel(
            "第十四条规定“予以容错的，不作为执法错误认定”，但未写明第十条的从轻、减轻处理是否属于"
            "予以容错；第十三条的7日告知针对“容错决定”。本软件按上面的选项处理，"
            "修改只影响此后记录的党委决定，已记录的期限和结论不变。",
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.art10_tolerance, self.notify_all, note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.refresh()
        self.art10_tolerance.toggled.connect(self._save)
        self.notify_all.toggled.connect(self._save)

    def refresh(self) -> None:
        options = get_rule_options(self._database)
        for box, value in ((self.art10_tolerance, options.art10_leniency_is_tolerance),
                           (self.notify_all, options.notify_all_outcomes)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)

    def _save(self) -> None:
        options = RuleOptions(
            art10_leniency_is_tolerance=self.art10_tolerance.isChecked(),
            notify_all_outcomes=self.notify_all.isChecked(),
        )
        try:
            set_rule_options(self._database, options)
        except NanmuError as error:
            dialogs.show_error(self, error)
            self.refresh()
