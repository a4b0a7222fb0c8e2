"""The first-run wizard: on a new database the office enters who it is before anything else.

Pages: 欢迎 → 单位名称 (with a live red-header preview) → 发文与签发 → 告知期限 → 登录账户
(ui/first_run_admin.py). 完成 makes the first administrator, then saves the profile and marks the
first run done in one service call (on the writer queue).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard, QWizardPage

from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services import settings as settings_service
from nanmu_desktop.services.settings import TownshipProfileInfo
from nanmu_desktop.ui.context import UiContext
from nanmu_desktop.ui.dialogs import show_error
from nanmu_desktop.ui.first_run_admin import account_page_if_needed, create_account
from nanmu_desktop.ui.forms.ui_first_run_welcome import Ui_WelcomeForm
from nanmu_desktop.ui.header_preview import HeaderPreview
from nanmu_desktop.ui.settings_profile import (
    IssuingSection,
    NamesSection,
    RulesSection,
    profile_input,
    show_problems,
)
from nanmu_desktop.ui.tasks import TaskControl


def _page(title: str, subtitle: str, content: QWidget) -> QWizardPage:
    page = QWizardPage()
    page.setTitle(title)
    page.setSubTitle(subtitle)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
    return page


class _RequiredPage(QWizardPage):
    """A page whose 下一步 stays disabled until `is_filled()` holds."""

    def __init__(self, title: str, subtitle: str, content: QWidget, section: QWidget) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)
        self._section = section
        section.changed.connect(self.completeChanged)  # type: ignore[attr-defined]

    def isComplete(self) -> bool:  # Qt override
        section = self._section
        if isinstance(section, NamesSection):
            return bool(section.name_zh)
        if isinstance(section, IssuingSection):
            ui = section.ui
            return bool(ui.signerEdit.text().strip() and ui.authorityEdit.text().strip())
        return True


class FirstRunWizard(QWizard):
    """Asks for the township profile; `accepted` only after it has been saved."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle("南木容错纠错办理系统 — 首次使用设置")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.BackButton, "上一步(&B)"),
                             (QWizard.WizardButton.NextButton, "下一步(&N)"),
                             (QWizard.WizardButton.FinishButton, "完成(&F)"),
                             (QWizard.WizardButton.CancelButton, "取消")):
            self.setButtonText(button, text)
        self.resize(760, 600)

        welcome = QWidget()
        self.welcome_ui = Ui_WelcomeForm()
        self.welcome_ui.setupUi(welcome)
        self.welcome_ui.databaseInfo.setText(f"数据库文件：{context.db_path}")
        self.names = NamesSection()
        self.issuing = IssuingSection()
        self.rules = RulesSection()

        self.addPage(_page("欢迎使用", "首次使用，请先填写本单位信息。", welcome))
        self.addPage(_RequiredPage("单位名称", "印在文书版头上的名称：蒙古文在上，中文在下。",
                                   self.names, self.names))
        self.addPage(_RequiredPage("发文与签发", "文号代字、签发人、印发机关和默认抄送单位。",
                                   self.issuing, self.issuing))
        self.addPage(_page("告知期限", "第十三条“7日内告知”的计算方法。", self.rules))
        self.account_page = account_page_if_needed(context.database)
        if self.account_page is not None:
            self.addPage(self.account_page)

        profile = settings_service.get_profile(context.database)
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

    def accept(self) -> None:
        """完成: save through the service first; close only once it has been written."""
        if self._saving:
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        data = profile_input(self.names, self.issuing, self.rules)
        database = self._context.database
        account = self.account_page.account() if self.account_page is not None else None

        def work(control: TaskControl) -> TownshipProfileInfo:
            create_account(database, account)
            return settings_service.complete_first_run(database, data)

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
