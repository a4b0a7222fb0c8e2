"""The first-run wizard: a new township completes it in minutes, every value kept and used.

Pages: 欢迎 → 单位名称 (name, type, Mongolian name, live red-header preview) → 发文与签发 (one
代字 for all kinds with overrides, signer, 印发机关, 抄送) → 告知期限 → 科室 → 登录账户
(ui/first_run_admin.py, only while the database has no users) → 检查 (what is still Nanmu's
or empty). 完成 makes the first administrator, saves the profile, marks the first run done and
updates the departments, on the writer queue. Re-opened from 设置 it shows the stored values.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard, QWizardPage

from nanmu_desktop.domain.township import PRODUCT_NAME
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services import officers as officers_service
from nanmu_desktop.services import people as people_service
from nanmu_desktop.services import settings as settings_service
from nanmu_desktop.services.regulations import get_version_in_force
from nanmu_desktop.services.settings import TownshipProfileInfo, info_from_input
from nanmu_desktop.services.township_check import check_profile
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import show_error
from nanmu_desktop.ui.common.header_preview import HeaderPreview
from nanmu_desktop.ui.common.tasks import TaskControl
from nanmu_desktop.ui.forms.ui_first_run_welcome import Ui_WelcomeForm
from nanmu_desktop.ui.settings.first_run_admin import account_page_if_needed, create_account
from nanmu_desktop.ui.settings.first_run_pages import CheckSection, DepartmentsSection
from nanmu_desktop.ui.settings.profile import (
    IssuingSection,
    NamesSection,
    RulesSection,
    profile_input,
    show_problems,
)


class _Page(QWizardPage):
    """A page around one section; 下一步 stays disabled until the section's required fields are
    filled (`required` is None for pages without any)."""

    def __init__(self, title: str, subtitle: str, content: QWidget,
                 required: object = None) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)
        self._required = required
        changed = getattr(content, "changed", None)
        if changed is not None:
            changed.connect(self.completeChanged)

    def isComplete(self) -> bool:  # Qt override
        return bool(self._required()) if callable(self._required) else True


class _CheckPage(_Page):
    def __init__(self, wizard: FirstRunWizard, section: CheckSection) -> None:
        super().__init__("检查", "仍为南木乡的或尚未填写的项。", section)
        self._wizard = wizard

    def initializePage(self) -> None:  # Qt override: entered from 科室
        self._wizard.refresh_check()


class FirstRunWizard(QWizard):
    """Asks for the township profile; `accepted` only after it has been saved."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(f"{PRODUCT_NAME} — 首次使用设置")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.BackButton, "上一步(&B)"),
                             (QWizard.WizardButton.NextButton, "下一步(&N)"),
                             (QWizard.WizardButton.FinishButton, "完成(&F)"),
                             (QWizard.WizardButton.CancelButton, "取消")):
            self.setButtonText(button, text)
        self.resize(780, 640)
        database = context.database

        welcome = QWidget()
        self.welcome_ui = Ui_WelcomeForm()
        self.welcome_ui.setupUi(welcome)
        self.welcome_ui.databaseInfo.setText(f"数据库文件：{context.db_path}")
        self.names = NamesSection()
        self.issuing = IssuingSection()
        self.rules = RulesSection()
        existing = officers_service.list_departments(database, active_only=True)
        self.departments = DepartmentsSection(existing)
        self.check = CheckSection()
        self._regulation_number = get_version_in_force(database, date.today()).number

        ui = self.issuing.ui
        self.addPage(_Page("欢迎使用", "首次使用，请先填写本单位信息。", welcome))
        self.addPage(_Page("单位名称", "印在文书版头上的名称：蒙古文在上，中文在下。",
                           self.names, lambda: self.names.name_zh))
        self.addPage(_Page("发文与签发", "文号代字、签发人、印发机关和默认抄送单位。",
                           self.issuing,
                           lambda: ui.prefixEdit.text().strip() and ui.signerEdit.text().strip()
                           and ui.authorityEdit.text().strip()))
        self.addPage(_Page("告知期限", "第十三条“7日内告知”的计算方法。", self.rules))
        self.addPage(_Page("科室", "本单位的科室（执法人员所在部门）。", self.departments,
                           lambda: self.departments.names()))
        self.account_page = account_page_if_needed(context.database)
        if self.account_page is not None:
            self.addPage(self.account_page)
        self.addPage(_CheckPage(self, self.check))

        profile = settings_service.get_profile(database)
        self.names.load(profile)
        self.issuing.load(profile)
        self.rules.load(profile)

        self.preview = HeaderPreview(self.names.ui.headerPreview, context.tasks)
        self.names.changed.connect(self._refresh_preview)
        self.issuing.changed.connect(self._refresh_preview)
        self._refresh_preview()
        self._saving = False
        self.saved_profile: TownshipProfileInfo | None = None

    @Slot()
    def _refresh_preview(self) -> None:
        self.preview.request(self.names.name_zh, self.names.name_mn, self.issuing.main_prefix)

    def refresh_check(self) -> None:
        """The check page's list for what is entered now (nothing saved yet)."""
        info = info_from_input(profile_input(self.names, self.issuing, self.rules))
        departments = self.departments.names()
        self.check.show_items(
            info, departments, check_profile(info, len(departments), self._regulation_number)
        )

    def accept(self) -> None:
        """完成: save through the service first; close only once it has been written."""
        if self._saving:
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        data = profile_input(self.names, self.issuing, self.rules)
        departments = self.departments.changes()
        database = self._context.database
        account = self.account_page.account() if self.account_page is not None else None
        first_run = settings_service.is_first_run(database)

        def work(control: TaskControl) -> TownshipProfileInfo:
            create_account(database, account)
            # Re-opened from 设置 the set-up is edited; only a real first run completes it (a
            # second wizard meanwhile is refused by the service, never overwriting silently).
            save = (settings_service.complete_first_run if first_run
                    else settings_service.update_profile)
            profile = save(database, data)
            for department_id, name in departments.renamed:
                people_service.rename_department(database, department_id, name)
            for department_id in departments.retired:
                people_service.set_department_retired(database, department_id, True)
            for name in departments.added:
                officers_service.add_department(database, name)
            return profile

        self._context.tasks.run(work, on_done=self._saved, on_error=self._not_saved, parent=self)

    def _saved(self, profile: TownshipProfileInfo) -> None:
        self.saved_profile = profile
        super().accept()

    def _not_saved(self, error: NanmuError) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(error, ValidationError):
            show_problems(error, self.names, self.issuing)
        show_error(self, error, "无法保存单位信息")


def run_first_run_if_needed(context: UiContext, parent: QWidget | None = None) -> bool:
    """Show the wizard on a new database; False when the clerk cancels it (the app then exits)."""
    if not settings_service.is_first_run(context.database):
        return True
    wizard = FirstRunWizard(context, parent)
    return wizard.exec() == QWizard.DialogCode.Accepted
