"""设置 › 科室与人员 and 设置 › 制度版本 driven with real widgets: departments added, renamed in
place, retired and merged; officers with 执法证 validity; Excel import with the per-row report;
QCollator's order equal to the core's pinyin order; a township's regulation imported after its
diff was shown, and one whose 第十条 differs marked as unusable for determinations."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest
from helpers import ModalAnswer, answer_message_box, type_chinese
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.services.officers import OfficerInput, add_officer, list_officers
from nanmu_desktop.services.people import department_by_name
from nanmu_desktop.services.regulations import list_versions
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.settings.page import SettingsPage
from nanmu_desktop.ui.settings.people import chinese_collator, sort_by_name
from nanmu_desktop.ui.settings.regulation_import_dialog import RegulationImportDialog
from tests.services.regulation_fixtures import neighbour_text, write_docx
from tests.services.test_people_excel import OFFICERS, people_workbook

SAMPLE = ["张伟", "赵敏", "阿斯楞", "巴特尔", "莫日根", "关永军", "王立新", "李娜", "乌力吉",
          "陈晓", "白音", "柏林", "刘晓伟", "刘小伟", "吴昊", "章伟", "张三", "综合行政执法办公室",
          "党政综合办公室", "经济发展办公室（农牧业）", "应急管理和安全生产办公室"]


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext) -> SettingsPage:
    widget = SettingsPage(ui_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    return widget


def column(table: object, col: int = 0) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_qcollator_and_the_core_pinyin_key_agree(qtbot: QtBot) -> None:
    collator = chinese_collator()
    by_qt = sorted(SAMPLE, key=functools.cmp_to_key(collator.compare))
    assert by_qt == sorted(SAMPLE, key=pinyin_key)


def test_departments_add_rename_retire_merge(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext
) -> None:
    section = page.people
    page.tabs.setCurrentWidget(section)
    names = column(section.department_table)
    assert len(names) == 6 and names == sorted(names, key=pinyin_key)
    type_chinese(section.new_department_edit, "林草执法中队")
    section.add_department_button.click()
    assert "林草执法中队" in column(section.department_table)
    row = column(section.department_table).index("林草执法中队")
    section.department_table.item(row, 0).setText("林草中队")
    assert "林草中队" in column(section.department_table)
    # retire: off the officer form's picker, still listed with its state
    row = column(section.department_table).index("林草中队")
    section.department_table.setCurrentCell(row, 0)
    section.retire_department_button.click()
    assert section.department_table.item(row, 1).text() == "停用"
    combo = section.department_combo
    pickable = [combo.itemText(i) for i in range(combo.count())]
    assert "林草中队" not in pickable
    # merge 林草中队 into 综合行政执法办公室 (its officer moves)
    moved = add_officer(ui_context.database, OfficerInput(
        "乌力吉", department_by_name(ui_context.database, "林草中队").id))
    section.refresh()
    section.department_table.setCurrentCell(column(section.department_table).index("林草中队"), 0)

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("综合行政执法办公室")
        dialog.accept()

    chooser = ModalAnswer(QInputDialog, choose)
    confirm = answer_message_box(QMessageBox.StandardButton.Ok)
    section.merge_department_button.click()
    assert chooser.handled and confirm.handled and "随后删除" in confirm.text
    assert "林草中队" not in column(section.department_table)
    officer = next(o for o in list_officers(ui_context.database) if o.id == moved.id)
    assert officer.department_name == "综合行政执法办公室"


def test_officers_added_with_badge_validity_retired_and_imported(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext, tmp_path: Path
) -> None:
    section = page.people
    type_chinese(section.name_edit, "莫日根")
    section.department_combo.setCurrentIndex(1)
    section.badge_edit.setText("15-0783-00125")
    section.valid_check.setChecked(True)
    section.valid_edit.setDate(QDate(2027, 12, 31))
    section.add_officer_button.click()
    assert column(section.officer_table) == ["莫日根"]
    assert section.officer_table.item(0, 4).text() == "2027-12-31"
    section.officer_table.setCurrentCell(0, 0)
    section.retire_officer_button.click()
    assert section.officer_table.item(0, 5).text() == "停用"
    assert list_officers(ui_context.database) == []

    bad = people_workbook(tmp_path / "人员.xlsx",
                          [*OFFICERS, ("", "", "", "", "证号 1", None, "")])
    refused = answer_message_box(QMessageBox.StandardButton.Cancel)
    assert section.import_from(bad) is None
    assert refused.handled and "执法人员 第5行" in refused.text
    assert column(section.officer_table) == ["莫日根"]  # nothing written
    accepted = answer_message_box(QMessageBox.StandardButton.Ok)
    result = section.import_from(bad)
    assert accepted.handled and result is not None and result.officers_added == 3
    assert (tmp_path / "人员-错误报告.txt").read_text(encoding="utf-8").count("第5行") == 2
    names = column(section.officer_table)
    assert names == sorted(names, key=pinyin_key) == ["阿斯楞", "巴特尔", "莫日根", "张伟"]
    assert sort_by_name(list_officers(ui_context.database, include_inactive=True)) == \
        list_officers(ui_context.database, include_inactive=True)
    section.export_to(tmp_path / "out.xlsx")
    section.save_template(tmp_path / "模板.xlsx")
    assert (tmp_path / "out.xlsx").stat().st_size and (tmp_path / "模板.xlsx").stat().st_size


def test_a_regulation_is_imported_after_its_diff_is_shown(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext, tmp_path: Path
) -> None:
    section = page.regulations
    page.tabs.setCurrentWidget(section)
    assert column(section.table) == ["2024-127"]
    seen: dict[str, object] = {}

    def save(dialog: QDialog) -> None:
        assert isinstance(dialog, RegulationImportDialog)
        seen["state"] = dialog.state_label.text()
        seen["rows"] = [dialog.diff_table.item(r, 1).text()
                        for r in range(dialog.diff_table.rowCount())]
        seen["own"] = dialog.own_text.toPlainText()
        dialog.save_button.click()

    answer = ModalAnswer(RegulationImportDialog, save)
    version = section.import_file(write_docx(tmp_path / "own.docx", neighbour_text()))
    assert answer.handled and version == "2025-12"
    assert "可以用于认定" in str(seen["state"])
    assert seen["rows"].count("文字不同") == 2 and "萨马街" in str(seen["own"])  # type: ignore[union-attr]
    assert column(section.table) == ["2024-127", "2025-12"]
    assert section.table.item(1, 6).text() == "可以"

    def later(dialog: QDialog) -> None:
        assert isinstance(dialog, RegulationImportDialog)
        seen["state"] = dialog.state_label.text()
        dialog.version_edit.setText("2025-40")
        dialog.effective_edit.setDate(QDate(2025, 9, 1))
        dialog.save_button.click()

    answer = ModalAnswer(RegulationImportDialog, later)
    mismatched = write_docx(tmp_path / "own2.docx", neighbour_text(drop_art10_item=True))
    assert section.import_file(mismatched) == "2025-40"
    assert "第十条第一款有7项，认定规则需要8项" in str(seen["state"])
    assert section.table.item(2, 6).text() == "不能：第十条第一款有7项，认定规则需要8项"
    stored = {v.version: v for v in list_versions(ui_context.database)}
    assert stored["2025-40"].effective_date == date(2025, 9, 1)

    refused = answer_message_box(QMessageBox.StandardButton.Ok)
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    assert section.import_file(tmp_path / "x.pdf") is None
    assert refused.handled and ".docx" in refused.text
