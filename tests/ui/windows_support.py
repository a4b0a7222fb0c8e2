"""Every window of the app, built on the demo data, for the tests that walk them all.

`main_window_states(context, qtbot)` yields (name, window) once per thing the clerk can look
at: the main window on each page, for one case of each status on pages that show a case, and on
each tab of each tab widget. `dialog_states(context, qtbot, tmp)` does the same for every dialog
(each wizard page, each tab), built by `DIALOGS` (a factory per dialog class; a dialog class of
nanmu_desktop.ui without one fails test_mnemonics.py::test_every_dialog_has_a_factory).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget, QWizard

import nanmu_desktop.ui as ui_package
from nanmu_desktop.ui.common.context import UiContext

DialogFactory = Callable[[UiContext, QWidget, Path], QDialog]


def ui_classes(base: type[QWidget]) -> list[type[QWidget]]:
    """Every subclass of `base` defined in a module of nanmu_desktop.ui (forms excluded)."""
    found: dict[str, type[QWidget]] = {}
    for module_info in pkgutil.walk_packages(ui_package.__path__, "nanmu_desktop.ui."):
        if ".forms" in module_info.name or module_info.name.endswith("screenshots"):
            continue
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[name] for name in sorted(found)]


# -- demo data the dialogs are opened on ---------------------------------------------------


def _cases(context: UiContext) -> list[Any]:
    from nanmu_desktop.services.case_list import CaseQuery, list_cases

    return list(list_cases(context.database, CaseQuery()).rows)


def representative_cases(context: UiContext) -> list[int]:
    """One case of each status (the buttons a case page shows depend on it)."""
    seen: dict[str, int] = {}
    for case in _cases(context):
        seen.setdefault(case.status, case.id)
    return list(seen.values())


def _determination(context: UiContext, *, decided: bool) -> Any:
    from nanmu_desktop.services.determinations import current_determination

    for case in _cases(context):
        info = current_determination(context.database, case.id)
        if info is not None and (info.meeting_date is not None) == decided:
            return info
    raise AssertionError("the demo data has no such determination")


def _case_detail(context: UiContext, case_id: int) -> Any:
    from nanmu_desktop.services.cases import get_case

    return get_case(context.database, case_id)


def _petition(context: UiContext) -> Any:
    from nanmu_desktop.services.petitions import list_petitions

    return list_petitions(context.database)[0]


def _document(context: UiContext) -> Any:
    from nanmu_desktop.services.issuing import IssuedDocumentInfo

    case = _cases(context)[0]
    moment = datetime(2026, 5, 6, 9, 30, tzinfo=UTC)
    return IssuedDocumentInfo(
        1, "南政容决〔2026〕1号", "decision", "容错纠错决定书", "关于某某的容错纠错决定书",
        case.id, case.number, None, "关永军", "某某", "0" * 64, moment, "管理员", False, "", None,
    )


def _regulation_preview(tmp: Path) -> Any:
    from nanmu_desktop.services.regulation_import import prepare_import
    from tests.services.regulation_fixtures import neighbour_text

    path = tmp / "萨政发.txt"
    path.write_text(neighbour_text(), encoding="utf-8")
    return prepare_import(path)


def _recipients(context: UiContext) -> Any:
    """The 送达 recipients of the first decided case (unit and party)."""
    from nanmu_desktop.services.deliveries import service_status

    decided = next(c for c in _cases(context) if c.status == "decided")
    return service_status(context.database, decided.id).recipients


def _investigation_dialog(context: UiContext, parent: QWidget) -> Any:
    """调查核实 of a demo case that has one recorded (its investigators, files, findings)."""
    from nanmu_desktop.services.investigations import get_investigation
    from nanmu_desktop.ui.wizard.investigation_dialog import InvestigationDialog

    for case in _cases(context):
        found = get_investigation(context.database, case.id)
        if found is not None:
            return InvestigationDialog(context, _case_detail(context, case.id), found, parent)
    raise AssertionError("the demo has no investigation")


def _submit(_value: object) -> None:
    return None


def _dialogs() -> dict[str, DialogFactory]:
    from nanmu_desktop.services.officers import list_officers
    from nanmu_desktop.ui.cases.form import CaseFormDialog
    from nanmu_desktop.ui.cases.form_officers import NewOfficerDialog
    from nanmu_desktop.ui.common.login_dialog import LoginDialog
    from nanmu_desktop.ui.documents.register_view import VoidDialog
    from nanmu_desktop.ui.petitions.dialogs import (
        FindingsDialog,
        RegisterPetitionDialog,
        ResponseDialog,
    )
    from nanmu_desktop.ui.settings.first_run import FirstRunWizard
    from nanmu_desktop.ui.settings.regulation_import_dialog import RegulationImportDialog
    from nanmu_desktop.ui.settings.server import ServerDialog
    from nanmu_desktop.ui.tracking import dialogs as tracking
    from nanmu_desktop.ui.tracking.deliveries import DeliveryDialog
    from nanmu_desktop.ui.wizard.decision_dialog import DecisionDialog
    from nanmu_desktop.ui.wizard.determination_wizard import DeterminationWizard
    from nanmu_desktop.ui.wizard.review_dialog import ReviewDialog
    from nanmu_desktop.ui.wizard.version_dialog import VersionDialog

    def first_case(c: UiContext) -> Any:
        return _cases(c)[0]

    return {
        "CaseFormDialog": lambda c, p, _t: CaseFormDialog(c, first_case(c).id, p),
        "CaseFormDialog (new)": lambda c, p, _t: CaseFormDialog(c, None, p),
        "NewOfficerDialog": lambda c, p, _t: NewOfficerDialog(c.database, "", p),
        "LoginDialog": lambda c, p, _t: LoginDialog(c, p),
        "VoidDialog": lambda c, p, _t: VoidDialog(_document(c), p),
        "RegisterPetitionDialog": lambda c, p, _t: RegisterPetitionDialog(
            list_officers(c.database), _cases(c), p),
        "FindingsDialog": lambda c, p, _t: FindingsDialog(p),
        "ResponseDialog": lambda c, p, _t: ResponseDialog(_petition(c), p),
        "FirstRunWizard": lambda c, p, _t: FirstRunWizard(c, p),
        "RegulationImportDialog": lambda c, p, t: RegulationImportDialog(
            _regulation_preview(t), p),
        "DeliveryDialog": lambda c, p, _t: DeliveryDialog(
            _submit, _recipients(c), parent=p),
        "InvestigationDialog": lambda c, p, _t: _investigation_dialog(c, p),
        "ServerDialog": lambda c, p, _t: ServerDialog(c, p),
        "ServerDialog (迁移)": lambda c, p, _t: ServerDialog(c, p, purpose="migrate"),
        "PublicationDialog": lambda c, p, _t: tracking.PublicationDialog(_submit, p),
        "OrderDialog": lambda c, p, _t: tracking.OrderDialog(_submit, p),
        "ExtensionDialog": lambda c, p, _t: tracking.ExtensionDialog(_submit, p),
        "ReplyDialog": lambda c, p, _t: tracking.ReplyDialog(_submit, p),
        "FollowUpDialog": lambda c, p, _t: tracking.FollowUpDialog(_submit, p),
        "DecisionDialog": lambda c, p, _t: DecisionDialog(
            c, _determination(c, decided=False), p),
        "DecisionDialog (更正)": lambda c, p, _t: DecisionDialog(
            c, _determination(c, decided=True), p, correcting=True),
        "DeterminationWizard": lambda c, p, _t: DeterminationWizard(c, first_case(c).id, parent=p),
        "ReviewDialog": lambda c, p, _t: ReviewDialog(
            c, first_case(c).id, first_case(c).number, p),
        "VersionDialog": lambda c, p, _t: VersionDialog(
            c, _case_detail(c, first_case(c).id), None, may_redetermine=True, parent=p),
    }


DIALOGS = _dialogs()
# Dialog classes shown only through a base class's factory (EntryDialog is abstract).
ABSTRACT_DIALOGS = {"EntryDialog"}


def settle() -> None:
    """Let posted layout requests run (widgets added or texts changed after show)."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the loop does
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _tab_states(window: QWidget) -> Iterator[str]:
    """Each tab of each visible tab widget in turn (the others left on their first tab)."""
    yield ""
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        for index in range(1, tabs.count()):
            if tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                yield tabs.tabText(index)
        tabs.setCurrentIndex(0)


def main_window_states(context: UiContext, qtbot: Any, size: tuple[int, int] = (1366, 768),
                       ) -> Iterator[tuple[str, QWidget]]:
    from nanmu_desktop.ui.main_window import PAGES, MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    cases = representative_cases(context)
    for index, entry in enumerate(PAGES):
        page = window.show_page(index)
        qtbot.waitUntil(lambda: context.tasks.active_count == 0)  # background reads shown
        settle()
        targets: list[int | None] = [None]
        if hasattr(page, "select_case"):
            targets = list(cases)
        for case_id in targets:
            if case_id is not None:
                page.select_case(case_id)  # type: ignore[attr-defined]
                qtbot.waitUntil(lambda: context.tasks.active_count == 0)
                settle()
            for tab in _tab_states(window):
                settle()
                where = " / ".join(x for x in (entry.title, str(case_id or ""), tab) if x)
                yield f"主窗口 {where}", window


def dialog_states(context: UiContext, qtbot: Any, tmp: Path, size: tuple[int, int] | None = None,
                  ) -> Iterator[tuple[str, QWidget]]:
    parent = QWidget()
    qtbot.addWidget(parent)
    for name, factory in DIALOGS.items():
        dialog = factory(context, parent, tmp)
        dialog.show()  # at its own size, as Qt opens it
        qtbot.waitExposed(dialog)
        if size is not None and (dialog.width() > size[0] or dialog.height() > size[1]):
            dialog.resize(min(dialog.width(), size[0]), min(dialog.height(), size[1]))
        settle()
        if isinstance(dialog, QWizard):
            for page_id in dialog.pageIds():
                if page_id != dialog.currentId():
                    dialog.setStartId(page_id)
                    dialog.restart()
                settle()
                for tab in _tab_states(dialog):
                    yield f"{name} / {dialog.currentPage().title() or page_id} {tab}", dialog
        else:
            for tab in _tab_states(dialog):
                yield f"{name} {tab}".strip(), dialog
        dialog.done(QDialog.DialogCode.Rejected)
        dialog.deleteLater()


