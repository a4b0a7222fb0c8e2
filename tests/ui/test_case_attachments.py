"""Attachments in the case form: added in the background, opened from a temp copy, removed."""

from __future__ import annotations

import hashlib

import pytest
from helpers import answer_message_box, make_cases
from PySide6.QtWidgets import QMessageBox

from nanmu_desktop.services.cases import get_case
from nanmu_desktop.ui.cases.page import CasesPage
from nanmu_desktop.ui.common.attachments_panel import write_for_viewing
from nanmu_desktop.ui.common.context import UiContext


@pytest.fixture
def form(qtbot, ui_context: UiContext):
    case_id = make_cases(ui_context.database, 1)[0]
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    return page.open_case(case_id)


def test_files_are_added_opened_and_removed(qtbot, form, tmp_path):
    scan = tmp_path / "关某某容错申请.pdf"
    scan.write_bytes(b"%PDF-1.4 application scan")
    notice = tmp_path / "县局数据延迟说明.txt"
    notice.write_text("许可证数据延迟两天同步", encoding="utf-8")
    panel = form.attachments
    panel.add_files([scan, notice])
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)
    assert [panel.table.item(r, 0).text() for r in range(2)] == [scan.name, notice.name]
    case = get_case(form.context.database, form.case_id)
    assert case.attachments[0].sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()

    opened = write_for_viewing(form.context, case.attachments[1].id)
    assert opened.name == notice.name and opened.read_bytes() == notice.read_bytes()

    panel.table.selectRow(0)
    box = answer_message_box(QMessageBox.StandardButton.Cancel)
    panel.remove_selected()
    assert box.handled and scan.name in box.text
    assert panel.table.rowCount() == 2  # 取消 keeps it
    box = answer_message_box(QMessageBox.StandardButton.Ok)
    panel.remove_selected()
    assert box.handled and panel.table.rowCount() == 1
    assert [a.file_name for a in get_case(form.context.database, form.case_id).attachments] == [
        notice.name
    ]
    assert form.history.table.rowCount() == 1  # history reloads only on save; the case is intact


def test_unreadable_file_reports_in_chinese(qtbot, form, tmp_path):
    box = answer_message_box(QMessageBox.StandardButton.Ok)
    form.attachments.add_files([tmp_path / "不存在.pdf"])
    qtbot.waitUntil(lambda: box.handled, timeout=5000)
    assert "无法读取文件" in box.text
    assert form.attachments.table.rowCount() == 0


def test_a_new_case_is_saved_before_attaching(qtbot, ui_context):
    make_cases(ui_context.database, 1)
    page = CasesPage(ui_context)
    qtbot.addWidget(page)
    form = page.new_case()
    panel = form.attachments
    assert not panel.add_button.isEnabled() and not panel.save_button.isHidden()
    panel.save_button.click()  # nothing entered: refused, stays a new case
    assert form.case_id is None and not panel.add_button.isEnabled()
