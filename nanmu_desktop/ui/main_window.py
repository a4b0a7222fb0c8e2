"""The main window: navigation pane, lazily created pages, menus, status bar, remembered geometry.

Pages are listed once in `PAGES`, each with a function that imports its class when the page is
first shown, so start-up pays for the first page alone. A page may offer any of these methods,
which the window's actions call when that page is current: `refresh()` (F5), `focus_search()`
(Ctrl+F), `print_current()` (Ctrl+P), `select_case(case_id)` (the case to work on).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from nanmu_desktop.domain.township import PRODUCT_NAME
from nanmu_desktop.ui.common.actions import MENUS, ActionId, ActionRegistry
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import show_info

APP_TITLE = PRODUCT_NAME  # neutral until the township's profile is read (refresh_title)

PageClass = Callable[[UiContext], QWidget]  # a page is built from the context


def _due() -> PageClass:
    from nanmu_desktop.ui.due.page import DuePage

    return DuePage


def _cases() -> PageClass:
    from nanmu_desktop.ui.cases.page import CasesPage

    return CasesPage


def _wizard() -> PageClass:
    from nanmu_desktop.ui.wizard.page import DeterminationPage

    return DeterminationPage


def _tracking() -> PageClass:
    from nanmu_desktop.ui.tracking.page import TrackingPage

    return TrackingPage


def _petitions() -> PageClass:
    from nanmu_desktop.ui.petitions.page import PetitionsPage

    return PetitionsPage


def _statistics() -> PageClass:
    from nanmu_desktop.ui.statistics.page import StatisticsPage

    return StatisticsPage


def _articles() -> PageClass:
    from nanmu_desktop.ui.articles.page import ArticlesPage

    return ArticlesPage


def _documents() -> PageClass:
    from nanmu_desktop.ui.documents.page import DocumentsPage

    return DocumentsPage


def _settings() -> PageClass:
    from nanmu_desktop.ui.settings.page import SettingsPage

    return SettingsPage


@dataclass(frozen=True)
class PageEntry:
    title: str
    name: str  # the room, also the page's object name `page_<name>`
    page_class: Callable[[], PageClass]  # imports the page on first use
    action: ActionId


PAGES: tuple[PageEntry, ...] = (
    PageEntry("待办", "due", _due, ActionId.PAGE_DUE),
    PageEntry("案件", "cases", _cases, ActionId.PAGE_CASES),
    PageEntry("认定向导", "wizard", _wizard, ActionId.PAGE_WIZARD),
    PageEntry("办理跟踪", "tracking", _tracking, ActionId.PAGE_TRACKING),
    PageEntry("信访举报", "petitions", _petitions, ActionId.PAGE_PETITIONS),
    PageEntry("统计分析", "statistics", _statistics, ActionId.PAGE_STATISTICS),
    PageEntry("条文", "articles", _articles, ActionId.PAGE_ARTICLES),
    PageEntry("文书", "documents", _documents, ActionId.PAGE_DOCUMENTS),
    PageEntry("设置", "settings", _settings, ActionId.PAGE_SETTINGS),
)
DUE, CASES, WIZARD, TRACKING, PETITIONS, STATISTICS, ARTICLES, DOCUMENTS, SETTINGS = range(
    len(PAGES)
)
START_PAGE = DUE  # 待办: what is due comes first

_NAVIGATION_STYLE = """
QListWidget#navigation { border: none; background: palette(base); outline: 0; }
QListWidget#navigation::item { padding: 10px 12px; }
"""
_GEOMETRY_KEY = "main_window/geometry"
_STATE_KEY = "main_window/state"
_SPLITTER_KEY = "main_window/splitter"


class MainWindow(QMainWindow):
    def __init__(self, context: UiContext, *, open_first_page: bool = True) -> None:
        """`open_first_page=False` shows the frame only (nothing that needs the database)
        until `database_ready()` is called — start-up paints first, then opens the file."""
        super().__init__()
        self.context = context
        self.setWindowTitle(f"{APP_TITLE} — {context.short_where}")
        if context.database_open:
            self.refresh_title()
        self.setObjectName("main_window")
        self.actions_registry = ActionRegistry(self)
        self._pages: list[QWidget | None] = [None] * len(PAGES)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(_NAVIGATION_STYLE)
        nav_font = self.navigation.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.navigation.setFont(nav_font)
        for entry in PAGES:
            item = QListWidgetItem(entry.title)
            item.setToolTip(
                f"{entry.title}（{self.actions_registry[entry.action].shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
            )
            self.navigation.addItem(item)
        # Room for the widest title with a 待办 count badge, e.g. 办理跟踪（12）.
        width = self.navigation.fontMetrics().horizontalAdvance("办理跟踪（99）") + 48
        self.navigation.setMinimumWidth(width)
        self.stack = QStackedWidget()
        # Stand-ins until each page is first shown (seen only while the database opens).
        self._placeholders: list[QWidget] = []
        for _ in PAGES:
            label = QLabel("正在打开……")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._placeholders.append(label)
            self.stack.addWidget(label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([width, 10 * width])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        db_label = QLabel(f"数据库：{context.where}")
        db_label.setObjectName("database_label")
        db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(db_label)
        self.user_label = QLabel()
        self.user_label.setObjectName("user_label")
        self.statusBar().addPermanentWidget(self.user_label)

        self._build_menus()
        self._connect()
        self.navigation.setCurrentRow(START_PAGE)
        self.navigation.currentRowChanged.connect(self.show_page)
        self._restore_geometry()
        if open_first_page:
            self.show_page(START_PAGE)
            self._show_user()
        else:
            self._set_opening(True)

    def _set_opening(self, opening: bool) -> None:
        self.splitter.setEnabled(not opening)
        self.menuBar().setEnabled(not opening)
        if opening:
            self.statusBar().showMessage("正在打开数据库……")
        else:
            self.statusBar().clearMessage()

    def database_ready(self, prepare: Callable[[], bool] | None = None) -> None:
        """The database is open (and set up), or a file not opened yet that the start page may
        read without it: enable the window and show the first page. `prepare` (start-up: open
        the database and set it up) then runs once that page is painted; False: stop there."""
        self._set_opening(False)
        if not self.context.database_open:
            # The start page may read the file without the database layer: paint it first,
            # then load the layer (~0.5 s) for the title and the user's rights.
            from nanmu_desktop.ui.app import after_first_paint

            def rest() -> None:
                if prepare is None or prepare():
                    self._show_database()

            self.show_page(self.navigation.currentRow())
            after_first_paint(self, rest)
            return
        if prepare is not None and not prepare():
            return
        self.refresh_title()
        self.show_page(self.navigation.currentRow())
        self._show_user()

    def _show_database(self) -> None:
        self.refresh_title()
        self._show_user()

    def _show_user(self) -> None:
        from nanmu_desktop.domain.roles import Operation
        from nanmu_desktop.ui.common.user_access import allowed, user_text

        self.user_label.setText(user_text(self.context))
        act = self.actions_registry
        act[ActionId.SWITCH_USER].setVisible(bool(self.user_label.text()))
        # What the roles do not allow is greyed out; the services refuse it anyway.
        act[ActionId.NEW_CASE].setEnabled(allowed(self.context, Operation.register))
        act[ActionId.DETERMINE_CASE].setEnabled(allowed(self.context, Operation.determine))

    def switch_user(self) -> None:
        """切换用户: log in as someone else; pages re-check what the new roles allow."""
        from nanmu_desktop.ui.common.login_dialog import LoginDialog

        if LoginDialog(self.context, self).exec() == LoginDialog.DialogCode.Accepted:
            self.context.signals.user_changed.emit()

    def refresh_title(self) -> None:
        """The title names the township of this database (after first run or a 设置 change)."""
        from nanmu_desktop.services.settings import get_profile

        name = get_profile(self.context.database).product_name
        self.setWindowTitle(f"{name} — {self.context.short_where}")

    # pages -------------------------------------------------------------------------------

    def page(self, index: int) -> QWidget:
        """The page at `index`, created on first use."""
        page = self._pages[index]
        if page is None:
            entry = PAGES[index]
            page = entry.page_class()(self.context)
            page.setObjectName(f"page_{entry.name}")
            requested = getattr(page, "document_requested", None)
            if requested is not None:  # 办理跟踪, 信访举报, 统计分析 ask for documents
                requested.connect(self._open_document)
            if index == DUE:
                self._connect_due(page)
            placeholder = self._placeholders[index]
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[index] = page
        return page

    def show_page(self, index: int) -> QWidget:
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        return page

    def current_page(self) -> QWidget:
        return self.page(self.stack.currentIndex())

    # actions -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        for title, action_ids in MENUS:
            menu = self.menuBar().addMenu(title)
            for action_id in action_ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions_registry[action_id])

    def _connect(self) -> None:
        act = self.actions_registry
        for index, entry in enumerate(PAGES):
            act[entry.action].triggered.connect(lambda _=False, i=index: self.show_page(i))
        act[ActionId.NEW_CASE].triggered.connect(lambda: self._call(CASES, "new_case"))
        act[ActionId.OPEN_CASE].triggered.connect(lambda: self._call(CASES, "open_selected"))
        act[ActionId.FIND].triggered.connect(self._find)
        act[ActionId.REFRESH].triggered.connect(self._refresh)
        act[ActionId.DETERMINE_CASE].triggered.connect(self._determine_selected)
        act[ActionId.PRINT].triggered.connect(lambda: self._call(DOCUMENTS, "print_current"))
        act[ActionId.EXPORT_LEDGER].triggered.connect(lambda: self._export_ledger(".xlsx"))
        act[ActionId.EXPORT_LEDGER_PDF].triggered.connect(lambda: self._export_ledger(".pdf"))
        act[ActionId.QUIT].triggered.connect(self.close)
        act[ActionId.ABOUT].triggered.connect(self._about)
        act[ActionId.SWITCH_USER].triggered.connect(self.switch_user)
        signals = self.context.signals
        signals.open_case.connect(self._open_case)
        signals.open_citation.connect(self._open_citation)
        signals.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        signals.user_changed.connect(self._show_user)

    def _call(self, index: int, method: str, *args: object) -> None:
        """Show page `index` and call its optional `method`."""
        handler = getattr(self.show_page(index), method, None)
        if callable(handler):
            handler(*args)

    def _find(self) -> None:
        handler = getattr(self.current_page(), "focus_search", None)
        if callable(handler):
            handler()
        else:
            self._call(CASES, "focus_search")

    def _refresh(self) -> None:
        handler = getattr(self.current_page(), "refresh", None)
        if callable(handler):
            handler()

    def _determine_selected(self) -> None:
        case_id = getattr(self.page(CASES), "selected_case_id", lambda: None)()
        if case_id is None:
            self.statusBar().showMessage("请先在案件列表中选中一件案件", 5000)
            return
        self._call(WIZARD, "select_case", case_id)

    def _open_citation(self, citation: object) -> None:
        """Show the 条文 page; a page created just now missed the signal, so hand it over."""
        created_now = self._pages[ARTICLES] is None
        self.show_page(ARTICLES)
        if created_now:
            self._call(ARTICLES, "show_citation", citation)

    def _open_case(self, case_id: int) -> None:
        self._call(CASES, "open_case", case_id)

    def _export_ledger(self, suffix: str) -> None:
        from nanmu_desktop.ui.documents.ledger_export import export_ledger_interactively

        export_ledger_interactively(self.context, self, suffix)

    def _open_document(self, target: object) -> None:
        """The 文书 page showing the draft of `target` (a DocumentTarget from a page)."""
        self._call(DOCUMENTS, "show_target", target)

    # 待办 ---------------------------------------------------------------------------------

    def _connect_due(self, page: QWidget) -> None:
        from nanmu_desktop.ui.due.page import remind_if_overdue

        page.step_requested.connect(self.open_step)  # type: ignore[attr-defined]
        page.counts_changed.connect(self._show_badges)  # type: ignore[attr-defined]
        self._show_badges(page.badges)  # type: ignore[attr-defined]  # counted as it was made
        # The reminder once the window is up (a queued call: the page is still being made).
        QTimer.singleShot(0, lambda: remind_if_overdue(page, self))  # type: ignore[arg-type]

    def _show_badges(self, counts: dict[str, int]) -> None:
        """Red + yellow counts on 待办 and on the pages where those steps are done."""
        targets = {"due": DUE, "tracking": TRACKING, "documents": DOCUMENTS,
                   "petitions": PETITIONS}
        for name, index in targets.items():
            count = counts.get(name, 0)
            title = PAGES[index].title
            self.navigation.item(index).setText(f"{title}（{count}）" if count else title)

    def open_step(self, obligation: object) -> QWidget:
        """The page (and tab, kind or petition) where a 待办 obligation is acted on."""
        from nanmu_desktop.domain.due import Obligation
        from nanmu_desktop.domain.vocabulary import DocumentKind

        assert isinstance(obligation, Obligation)
        page_name, _, detail = obligation.step.partition("/")
        if page_name == "tracking" and obligation.case_id is not None:
            page = self.show_page(TRACKING)
            page.select_case(obligation.case_id)  # type: ignore[attr-defined]
            page.show_tab(detail)  # type: ignore[attr-defined]
            return page
        if page_name == "documents" and obligation.case_id is not None:
            page = self.show_page(DOCUMENTS)
            page.show_case(obligation.case_id, DocumentKind(detail))  # type: ignore[attr-defined]
            return page
        page = self.show_page(PETITIONS)
        page.refresh(select_id=obligation.petition_id)  # type: ignore[attr-defined]
        return page

    def _about(self) -> None:
        from datetime import date

        from nanmu_desktop import __version__
        from nanmu_desktop.services.regulations import get_version_in_force
        from nanmu_desktop.services.settings import get_profile

        name = get_profile(self.context.database).product_name
        regulation = get_version_in_force(self.context.database, date.today())
        show_info(
            self,
            "关于",
            f"{name}\n版本 {__version__}\n\n"
            f"依据：{regulation.number}《{regulation.title}》",
        )

    # geometry ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        geometry = settings.value(_GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = settings.value(_STATE_KEY)
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self._default_geometry()
        splitter = settings.value(_SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _default_geometry(self) -> None:
        """Fill most of a small screen (1366 × 768 laptops), never more than 1440 × 900."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(1440, available.width() - 40)
        height = min(900, available.height() - 40)
        self.resize(width, height)
        self.move(available.center() - self.rect().center())

    def save_geometry(self) -> None:
        settings = self.context.settings
        settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(_STATE_KEY, self.saveState())
        settings.setValue(_SPLITTER_KEY, self.splitter.saveState())
        for page in self._pages:
            save = getattr(page, "save_state", None)
            if callable(save):
                save()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self._pages:
            may_close = getattr(page, "may_close", None)
            if callable(may_close) and not may_close():
                event.ignore()
                return
        self.save_geometry()
        event.accept()
