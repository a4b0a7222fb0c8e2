"""First run (journey J5): a neighbouring township enters its own names and 代字."""

from __future__ import annotations

from helpers import type_chinese
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.regulation_loader import load_regulation
from nanmu_desktop.services import settings as settings_service
from nanmu_desktop.services.users import list_users
from nanmu_desktop.ui.context import UiContext
from nanmu_desktop.ui.first_run import FirstRunWizard, run_first_run_if_needed

SAMAJIE = "扎兰屯市萨马街鄂温克民族乡人民政府"


def _red_pixels(image) -> int:  # type: ignore[no-untyped-def]
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            count += c.red() > 180 and c.green() < 90 and c.blue() < 90
    return count


def test_j5_first_run_saves_the_profile_and_previews_the_header(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    assert settings_service.is_first_run(ui_context.database)
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    next_button.click()  # 欢迎 → 单位名称
    assert not next_button.isEnabled()  # the Chinese name is required
    # The Mongolian name starts as the seed document's line.
    assert wizard.names.name_mn == load_regulation().header_mongolian
    type_chinese(wizard.names.ui.nameZhEdit, SAMAJIE)
    assert next_button.isEnabled()
    with qtbot.waitSignal(wizard.preview.updated, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: wizard.preview.image is not None, timeout=20_000)
    image = wizard.preview.image
    assert image is not None and _red_pixels(image) > 200  # the red mark and separator line

    next_button.click()  # → 发文与签发
    issuing = wizard.issuing.ui
    issuing.prefixEdit.clear()
    type_chinese(issuing.prefixEdit, "萨政发")
    issuing.applyPrefixButton.click()
    assert not next_button.isEnabled()  # signer and 印发机关 still missing
    type_chinese(issuing.signerEdit, "乌日娜")
    type_chinese(issuing.authorityEdit, "萨马街鄂温克民族乡党政综合办公室")
    type_chinese(issuing.ccEdit, "扎兰屯市司法局、乡纪委")
    next_button.click()  # → 告知期限
    wizard.rules.ui.workingRadio.setChecked(True)
    next_button.click()  # → 登录账户: the first administrator
    account = wizard.account_page
    assert account is not None
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    type_chinese(account.name_edit, "乌日娜")
    account.password_edit.setText("samajie-1")
    account.confirm_edit.setText("samajie-2")
    assert not finish.isEnabled() and "不一致" in account.hint.text()
    account.confirm_edit.setText("samajie-1")
    assert finish.isEnabled()

    finish.click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=10_000)

    profile = settings_service.get_profile(ui_context.database)
    assert profile.first_run_done
    assert profile.name_zh == SAMAJIE
    assert profile.name_mn == load_regulation().header_mongolian
    assert profile.prefix_for("exemption-decision") == "萨政发"
    assert profile.prefix_for("notification") == "萨政发"
    assert profile.signer == "乌日娜"
    assert profile.issuing_authority == "萨马街鄂温克民族乡党政综合办公室"
    assert profile.default_cc == ("扎兰屯市司法局", "乡纪委")
    assert profile.day_counting == "working"
    users = list_users(ui_context.database)
    assert [(u.name, u.roles_text) for u in users] == [("乌日娜", "经办、审核、签发、管理员")]
    assert ui_context.database.user is not None and ui_context.database.user.name == "乌日娜"
    assert run_first_run_if_needed(ui_context)  # done once: no wizard again


def test_header_preview_follows_the_typed_name(qtbot: QtBot, ui_context: UiContext) -> None:
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: "填写单位中文名称" in wizard.names.ui.headerPreview.text(),
                    timeout=5000)
    type_chinese(wizard.names.ui.nameZhEdit, SAMAJIE)
    qtbot.waitUntil(lambda: wizard.preview.image is not None, timeout=20_000)
    wizard.names.ui.nameZhEdit.clear()
    qtbot.waitUntil(lambda: wizard.preview.image is None, timeout=5000)
