"""Desktop start-up: QApplication, Chinese texts and font, the database, first run, main window."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from nanmu_desktop import __version__
from nanmu_desktop.errors import DatabaseOpenError
from nanmu_desktop.paths import APP_AUTHOR, APP_NAME, resources_dir, user_data_dir
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import show_error
from nanmu_desktop.ui.common.fonts import ensure_chinese_font
from nanmu_desktop.ui.common.input_method import (
    FOCUS_DUMP_VARIABLE,
    choose_input_method,
    start_focus_dump,
)
from nanmu_desktop.ui.common.instance import (
    backup_on_exit,
    show_open_warnings,
    start_automatic_backups,
    take_instance_lock,
)
from nanmu_desktop.ui.main_window import APP_TITLE, MainWindow

if TYPE_CHECKING:
    from nanmu_desktop.storage.instance_lock import InstanceLock

ERROR_LOG_NAME = "error.log"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_TRANSLATOR_NAME = "nanmu_qt_translator"


def create_application(argv: list[str]) -> QApplication:
    """The QApplication (reused if one exists), named, in Chinese, with a Chinese-capable font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scale factors (125 %, 150 %) are common on Windows laptops: no rounding.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        if sys.platform.startswith("linux"):
            choose_input_method()  # fcitx5 on UOS/Kylin: a plugin that reaches it
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    # Linux docks match the window to the installed nanmu-desktop.desktop (its icon and name)
    app.setDesktopFileName("nanmu-desktop")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_qt_translations(app)
    ensure_chinese_font(app)
    return app


def app_icon() -> QIcon:
    """The app icon (resources/icons, drawn by scripts/make_icon.py) in every size Qt may want."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"nanmu-{size}.png"))
    return icon


def install_qt_translations(app: QApplication) -> bool:
    """Qt's own texts (file, print and page-setup dialogs, context menus, standard buttons) in
    Simplified Chinese: Qt's translations from its wheel, then ours (resources/translations)
    for the strings Qt's lack, searched first. True when Qt's own were found."""
    if app.findChild(QTranslator, _TRANSLATOR_NAME) is not None:
        return True  # already installed (create_application called again)
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = False
    # qt_zh_CN bundles every module's file; the Essentials wheel lacks some, so it may not
    # load where qtbase_zh_CN (all the widgets and dialogs) does.
    for name, where in (("qt", folder), ("qtbase", folder),
                        ("nanmu_qt", str(resources_dir() / "translations"))):
        translator = QTranslator(app)
        if translator.load(chinese, name, "_", where) and app.installTranslator(translator):
            translator.setObjectName(_TRANSLATOR_NAME if name == "nanmu_qt" else name)
            found = found or name != "nanmu_qt"
        else:
            translator.deleteLater()
    return found


_log_folder: Path | None = None  # beside the database in use, once it is known


def error_log_path() -> Path:
    """The error log beside the database in use (`--db` included), else in the user data folder."""
    return (_log_folder or user_data_dir()) / ERROR_LOG_NAME


def report_unexpected(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Last resort for a bug: log the traceback to a file and tell the clerk in Chinese.

    The log comes first: the windowed Windows executable has no stderr (sys.stderr is None),
    so nothing may stop the file and the message box from happening.
    """
    details = "".join(traceback.format_exception(kind, error, tb))
    try:
        log_path = error_log_path()  # beside the database in use
        with log_path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}")
        where = f"详细信息已记入：{log_path}"
    except OSError:
        where = "详细信息未能写入日志文件。"
    if sys.stderr is not None:  # a closed or broken console must not hide the message box
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(details)
    show_error(None, f"程序出现意外错误，刚才的操作可能没有完成。\n{where}", "意外错误")


class _AfterFirstPaint(QObject):
    """Calls `then` once, right after `window` (or anything in it) has first been painted."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            app = QApplication.instance()
            assert app is not None
            app.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once, right after `window` (or anything in it) is next painted."""
    _AfterFirstPaint(window, then)


def prepare_database(context: UiContext, parent: QWidget | None) -> bool:
    """Open the database, ask for a login once it has users, and on a new one run the
    first-run wizard.

    Raises DatabaseOpenError when the file cannot be used; False when the login or the wizard
    was cancelled.
    """
    from nanmu_desktop.services.settings import is_first_run
    from nanmu_desktop.ui.common.login_dialog import log_in_if_needed

    if not log_in_if_needed(context, parent):
        return False

    if not is_first_run(context.database):
        return True
    from nanmu_desktop.ui.settings.first_run import run_first_run_if_needed  # rarely needed: lazy

    return run_first_run_if_needed(context, parent)


def start(db_path: Path, settings: QSettings | None = None) -> MainWindow | None:
    """Open the database, run the first-run wizard if needed, show the main window — in one go
    (tests and benchmarks; `run` paints the window first).

    Raises DatabaseOpenError when the file cannot be used; returns None when the first-run
    wizard is cancelled. The caller closes `window.context.database` when done.
    """
    context = UiContext(None, db_path, settings if settings is not None else QSettings())
    if not prepare_database(context, None):
        context.database.close()
        return None
    window = MainWindow(context)
    window.show()
    return window


def run(db_path: Path | str) -> int:
    """The desktop app's entry point (the CLI calls it when no subcommand is given).

    The window is painted first; the database layer (the slow imports) loads right after, so
    the clerk sees the application at once. Exit status: 0 after a normal quit or a cancelled
    first run, 2 when the database cannot be opened.
    """
    global _log_folder
    app = create_application(sys.argv)
    sys.excepthook = report_unexpected
    if os.environ.get(FOCUS_DUMP_VARIABLE):
        start_focus_dump(app, os.environ[FOCUS_DUMP_VARIABLE])
    context = UiContext(None, db_path, QSettings())
    _log_folder = context.db_path.resolve().parent
    window = MainWindow(context, open_first_page=False)
    lock: list[InstanceLock] = []

    def finish_start() -> None:
        held = take_instance_lock(context, window)
        if held is None and not context.read_only:
            app.exit(0)
            return
        if held is not None:
            lock.append(held)

        def opened() -> bool:
            try:
                ready = prepare_database(context, window)
            except DatabaseOpenError as err:
                show_error(window, err, "无法打开数据库")
                app.exit(2)
                return False
            if not ready:
                app.exit(0)
            return ready

        def started() -> None:
            show_open_warnings(context, window)
            if held is not None:
                start_automatic_backups(context, held, window)

        def prepare() -> bool:
            if not opened():
                return False
            started()
            return True

        if isinstance(context.location, Path):
            from nanmu_desktop.services.due_light import opens_without_dialogs

            if opens_without_dialogs(context.location):
                # No login, no wizard: the start page read from the file is painted before
                # the database layer loads (~0.5 s); `prepare` opens it right after.
                window.database_ready(prepare)
                return
        if opened():
            window.database_ready()
            started()

    _AfterFirstPaint(window, finish_start)
    window.show()
    try:
        return app.exec()
    finally:
        window.hide()
        window.deleteLater()
        if context.database_open and lock:
            backup_on_exit(context)
        if context.database_open:
            context.database.close()
        for held_lock in lock:
            held_lock.release()
        _log_folder = None
