"""Screenshots of the real application at 1366 × 768: the main pages (待办 first), 第十七条's
charts, a case's documents, a decided case's 送达 (tracking-notices), the 调查核实 dialog, every
step of the 认定向导, the first-run wizard, the 设置 tabs for people/units and regulation
versions, and a notice preview (for the README and for review).

Windows are grabbed with `QWidget.grab()`, so this works on the offscreen platform too.
Nothing is written to the database: the wizards are walked and then cancelled.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QSettings,
    QTemporaryDir,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.case_list import CaseQuery, list_cases
from nanmu_desktop.services.case_types import CaseSummary
from nanmu_desktop.services.issuing import list_documents
from nanmu_desktop.ui.common.context import UiContext

if TYPE_CHECKING:
    from nanmu_desktop.ui.settings.first_run import FirstRunWizard

WINDOW_SIZE = (1366, 768)
SETTLE_TIMEOUT_S = 30.0
SETTLE_MIN_S = 0.6  # debounced previews start after 300 ms; QPdfView paints pages in a thread
MAX_WIZARD_STEPS = 30
EXAMPLE_MONGOLIAN = "ᠰᠠᠮᠠᠵᠢᠶ᠎ᠡ ᠡᠸᠡᠩᠬᠢ ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠦ ᠰᠢᠶᠠᠩ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ"
# file name → page title in the navigation (main_window.PAGES), so each file shows its page
PAGE_FILES = (("main-due", "待办"), ("main-cases", "案件"), ("main-wizard", "认定向导"),
              ("main-articles", "条文"), ("main-documents", "文书"), ("main-settings", "设置"))
SETTINGS_TABS = (("科室与人员", "settings-people"), ("制度版本", "settings-versions"))


def _settle(context: UiContext, ready: Callable[[], bool] = lambda: True) -> None:
    """Let queued events, background renders and `ready()` finish (bounded)."""
    app = QApplication.instance()
    assert app is not None
    start = time.monotonic()
    while time.monotonic() - start < SETTLE_TIMEOUT_S:
        app.processEvents()
        settled = context.tasks.active_count == 0 and ready()
        if settled and time.monotonic() - start >= SETTLE_MIN_S:
            break
        time.sleep(0.01)
    for _ in range(3):
        app.processEvents()


def _save(widget: QWidget, folder: Path, name: str, written: list[Path]) -> None:
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"无法写入截图：{path}")
    written.append(path)


def _walk_wizard(wizard: QWizard, context: UiContext, folder: Path, prefix: str,
                 written: list[Path]) -> None:
    wizard.show()
    for step in range(1, MAX_WIZARD_STEPS + 1):
        _settle(context)
        _save(wizard, folder, f"{prefix}-{step:02d}", written)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        if not (next_button.isVisible() and next_button.isEnabled()):
            break
        wizard.next()
    wizard.hide()
    QWizard.reject(wizard)  # leave without the "discard changes?" question: nothing saved


def _settings_tabs(window: QWidget, context: UiContext, folder: Path,
                   written: list[Path]) -> None:
    """The people/units and regulation-version tabs of 设置."""
    from nanmu_desktop.ui.main_window import SETTINGS

    window.show_page(SETTINGS)  # type: ignore[attr-defined]
    tabs = window.page(SETTINGS).tabs  # type: ignore[attr-defined]
    for label, name in SETTINGS_TABS:
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == label))
        _settle(context)
        _save(window, folder, name, written)
    tabs.setCurrentIndex(0)


def _statistics_charts(window: QWidget, context: UiContext, folder: Path,
                       written: list[Path]) -> None:
    """第十七条's charts over the whole record, the first flagged row marked in red."""
    from nanmu_desktop.ui.main_window import STATISTICS

    page = window.show_page(STATISTICS)  # type: ignore[attr-defined]
    page.period.setCurrentIndex(page.period.findText("全部"))
    _settle(context)
    model = page.model
    flagged = [i for i in range(model.rowCount())
               if model.row_at(i).flagged and model.row_at(i).field is not None]
    if flagged:
        page.table.selectRow(flagged[0])
    page.views.setCurrentWidget(page.charts)
    _settle(context)
    assert window.stack.currentWidget() is page  # type: ignore[attr-defined]
    _save(window, folder, "statistics-charts", written)


def _investigation(window: QWidget, context: UiContext, cases: Sequence[CaseSummary], folder: Path,
                   written: list[Path]) -> None:
    """investigation.png: the 调查核实 dialog of an open case that has one, over the 认定向导
    page showing that case (only shown, then cancelled: nothing is written)."""
    from nanmu_desktop.services.investigations import get_investigation
    from nanmu_desktop.ui.main_window import WIZARD

    found = next((c for c in cases if c.status in ("investigating", "determining")
                  and get_investigation(context.database, c.id) is not None), None)
    if found is None:
        return
    page = window.show_page(WIZARD)  # type: ignore[attr-defined]
    page.select_case(found.id)
    dialog = page.open_investigation()
    _settle(context)
    dialog.move(window.geometry().center() - dialog.rect().center())
    _save(dialog, folder, "investigation", written)
    dialog.reject()


def _quiet_offscreen_notes(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform notes a window-manager feature it lacks on every dialog."""
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def _fill_example_township(wizard: FirstRunWizard) -> None:
    """What a neighbouring township would type (its approved Mongolian name pasted)."""
    wizard.names.ui.nameZhEdit.setText("萨马街鄂温克民族乡人民政府")
    wizard.names.ui.nameMnEdit.setText(EXAMPLE_MONGOLIAN)
    issuing = wizard.issuing.ui
    issuing.prefixEdit.setText("萨政发")
    issuing.signerEdit.setText("乌日娜")
    issuing.authorityEdit.setText("萨马街鄂温克民族乡党政综合办公室")
    issuing.ccEdit.setText("阿荣旗司法局、萨马街鄂温克民族乡纪委")
    row = [kind.value for kind in DocumentKind].index(DocumentKind.notification.value)
    item = issuing.prefixTable.item(row, 1)
    if item is not None:
        item.setText("萨政告")


def take_screenshots(db_path: Path, folder: Path) -> list[Path]:
    """Write the PNGs into `folder` and return their paths, in the order taken."""
    from nanmu_desktop.ui.app import create_application
    from nanmu_desktop.ui.main_window import DOCUMENTS, PAGES, TRACKING, MainWindow
    from nanmu_desktop.ui.settings.first_run import FirstRunWizard
    from nanmu_desktop.ui.wizard import DeterminationWizard

    qInstallMessageHandler(_quiet_offscreen_notes)
    create_application(["nanmu-desktop"])
    folder.mkdir(parents=True, exist_ok=True)
    scratch = QTemporaryDir()  # window state of this run must not touch the clerk's settings
    settings = QSettings(scratch.filePath("screenshots.ini"), QSettings.Format.IniFormat)
    context = UiContext(None, db_path, settings)
    written: list[Path] = []
    try:
        # The first run as a new township sees it: a scratch database, example values typed.
        new_township = UiContext(None, Path(scratch.filePath("new.sqlite3")), settings)
        try:
            first_run = FirstRunWizard(new_township)
            _fill_example_township(first_run)
            _walk_wizard(first_run, new_township, folder, "first-run", written)
        finally:
            new_township.tasks.shutdown()
            new_township.database.close()

        window = MainWindow(context)
        window.resize(*WINDOW_SIZE)
        window.show()
        titles = [entry.title for entry in PAGES]
        for name, title in PAGE_FILES:
            window.show_page(titles.index(title))
            # the file must show the page its name says (the navigation may add a count)
            current = window.navigation.currentItem()
            assert current is not None and current.text().startswith(title), name
            _settle(context)
            _save(window, folder, name, written)
        _settings_tabs(window, context, folder, written)
        _statistics_charts(window, context, folder, written)

        cases = list_cases(context.database, CaseQuery(limit=200)).rows
        decided = next((c for c in cases if c.outcome == "exempt"), None)
        if decided is not None:
            window.show_page(DOCUMENTS)
            documents = window.page(DOCUMENTS)
            documents.show_case(decided.id, DocumentKind.exemption_decision)  # type: ignore[attr-defined]
            preview = documents.preview  # type: ignore[attr-defined]
            _settle(context, lambda: preview.document.pageCount() > 0)
            _save(window, folder, "notice-preview", written)

        issued = Counter(d.case_id for d in list_documents(context.database) if d.case_id)
        if issued:
            tracking = window.show_page(TRACKING)
            tracking.select_case(issued.most_common(1)[0][0])  # type: ignore[attr-defined]
            tracking.show_tab("documents")  # type: ignore[attr-defined]
            _settle(context)
            _save(window, folder, "case-documents", written)

        # 告知与公开 of a decided case partly served: who is served, who is not yet (第十三条).
        serving = next((c for c in cases if c.status == "decided"), None)
        if serving is not None:
            tracking = window.show_page(TRACKING)
            tracking.select_case(serving.id)  # type: ignore[attr-defined]
            tracking.show_tab("notices")  # type: ignore[attr-defined]
            _settle(context)
            _save(window, folder, "tracking-notices", written)

        _investigation(window, context, cases, folder, written)
        open_case = next((c for c in cases if c.status in ("registered", "investigating",
                                                              "determining")), None)
        if open_case is not None:
            wizard = DeterminationWizard(context, open_case.id, parent=window)
            _walk_wizard(wizard, context, folder, "wizard", written)
        window.close()
    finally:
        context.tasks.shutdown()
        if context.database_open:
            context.database.close()
    return written
