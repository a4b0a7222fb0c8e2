"""设置 page: the township profile (as on first run), the holiday / 调休 table, departments and
officers, the regulation versions, fonts per role, data folder and 备份.

Profile tabs share one 保存 / 撤销; saving goes through the writer queue. Holidays, fonts and
backups act at once (each is its own service call).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.documents.fonts import ROLE_LABELS, FontRole, FontSet
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services import backup, font_choice
from nanmu_desktop.services import settings as settings_service
from nanmu_desktop.services.settings import TownshipProfileInfo
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.header_preview import HeaderPreview
from nanmu_desktop.ui.common.tasks import TaskControl
from nanmu_desktop.ui.forms.ui_settings_data import Ui_DataForm
from nanmu_desktop.ui.forms.ui_settings_fonts import Ui_FontsForm
from nanmu_desktop.ui.settings.calendar import CalendarSection
from nanmu_desktop.ui.settings.first_run import FirstRunWizard
from nanmu_desktop.ui.settings.font_specimen import specimen_font, specimen_text
from nanmu_desktop.ui.settings.people import PeopleSection
from nanmu_desktop.ui.settings.profile import (
    IssuingSection,
    NamesSection,
    RulesSection,
    profile_input,
    show_problems,
)
from nanmu_desktop.ui.settings.regulations import RegulationVersionsSection
from nanmu_desktop.ui.settings.restore import RestoreSection
from nanmu_desktop.ui.settings.rule_options import RuleOptionsSection
from nanmu_desktop.ui.settings.users import UsersSection

BACKUP_FOLDER_KEY = "backup/folder"
SOURCE_LABELS = {"bundled": "随程序附带（替代字体）", "system": "本机已安装", "settings": "已指定"}


class SettingsPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._profile: TownshipProfileInfo | None = None
        self._dirty = False

        self.names = NamesSection(self)
        self.issuing = IssuingSection(self)
        self.rules = RulesSection(self)
        self.calendar = CalendarSection(context.database, self)
        self.rule_options = RuleOptionsSection(context.database, self)
        self.people = PeopleSection(context.database, self)
        self.regulations = RegulationVersionsSection(context.database, self)
        self.fonts_widget = QWidget(self)
        self.fonts_ui = Ui_FontsForm()
        self.fonts_ui.setupUi(self.fonts_widget)
        self.data_widget = QWidget(self)
        self.data_ui = Ui_DataForm()
        self.data_ui.setupUi(self.data_widget)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.names, "单位名称")
        self.tabs.addTab(self.issuing, "发文与签发")
        self.tabs.addTab(self.rules, "告知期限")
        self.tabs.addTab(self.calendar, "节假日与调休")
        self.tabs.addTab(self.rule_options, "规则选项")
        self.tabs.addTab(self.people, "科室与人员")
        self.tabs.addTab(self.regulations, "制度版本")
        self.tabs.addTab(self.fonts_widget, "字体")
        self.tabs.addTab(self.data_widget, "数据与备份")
        self.users = UsersSection(context, self)
        self.tabs.addTab(self.users, "用户")

        self.wizard_button = QPushButton("首次使用设置向导(&W)…", self)
        self.wizard_button.setToolTip("按首次使用时的步骤逐项检查、修改本单位信息和科室")
        self.wizard_button.clicked.connect(self.open_first_run_wizard)
        self.save_button = QPushButton("保存(&S)", self)
        self.revert_button = QPushButton("撤销修改(&U)", self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.wizard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.preview = HeaderPreview(self.names.ui.headerPreview, context.tasks)
        for section in (self.names, self.issuing, self.rules):
            section.changed.connect(self._edited)
        self._connect_fonts()
        self._connect_data()
        self.load()

    # ---- profile -----------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """Show the stored profile (also 撤销修改)."""
        self._profile = settings_service.get_profile(self._context.database)
        self.names.load(self._profile)
        self.issuing.load(self._profile)
        self.rules.load(self._profile)
        self._set_dirty(False)
        self._refresh_preview()

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def refresh(self) -> None:
        """F5: reread the stored profile unless there are edits not yet saved."""
        if not self._dirty:
            self.load()
        self.calendar.refresh()
        self.rule_options.refresh()
        self.people.refresh()
        self.regulations.refresh()

    def may_close(self) -> bool:
        """Asked before the window closes: unsaved profile edits ask 保存 / 放弃 / 取消."""
        if not self._dirty:
            return True
        choice = dialogs.ask_unsaved(self, "单位信息")
        if choice is dialogs.UnsavedChoice.CANCEL:
            return False
        if choice is dialogs.UnsavedChoice.SAVE:
            data = profile_input(self.names, self.issuing, self.rules)
            try:
                self._saved(settings_service.update_profile(self._context.database, data))
            except NanmuError as error:  # stay open so the clerk can correct it
                self._not_saved(error)
                return False
        return True

    @Slot()
    def _edited(self) -> None:
        self._set_dirty(True)
        self._refresh_preview()

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _refresh_preview(self) -> None:
        self.preview.request(self.names.name_zh, self.names.name_mn, self.issuing.main_prefix)

    @Slot()
    def save(self) -> None:
        data = profile_input(self.names, self.issuing, self.rules)
        database = self._context.database

        def work(control: TaskControl) -> TownshipProfileInfo:
            return settings_service.update_profile(database, data)

        self._context.tasks.run(work, parent=self, on_done=self._saved,
                                on_error=self._not_saved)

    @Slot()
    def open_first_run_wizard(self) -> FirstRunWizard | None:
        """The first-run wizard again, on the stored values; unsaved edits here are asked first.
        Returns the open (window-modal) wizard."""
        if self._dirty and not self.may_close():
            return None
        wizard = FirstRunWizard(self._context, self)
        wizard.finished.connect(lambda _result: self._wizard_closed(wizard))
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: FirstRunWizard) -> None:
        if wizard.saved_profile is not None:
            self.load()
            self._profile_changed()
        wizard.deleteLater()

    def _profile_changed(self) -> None:
        refresh_title = getattr(self.window(), "refresh_title", None)
        if callable(refresh_title):
            refresh_title()

    def _saved(self, profile: TownshipProfileInfo) -> None:
        self._profile = profile
        self._set_dirty(False)
        self._profile_changed()
        self._context.signals.status_message.emit("单位信息已保存，之后出具的文书将使用新信息。")

    def _not_saved(self, error: NanmuError) -> None:
        if isinstance(error, ValidationError):
            show_problems(error, self.names, self.issuing)
        dialogs.show_error(self, error, "无法保存设置")

    # ---- fonts -------------------------------------------------------------------------

    def _connect_fonts(self) -> None:
        ui = self.fonts_ui
        ui.fontTable.setRowCount(len(FontRole))
        ui.fontTable.currentCellChanged.connect(lambda row, *_: self._show_specimen(row))
        ui.chooseFontButton.clicked.connect(self._choose_font)
        ui.resetFontButton.clicked.connect(lambda: self.set_font_file(self._font_role(), None))
        self._fonts = font_choice.fonts_for(self._context.database)
        self._fill_fonts()
        ui.fontTable.setCurrentCell(0, 0)

    def _fill_fonts(self) -> None:
        table = self.fonts_ui.fontTable
        substitutes: list[str] = []
        for row, description in enumerate(self._fonts.describe()):
            cells = (ROLE_LABELS[description.role], description.family,
                     SOURCE_LABELS.get(description.source, description.source),
                     str(description.path))
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
            if description.substitute:
                substitutes.append(ROLE_LABELS[description.role])
        stand_ins = self._fonts.stand_in_note  # a face of another design, e.g. 粗宋体 for 小标宋
        if substitutes or stand_ins:
            self.fonts_ui.substituteWarning.setText(
                (f"注意：{'、'.join(substitutes)}使用的是开源替代字体，与国家标准规定的字体"
                 "外观略有差异。正式发文建议安装方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312，"
                 "或在此指定字体文件。" if substitutes else "注意：") + stand_ins)
            self.fonts_ui.substituteWarning.show()
        else:
            self.fonts_ui.substituteWarning.hide()
        self._show_specimen(max(table.currentRow(), 0))

    def _font_role(self) -> FontRole:
        return list(FontRole)[max(self.fonts_ui.fontTable.currentRow(), 0)]

    def _show_specimen(self, row: int) -> None:
        if not 0 <= row < len(FontRole):
            return
        role = list(FontRole)[row]
        font = specimen_font(self._fonts.roles[role].path)
        view = self.fonts_ui.specimenView
        view.setText(specimen_text(role, self.names.name_mn))
        if font is not None:
            view.setFont(font)

    @Slot()
    def _choose_font(self) -> None:
        role = self._font_role()
        path, _ = QFileDialog.getOpenFileName(
            self, f"选择{ROLE_LABELS[role]}字体文件", "", "TrueType 字体 (*.ttf *.ttc)")
        if path:
            self.set_font_file(role, Path(path))

    def set_font_file(self, role: FontRole, path: Path | None) -> None:
        """Store the file for `role` (None: automatic); an unusable file is refused, saying why."""
        try:
            fonts: FontSet = font_choice.set_font_file(self._context.database, role, path)
        except NanmuError as error:
            dialogs.show_error(self, error, "无法使用该字体")
            return
        self._fonts = fonts
        self._fill_fonts()

    # ---- data and backup ---------------------------------------------------------------

    def _connect_data(self) -> None:
        ui = self.data_ui
        ui.databaseEdit.setText(str(self._context.db_path))
        stored = self._context.settings.value(BACKUP_FOLDER_KEY, "")
        ui.backupFolderEdit.setText(str(stored) if stored else "")
        ui.openDataFolderButton.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._context.db_path.parent)))
        )
        ui.browseBackupButton.clicked.connect(self._browse_backup_folder)
        ui.backupButton.clicked.connect(self.back_up)
        self.restore_section = RestoreSection(self._context, ui.backupRow, self)

    @Slot()
    def _browse_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择备份文件夹",
                                                  self.data_ui.backupFolderEdit.text())
        if folder:
            self.data_ui.backupFolderEdit.setText(folder)

    @Slot()
    def back_up(self) -> None:
        text = self.data_ui.backupFolderEdit.text().strip()
        if not text:
            dialogs.show_error(self, "请先选择备份文件夹（例如 U 盘上的文件夹）。", "无法备份")
            return
        folder = Path(text)
        self._context.settings.setValue(BACKUP_FOLDER_KEY, str(folder))
        database = self._context.database
        self.data_ui.backupButton.setEnabled(False)

        def work(control: TaskControl) -> backup.BackupInfo:
            return backup.backup_database(database, folder)

        handle = self._context.tasks.run(work, title="正在备份数据库…", parent=self,
                                         on_done=self._backed_up)
        handle.finished.connect(lambda: self.data_ui.backupButton.setEnabled(True))

    def _backed_up(self, info: backup.BackupInfo) -> None:
        size_mb = info.size / 1_048_576
        self.data_ui.backupStatus.setText(
            f"已于 {info.taken_at:%Y-%m-%d %H:%M} 备份到 {info.path}（{size_mb:.1f} MB）")
        self._context.signals.status_message.emit(f"备份完成：{info.path}")
