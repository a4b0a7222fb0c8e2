"""People and units are listed in pinyin order wherever the clerk picks or reads them.

The demo's officers and departments are stored in another order (登记 order), so a list shown in
storage order fails here.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QListWidget, QTableWidget, QWidget

from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.ui.common.context import UiContext

_NAME = re.compile(r"^[^（(·　 ]+")  # the name before 执法证号, 科室 or a space


def _names(texts: list[str]) -> list[str]:
    return [m.group(0) for t in texts if (m := _NAME.match(t))]


def _in_pinyin_order(texts: list[str]) -> bool:
    names = _names(texts)
    return len(names) > 2 and names == sorted(names, key=pinyin_key)


def _combo(combo: QComboBox, skip: int = 0) -> list[str]:
    return [combo.itemText(i) for i in range(skip, combo.count())]


def _column(table: QTableWidget) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount()) if table.item(r, 0)]


def test_the_demo_is_not_stored_in_pinyin_order(demo_context: UiContext) -> None:
    """Otherwise the checks below would pass with any list."""
    from nanmu_desktop.services.officers import list_departments

    stored = [d.name for d in list_departments(demo_context.database)]
    assert stored != sorted(stored, key=pinyin_key)


def test_case_form_pickers(qtbot, demo_context: UiContext) -> None:
    from nanmu_desktop.ui.cases.form import CaseFormDialog
    from nanmu_desktop.ui.cases.form_officers import NewOfficerDialog

    form = CaseFormDialog(demo_context, None)
    qtbot.addWidget(form)
    assert _in_pinyin_order(_combo(form.ui.officer_combo))
    dialog = NewOfficerDialog(demo_context.database)
    qtbot.addWidget(dialog)
    assert _in_pinyin_order(_combo(dialog.ui.department_combo, skip=1))  # after （未定）


def test_case_list_filters(qtbot, demo_context: UiContext) -> None:
    from nanmu_desktop.ui.cases.filters import CaseFilterBar

    bar = CaseFilterBar(demo_context.database)
    qtbot.addWidget(bar)
    bar.reload_choices()
    assert _in_pinyin_order(_combo(bar.officer_combo, skip=1))  # after 全部人员
    assert _in_pinyin_order(_combo(bar.department_combo, skip=1))


def test_people_settings_and_petition_officers(qtbot, demo_context: UiContext) -> None:
    from nanmu_desktop.services.case_list import CaseQuery, list_cases
    from nanmu_desktop.services.officers import list_officers
    from nanmu_desktop.ui.petitions.dialogs import RegisterPetitionDialog
    from nanmu_desktop.ui.settings.people import PeopleSection

    people = PeopleSection(demo_context.database)
    qtbot.addWidget(people)
    people.refresh()
    assert _in_pinyin_order(_column(people.department_table))
    assert _in_pinyin_order(_column(people.officer_table))
    cases = list_cases(demo_context.database, CaseQuery()).rows
    petition = RegisterPetitionDialog(list_officers(demo_context.database), cases)
    qtbot.addWidget(petition)
    listed = petition.officers
    assert isinstance(listed, QListWidget)
    assert _in_pinyin_order([listed.item(i).text() for i in range(listed.count())])


def test_user_accounts(qtbot, demo_context: UiContext) -> None:
    from nanmu_desktop.domain.roles import Role
    from nanmu_desktop.services.users import add_user, log_in
    from nanmu_desktop.ui.settings.users import UsersSection

    database = demo_context.database
    for name in ("张经办", "王管理", "艾审核", "赵签发"):  # added out of pinyin order
        add_user(database, name, frozenset({Role.admin}), "admin-pass-1")
        if database.user is None:
            log_in(database, name, "admin-pass-1")
    section = UsersSection(demo_context)
    qtbot.addWidget(section)
    section.load()
    assert isinstance(section, QWidget)
    assert _in_pinyin_order(_column(section.table))
