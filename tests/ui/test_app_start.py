"""Start-up: Chinese Qt texts and font, unusable database, first run, the main window, bug box."""

from __future__ import annotations

import sys
from contextlib import closing
from datetime import date

import pytest
from helpers import ModalAnswer, answer_message_box
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from nanmu_desktop.services.due import list_due
from nanmu_desktop.ui import app as app_module
from nanmu_desktop.ui.main_window import CASES, DUE, MainWindow

Ok = QMessageBox.StandardButton.Ok


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_application_speaks_chinese_and_renders_it(qapp):
    application = app_module.create_application(sys.argv)
    assert application is qapp
    assert application.applicationDisplayName() == "容错纠错办理系统"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QFontMetrics(application.font()).inFont("容")


def test_the_ui_font_is_a_simplified_chinese_family_not_any_cjk_fallback(qapp):
    from nanmu_desktop.ui.common.fonts import SYSTEM_UI_FAMILIES, ensure_chinese_font

    family = ensure_chinese_font(qapp)
    # On this test machine only Droid Sans Fallback (Traditional-style punctuation) may be
    # installed: the bundled Noto Sans SC must win over it.
    assert family in (*SYSTEM_UI_FAMILIES, "Noto Sans SC")
    assert qapp.font().families()[0] == family


def test_a_file_that_is_not_a_database_is_refused_with_exit_2(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    bogus = tmp_path / "案件.sqlite3"
    bogus.write_text("这不是数据库", encoding="utf-8")
    box = answer_message_box(Ok)
    assert app_module.run(bogus) == 2
    assert box.handled and str(bogus) in box.text
    assert bogus.read_text(encoding="utf-8") == "这不是数据库"  # left untouched


def test_new_database_shows_first_run_and_cancel_ends_start_up(qtbot, db_path, settings):
    wizard_seen = ModalAnswer(QWizard, lambda wizard: wizard.reject())
    assert app_module.start(db_path, settings) is None
    assert wizard_seen.handled
    assert not any(
        isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_prepared_database_opens_the_main_window(qtbot, db_path, settings):
    from nanmu_desktop.services.demo import fill_demo
    from nanmu_desktop.storage.db import open_database

    database = open_database(db_path)
    fill_demo(database)
    database.close()
    window = app_module.start(db_path, settings)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        qtbot.waitExposed(window)
        assert type(window.current_page()).__name__ == "DuePage"  # 待办 is the start page
        cases = window.page(CASES)
        assert cases.model.total >= 12
        assert cases.count_label.text() == f"共 {cases.model.total} 件"
    finally:
        window.close()
        window.context.database.close()


def test_unexpected_error_is_logged_and_told_in_chinese(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    box = answer_message_box(Ok)
    try:
        raise RuntimeError("模拟的程序错误")
    except RuntimeError as err:
        app_module.report_unexpected(type(err), err, err.__traceback__)
    assert box.handled and "程序出现意外错误" in box.text
    logs = list(tmp_path.rglob(app_module.ERROR_LOG_NAME))
    assert len(logs) == 1 and "RuntimeError: 模拟的程序错误" in logs[0].read_text("utf-8")
    assert str(logs[0]) in box.text


def test_the_error_log_goes_beside_the_database_in_use(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.setattr(app_module, "_log_folder", tmp_path / "office")
    (tmp_path / "office").mkdir()
    box = answer_message_box(Ok)
    try:
        raise RuntimeError("模拟的程序错误")
    except RuntimeError as err:
        app_module.report_unexpected(type(err), err, err.__traceback__)
    assert box.handled
    assert (tmp_path / "office" / app_module.ERROR_LOG_NAME).exists()
    assert not list((tmp_path / "user-data").rglob(app_module.ERROR_LOG_NAME))


def test_run_paints_the_window_then_opens_the_database(qtbot, db_path, monkeypatch):
    from nanmu_desktop.services.demo import fill_demo
    from nanmu_desktop.storage.db import open_database

    database = open_database(db_path)
    fill_demo(database)
    database.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: dict[str, object] = {}
    prepare = app_module.prepare_database

    def watched_prepare(context, window):
        # The moment the database is about to open: no login and no wizard, so the window and
        # its start page (待办, read from the file with plain sqlite3) are already on screen.
        seen["frame"] = (window.isVisible(), window.splitter.isEnabled(), context.database_open)
        seen["due_rows"] = window.page(DUE).table.rowCount()
        ready = prepare(context, window)
        QTimer.singleShot(0, lambda: close_when_listed(window))
        return ready

    def close_when_listed(window):
        seen["count"] = window.page(CASES).count_label.text()
        window.close()

    monkeypatch.setattr(app_module, "prepare_database", watched_prepare)
    assert app_module.run(db_path) == 0
    assert list((db_path.parent / "自动备份").glob("*.sqlite3"))  # the backup on exit
    assert not (db_path.parent / (db_path.name + ".nanmu-lock")).exists()  # released
    assert seen["frame"] == (True, True, False)
    assert seen["count"] == "共 12 件"
    with closing(open_database(db_path)) as database:
        assert seen["due_rows"] == len(list_due(database, date.today()))


def test_unexpected_error_without_stderr_is_still_logged_and_told(qtbot, tmp_path, monkeypatch):
    # The windowed Windows executable has no console: sys.stderr is None there.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stderr", None)
    box = answer_message_box(Ok)
    try:
        raise KeyError("窗口程序中的错误")
    except KeyError as err:
        app_module.report_unexpected(type(err), err, err.__traceback__)
    assert box.handled and "程序出现意外错误" in box.text
    logs = list(tmp_path.rglob(app_module.ERROR_LOG_NAME))
    assert len(logs) == 1 and "KeyError: '窗口程序中的错误'" in logs[0].read_text("utf-8")


def test_the_application_and_its_windows_carry_the_app_icon(qapp):
    application = app_module.create_application(sys.argv)
    sizes = {size.width() for size in application.windowIcon().availableSizes()}
    assert set(app_module.ICON_SIZES) <= sizes
    assert application.desktopFileName() == "nanmu-desktop"  # the .deb's desktop entry
