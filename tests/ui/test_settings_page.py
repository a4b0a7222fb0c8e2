"""设置: the profile round-trips through the service, fonts per role, and 备份."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import answer_message_box, type_chinese
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.documents.fonts import BUNDLED, FontRole, fonts_dir
from nanmu_desktop.services import font_choice
from nanmu_desktop.services import settings as settings_service
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.settings import ProfileInput, get_profile
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.settings.page import SettingsPage


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext) -> SettingsPage:
    settings_service.complete_first_run(ui_context.database, ProfileInput(
        name_zh="扎兰屯市南木鄂伦春民族乡人民政府", signer="刘晓伟",
        issuing_authority="南木鄂伦春民族乡党政综合办公室", default_cc=("扎兰屯市司法局",)))
    widget = SettingsPage(ui_context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_profile_round_trip(qtbot: QtBot, page: SettingsPage, ui_context: UiContext) -> None:
    assert page.names.name_zh == "扎兰屯市南木鄂伦春民族乡人民政府"
    assert page.issuing.ui.ccEdit.text() == "扎兰屯市司法局"
    assert not page.save_button.isEnabled()
    page.issuing.ui.signerEdit.clear()
    type_chinese(page.issuing.ui.signerEdit, "孟凡军")
    page.issuing.ui.prefixEdit.clear()
    type_chinese(page.issuing.ui.prefixEdit, "南政发")
    page.issuing.apply_prefix_to_all()
    page.rules.ui.workingRadio.setChecked(True)
    assert page.has_unsaved_changes and page.save_button.isEnabled()
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.has_unsaved_changes, timeout=10_000)
    stored = settings_service.get_profile(ui_context.database)
    assert stored.signer == "孟凡军"
    assert stored.prefix_for("rectification-order") == "南政发"
    assert stored.day_counting == "working"
    # a fresh page shows what was stored
    again = SettingsPage(ui_context)
    qtbot.addWidget(again)
    assert again.issuing.ui.signerEdit.text() == "孟凡军"
    assert again.issuing.main_prefix == "南政发"
    assert again.rules.ui.workingRadio.isChecked()


def test_letter_series_and_the_letter_choice_are_shown_and_saved(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext
) -> None:
    table = page.issuing.ui.prefixTable
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    # Empty: the letters follow the 代字 for all kinds in its 函 form (鄂政发 → 鄂政函).
    assert rows["信访举报调查结果反馈函（信函）"] == ""
    assert rows["容错认定结果告知书（致当事人，信函）"] == ""
    assert get_profile(ui_context.database).prefix_for("report-feedback") == "鄂政函"
    assert "容错纠错认定审批表" not in rows  # an internal form: no 文号
    assert page.issuing.ui.letterCheck.isChecked()
    page.issuing.ui.prefixEdit.clear()
    type_chinese(page.issuing.ui.prefixEdit, "南政发")
    page.issuing.apply_prefix_to_all()
    page.issuing.ui.letterCheck.setChecked(False)
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.has_unsaved_changes, timeout=10_000)
    stored = settings_service.get_profile(ui_context.database)
    assert stored.prefix_for("report-feedback") == "南政函"
    assert stored.prefix_for("exemption-decision") == "南政发"
    assert not stored.notification_to_party_as_letter


def test_revert_restores_the_stored_values(page: SettingsPage) -> None:
    page.names.ui.nameZhEdit.clear()
    assert page.has_unsaved_changes
    page.revert_button.click()
    assert page.names.name_zh == "扎兰屯市南木鄂伦春民族乡人民政府"
    assert not page.has_unsaved_changes


def test_an_empty_name_is_refused_next_to_the_field(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext
) -> None:
    page.names.ui.nameZhEdit.clear()
    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    page.save_button.click()
    qtbot.waitUntil(lambda: answer.handled, timeout=10_000)
    assert "单位名称" in answer.text
    assert page.names.ui.nameZhError.text() != ""
    assert settings_service.get_profile(ui_context.database).name_zh != ""


def test_font_file_per_role_and_substitute_warning(
    page: SettingsPage, ui_context: UiContext, tmp_path: Path
) -> None:
    table = page.fonts_ui.fontTable
    assert table.rowCount() == len(FontRole)
    bundled = font_choice.fonts_for(ui_context.database)
    if any(f.substitute for f in bundled.roles.values()):
        assert "替代字体" in page.fonts_ui.substituteWarning.text()
    row = list(FontRole).index(FontRole.HEITI)
    chosen = fonts_dir() / BUNDLED[FontRole.KAITI][0]  # a real TrueType file of another role
    table.setCurrentCell(row, 0)
    page.set_font_file(FontRole.HEITI, chosen)
    assert font_choice.font_files(ui_context.database) == {FontRole.HEITI: chosen}
    assert table.item(row, 2).text() == "已指定"
    assert table.item(row, 3).text() == str(chosen)
    # A 楷体 file chosen for 黑体 is of another design: the warning names the stand-in.
    assert "黑体以" in page.fonts_ui.substituteWarning.text()
    assert "代用" in page.fonts_ui.substituteWarning.text()
    assert page.fonts_ui.specimenView.font().family() != ""

    not_a_font = tmp_path / "假字体.ttf"
    not_a_font.write_bytes(b"this is not a font")
    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    page.set_font_file(FontRole.KAITI, not_a_font)
    assert answer.handled and "字体" in answer.text
    assert FontRole.KAITI not in font_choice.font_files(ui_context.database)

    page.fonts_ui.resetFontButton.click()  # the current row is still 黑体
    assert font_choice.font_files(ui_context.database) == {}


def test_backup_copies_the_database(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext, tmp_path: Path
) -> None:
    fill_demo(ui_context.database, force=True)
    folder = tmp_path / "U盘" / "备份"
    folder.mkdir(parents=True)
    page.data_ui.backupFolderEdit.setText(str(folder))
    page.data_ui.backupButton.click()
    qtbot.waitUntil(lambda: "已于" in page.data_ui.backupStatus.text(), timeout=20_000)
    copies = list(folder.glob("*.sqlite3"))
    assert len(copies) == 1 and not list(folder.glob("*.part"))
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM cases").fetchone()[0] == 12
    assert ui_context.settings.value("backup/folder") == str(folder)


def test_backup_without_a_folder_says_what_to_do(qtbot: QtBot, page: SettingsPage) -> None:
    page.data_ui.backupFolderEdit.clear()
    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    page.data_ui.backupButton.click()
    assert answer.handled and "备份文件夹" in answer.text


def test_closing_with_unsaved_edits_asks_and_saves(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext
) -> None:
    page.issuing.ui.authorityEdit.clear()
    type_chinese(page.issuing.ui.authorityEdit, "南木鄂伦春民族乡人民政府办公室")
    cancel = answer_message_box(QMessageBox.StandardButton.Cancel)
    assert not page.may_close()
    assert cancel.handled and "单位信息" in cancel.text
    save = answer_message_box(QMessageBox.StandardButton.Save)
    assert page.may_close()
    assert save.handled
    stored = settings_service.get_profile(ui_context.database)
    assert stored.issuing_authority == "南木鄂伦春民族乡人民政府办公室"
    assert not page.has_unsaved_changes


def test_rule_options_show_their_defaults_and_save_at_once(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext
) -> None:
    from nanmu_desktop.services.rule_options import get_rule_options

    page.tabs.setCurrentWidget(page.rule_options)
    section = page.rule_options
    assert section.art10_tolerance.isChecked() and not section.notify_all.isChecked()
    section.notify_all.click()  # as Alt+N or a click on it does
    options = get_rule_options(ui_context.database)
    assert options.notify_all_outcomes and options.art10_leniency_is_tolerance
