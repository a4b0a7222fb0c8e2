"""单位服务器 in the UI: the network-share warning does not block and names the README section;
设置 shows which database is used, the connection dialog tests in the background and keeps the
password in the pgpass file; 迁移到 a new file copies the office and reports the checks."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import answer_message_box
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.server_connection import forget_connection, saved_location
from nanmu_desktop.storage.db import open_database
from nanmu_desktop.storage.file_location import README_SECTION, network_warning
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.instance import show_open_warnings
from nanmu_desktop.ui.settings.first_run import FirstRunWizard
from nanmu_desktop.ui.settings.server import ServerDialog, ServerSection

MOUNTS = "/dev/sda1 / ext4 rw 0 0\n//nas/office /mnt/office cifs rw 0 0\n"


def test_the_share_warning_does_not_block(qtbot: QtBot, ui_context: UiContext) -> None:
    warning = network_warning(Path("/mnt/office/nanmu.sqlite3"), MOUNTS)
    assert warning is not None
    ui_context.database.warnings = (warning,)
    boxes = show_open_warnings(ui_context, None)
    assert len(boxes) == 1
    box = boxes[0]
    qtbot.waitExposed(box)
    assert not box.isModal() and README_SECTION in box.text()
    box.close()


def test_the_dialog_tests_in_the_background_and_saves_the_password_apart(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    dialog = ServerDialog(ui_context)
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setText("1")
    dialog.database.setText("office")
    dialog.user.setText("clerk")
    dialog.password.setText("s3cret")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=15_000)
    assert dialog.last_report is not None and dialog.last_report.kind == "unreachable"
    assert "无法连接服务器 127.0.0.1:1" in dialog.report_label.text()
    saved = answer_message_box(QMessageBox.StandardButton.Ok)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: saved.handled)
    location = saved_location()
    try:
        assert location is not None and "s3cret" not in location
        assert location.startswith("postgresql://clerk@127.0.0.1:1/office")
        passfile = Path(os.environ["NANMU_CONFIG_DIR"]) / "pgpass"
        assert passfile.read_text(encoding="utf-8").endswith(":s3cret\n")
    finally:
        forget_connection()


def test_migrating_to_a_new_file_from_settings(
    qtbot: QtBot, ui_context: UiContext, tmp_path: Path
) -> None:
    fill_demo(ui_context.database)
    parent = QWidget()
    qtbot.addWidget(parent)
    section = ServerSection(ui_context, QVBoxLayout(parent), parent)
    assert "本窗口使用" in section.status.text() and README_SECTION in section.status.text()
    target = tmp_path / "moved.sqlite3"
    done = answer_message_box(QMessageBox.StandardButton.Ok)
    section.migrate(str(target))
    qtbot.waitUntil(lambda: done.handled, timeout=60_000)
    assert section.last_result is not None and section.last_result.problems == ()
    assert "检查全部通过" in done.text
    moved = open_database(target, create=False)
    moved.close()



def test_the_first_run_offers_the_server(qtbot: QtBot, ui_context: UiContext) -> None:
    wizard = FirstRunWizard(ui_context)
    qtbot.addWidget(wizard)
    assert wizard.server_button.text().startswith("本单位已在服务器上办理")


def test_a_window_on_the_server_names_it_without_the_password(
    qtbot: QtBot, qt_settings: QSettings
) -> None:
    from db_backends import create_database, drop_database, new_database_name

    from nanmu_desktop.ui.settings.page import SettingsPage

    name = new_database_name("ui_server")
    url = make_url(create_database(name)).set(password="s3cret").render_as_string(False)
    context = UiContext(None, url, qt_settings)
    try:
        assert context.on_server and context.where.startswith("单位服务器 postgresql://")
        assert "s3cret" not in context.where and name in context.short_where
        assert context.db_path.parent.is_dir()  # this PC's folder for the lock and backups
        fill_demo(context.database)
        page = SettingsPage(context)
        qtbot.addWidget(page)
        assert context.where in page.server_section.status.text()
        assert page.data_ui.databaseEdit.text() == context.where
    finally:
        context.close_database()
        drop_database(name)
