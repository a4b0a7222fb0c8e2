"""First run (journey J5, issue 8): a neighbouring township enters who it is in the wizard —
name, type, its approved Mongolian name, one 代字 with an override, signer, 印发机关, 抄送, the
counting rule, its departments — and its first decision is issued under its own number and
header, worded for its type."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pdfplumber
from helpers import ModalAnswer, type_chinese
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from township_support import residue

from nanmu_desktop.documents.mongolian_text import NNBSP
from nanmu_desktop.domain.vocabulary import DEFAULT_DEPARTMENTS, DocumentKind
from nanmu_desktop.services import settings as settings_service
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import document_pdf, get_document, issue_document
from nanmu_desktop.services.officers import (
    OfficerInput,
    add_officer,
    list_departments,
    list_officers,
)
from nanmu_desktop.services.settings import ALL_SERIES
from nanmu_desktop.services.users import list_users
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.settings.first_run import FirstRunWizard, run_first_run_if_needed
from nanmu_desktop.ui.settings.page import SettingsPage
from nanmu_desktop.ui.settings.regulation_import_dialog import RegulationImportDialog
from tests.services.regulation_fixtures import neighbour_text, write_docx
from tests.services.test_people_excel import OFFICERS, people_workbook

SAMAJIE = "萨马街鄂温克民族乡人民政府"
# As pasted from the approval: an ordinary space before the genitive suffix ᠶᠢᠨ.
SAMAJIE_MN = "ᠰᠠᠮᠠᠵᠢᠶ᠎ᠡ ᠡᠸᠡᠩᠬᠢ ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠦ ᠰᠢᠶᠠᠩ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ"
J1_FACTS = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


def _red_pixels(image: QImage) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            count += c.red() > 180 and c.green() < 90 and c.blue() < 90
    return count


def _finish_issuing_page(wizard: FirstRunWizard, prefix: str, signer: str, office: str) -> None:
    issuing = wizard.issuing.ui
    type_chinese(issuing.prefixEdit, prefix)
    type_chinese(issuing.signerEdit, signer)
    type_chinese(issuing.authorityEdit, office)


def _fill_account(wizard: FirstRunWizard, name: str) -> None:
    account = wizard.account_page
    assert account is not None
    type_chinese(account.name_edit, name)
    account.password_edit.setText("first-admin-1")
    account.confirm_edit.setText("first-admin-1")


def _finish(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=10_000)


def _decide_and_issue(
    db: Database, department: str = "", officer_id: int | None = None
) -> tuple[str, str, pdfplumber.PDF]:
    """A case of journey J1 through the services, decided and its 决定书 issued today."""
    if officer_id is None:
        departments = {d.name: d.id for d in list_departments(db)}
        officer_id = add_officer(db, OfficerInput(
            name="巴特尔", department_id=departments[department],
            badge_number="15-0799-00001", post="执法队员")).id
    today = date.today()
    case = register_case(db, CaseInput(
        source="personal_application", enforcement_type="administrative_inspection",
        field="forestry_grassland", occurred_on=today - timedelta(days=6),
        reported_on=today - timedelta(days=4),
        description="暴风雪中检查牧草加工点时，因许可数据延迟误认其许可证无效而查封场地",
        officer_ids=(officer_id,), loss_text="加工点停业两天", remedial_actions="当即解除查封",
    ))
    save_proposal(db, case.id, J1_FACTS, made_on=today - timedelta(days=4))
    record_decision(db, case.id, DecisionInput(meeting_date=today - timedelta(days=1),
                                               attendees=("乌日娜",)))
    issued = issue_document(db, DocumentTarget(DocumentKind.exemption_decision, case.id))
    _, pdf = document_pdf(db, issued.number)
    document = pdfplumber.open(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in document.pages).replace("\n", "")
    return issued.number, text, document


def test_j5_first_run_as_samajie_then_its_first_decision(
    qtbot: QtBot, ui_context: UiContext, tmp_path: Path
) -> None:
    db = ui_context.database
    assert settings_service.is_first_run(db)
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    next_button.click()  # 欢迎 → 单位名称
    assert not next_button.isEnabled()  # the Chinese name is required
    names = wizard.names.ui
    assert wizard.names.name_mn == ""  # nothing of Nanmu's: the approved rendering is typed in
    assert "批准" in names.nameMnHint.text()
    type_chinese(names.nameZhEdit, SAMAJIE)
    assert next_button.isEnabled()
    assert wizard.names.township_type == "xiang"  # read from the name
    assert "乡党委" in names.typeWording.text()
    QGuiApplication.clipboard().setText(SAMAJIE_MN)
    names.nameMnPasteButton.click()
    assert f"ᠠᠷᠠᠳ{NNBSP}ᠤᠨ" in wizard.names.name_mn  # the suffix joined as Mongolian requires
    # The render started after the last edit (debounced) is the one shown.
    qtbot.waitUntil(lambda: not wizard.preview._timer.isActive(), timeout=5000)
    updates: list[int] = []
    wizard.preview.updated.connect(lambda: updates.append(1))
    qtbot.waitUntil(lambda: bool(updates) or wizard.preview.image is not None, timeout=20_000)
    image = wizard.preview.image
    assert image is not None and _red_pixels(image) > 200  # the red mark and separator line

    next_button.click()  # → 发文与签发
    assert not next_button.isEnabled()  # 代字, signer and 印发机关 still missing
    _finish_issuing_page(wizard, "萨政发", "乌日娜", "萨马街鄂温克民族乡党政综合办公室")
    type_chinese(wizard.issuing.ui.ccEdit, "阿荣旗司法局、乡纪委")
    # One kind keeps a 代字 of its own.
    row = ALL_SERIES.index("notification")  # the table lists the number series
    wizard.issuing.ui.prefixTable.item(row, 1).setText("萨政告")
    assert next_button.isEnabled()
    next_button.click()  # → 告知期限
    wizard.rules.ui.workingRadio.setChecked(True)
    next_button.click()  # → 科室: the starter list, edited
    departments = wizard.departments
    assert departments.names() == list(DEFAULT_DEPARTMENTS)
    departments.list.setCurrentRow(2)
    departments.remove_current()
    departments.add_new()
    departments.list.item(departments.list.count() - 1).setText("牧业办公室")
    next_button.click()  # → 登录账户: the first administrator
    account = wizard.account_page
    assert account is not None
    type_chinese(account.name_edit, "乌日娜")
    account.password_edit.setText("samajie-1")
    account.confirm_edit.setText("samajie-2")
    assert not next_button.isEnabled() and "不一致" in account.hint.text()
    account.confirm_edit.setText("samajie-1")
    assert next_button.isEnabled()
    next_button.click()  # → 检查
    check = wizard.check
    assert [i.field for i in check.items if i.nanmu] == ["制度"]  # only its regulation is left
    assert "制度" in check.details.text()

    _finish(qtbot, wizard)
    profile = settings_service.get_profile(db)
    assert profile.first_run_done and profile.name_zh == SAMAJIE
    assert profile.township_type == "xiang"
    assert profile.name_mn == wizard.names.name_mn and NNBSP in profile.name_mn
    assert profile.prefix_for("exemption-decision") == "萨政发"
    assert profile.prefix_for("rectification-order") == "萨政发"
    assert profile.prefix_for("notification") == "萨政告"
    assert profile.signer == "乌日娜"
    assert profile.issuing_authority == "萨马街鄂温克民族乡党政综合办公室"
    assert profile.default_cc == ("阿荣旗司法局", "乡纪委")
    assert profile.day_counting == "working"
    expected = [*DEFAULT_DEPARTMENTS[:2], *DEFAULT_DEPARTMENTS[3:], "牧业办公室"]
    assert [d.name for d in list_departments(db, active_only=True)] == expected
    users = list_users(ui_context.database)
    assert [(u.name, u.roles_text) for u in users] == [("乌日娜", "经办、审核、签发、管理员")]
    assert ui_context.database.user is not None and ui_context.database.user.name == "乌日娜"
    assert run_first_run_if_needed(ui_context)  # done once: no wizard again

    # Its own regulation, from the .docx it issued (shown against the model, then kept), and
    # its departments and officers from the Excel sheet, both through 设置.
    page = SettingsPage(ui_context)
    qtbot.addWidget(page)
    answer = ModalAnswer(RegulationImportDialog, lambda dialog: dialog.save_button.click())
    own = write_docx(tmp_path / "萨政发〔2025〕12号.docx", neighbour_text())
    assert page.regulations.import_file(own) == "2025-12" and answer.handled
    assert page.people.import_from(people_workbook(tmp_path / "人员.xlsx", OFFICERS[:2]))
    officer = next(o for o in list_officers(db) if o.name == "阿斯楞")
    assert officer.department_name == "林草执法中队"

    number, text, document = _decide_and_issue(db, officer_id=officer.id)
    assert number == f"萨政发〔{date.today().year}〕1号"
    assert get_document(db, number).signer == "乌日娜"  # the register keeps who signed it
    assert "萨马街鄂温克民族乡人民政府文件" in text and number in text
    assert "乡党委召开会议" in text and "乡政府公示栏" in text
    assert "萨政发〔2025〕12号" in text  # it cites its own regulation, picked by date
    mongolian = [c for c in document.pages[0].chars if "Mongolian" in c["fontname"]]
    assert mongolian  # its own Mongolian line above the mark
    assert residue(text) == []  # nothing of Nanmu's, the regulation included
    document.close()


def test_a_zhen_is_worded_as_a_zhen_with_a_chinese_only_header(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    db = ui_context.database
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    type_chinese(wizard.names.ui.nameZhEdit, "巴彦托海镇人民政府")
    assert wizard.names.township_type == "zhen"
    assert "镇党委" in wizard.names.ui.typeWording.text()
    next_button.click()
    _finish_issuing_page(wizard, "巴政发", "其其格", "巴彦托海镇党政综合办公室")
    next_button.click()
    next_button.click()
    next_button.click()  # → 登录账户
    _fill_account(wizard, "其其格")
    next_button.click()  # → 检查: no Mongolian name is reported, not refused
    assert "蒙古文名称" in [i.field for i in wizard.check.items if not i.nanmu]
    _finish(qtbot, wizard)
    assert settings_service.get_profile(db).township_type == "zhen"

    number, text, document = _decide_and_issue(db, DEFAULT_DEPARTMENTS[1])
    assert number == f"巴政发〔{date.today().year}〕1号"
    assert "巴彦托海镇人民政府文件" in text
    assert "镇党委召开会议" in text and "乡党委" not in text
    assert not [c for c in document.pages[0].chars if "Mongolian" in c["fontname"]]
    document.close()


def test_the_wizard_reopens_from_settings_on_the_stored_values(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    settings_service.complete_first_run(ui_context.database, settings_service.ProfileInput(
        name_zh="巴彦托海镇人民政府", township_type="zhen", default_prefix="巴政发",
        signer="其其格", issuing_authority="巴彦托海镇党政综合办公室"))
    page = SettingsPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    wizard = page.open_first_run_wizard()
    assert wizard is not None  # owned by the page, deleted once closed
    assert wizard.names.name_zh == "巴彦托海镇人民政府"
    assert wizard.names.township_type == "zhen"
    assert wizard.issuing.main_prefix == "巴政发"
    wizard.names.set_township_type("sumu")
    wizard.button(QWizard.WizardButton.NextButton).click()
    for _ in range(5):
        wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: page.names.township_type == "sumu", timeout=5000)
    assert settings_service.get_profile(ui_context.database).township_type == "sumu"


def test_header_preview_follows_the_typed_name(qtbot: QtBot, ui_context: UiContext) -> None:
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: "填写单位中文名称" in wizard.names.ui.headerPreview.text(),
                    timeout=5000)
    type_chinese(wizard.names.ui.nameZhEdit, SAMAJIE)
    qtbot.waitUntil(lambda: wizard.preview.image is not None, timeout=20_000)
    wizard.names.ui.nameZhEdit.clear()
    qtbot.waitUntil(lambda: wizard.preview.image is None, timeout=5000)


def test_saving_in_settings_renames_the_window(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    from nanmu_desktop.ui.main_window import SETTINGS, MainWindow

    settings_service.complete_first_run(ui_context.database, settings_service.ProfileInput(
        name_zh="巴彦托海镇人民政府", township_type="zhen", default_prefix="巴政发"))
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("巴彦托海镇容错纠错办理系统 — ")
    window.show_page(SETTINGS)
    page = window.page(SETTINGS)
    assert isinstance(page, SettingsPage)
    page.names.ui.nameZhEdit.clear()
    type_chinese(page.names.ui.nameZhEdit, "巴彦托海镇人民政府（试）")
    page.save_button.click()
    qtbot.waitUntil(lambda: "（试）" in window.windowTitle(), timeout=10_000)
