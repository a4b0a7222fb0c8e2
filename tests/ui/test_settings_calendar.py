"""设置 › 节假日与调休 driven by qtbot: the package's days with their source, an entry added and
removed by hand, a CSV import (all or nothing), covered years and the uncovered-year warning;
the hint beside the day-counting rule says what the code does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import answer_message_box, type_chinese
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.deadlines import DayCountRule, describe_rule
from nanmu_desktop.services import work_calendar
from nanmu_desktop.services.settings import ProfileInput, complete_first_run
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.settings.calendar import CalendarSection, year_ranges
from nanmu_desktop.ui.settings.page import SettingsPage


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext) -> SettingsPage:
    complete_first_run(ui_context.database, ProfileInput(name_zh="南木鄂伦春民族乡人民政府"))
    widget = SettingsPage(ui_context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.tabs.setCurrentWidget(widget.calendar)
    return widget


def cells(section: CalendarSection, day: date) -> list[str]:
    table = section.ui.dayTable
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == day.isoformat():
            return [table.item(row, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"{day} not listed")


def test_the_year_shows_package_days_with_their_source(page: SettingsPage) -> None:
    section = page.calendar
    section.ui.yearSpin.setValue(2025)
    assert cells(section, date(2025, 10, 1)) == ["2025-10-01", "星期三", "法定节假日", "国庆节",
                                                 "数据包", ""]
    assert cells(section, date(2025, 9, 28))[2] == "调休上班日"
    assert "数据包：2004–2026年" in section.ui.yearsLabel.text()
    assert section.ui.coverageWarning.isHidden()
    assert not section.ui.removeButton.isEnabled()


def test_add_a_day_see_it_listed_then_remove_it(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext
) -> None:
    section = page.calendar
    section.ui.yearSpin.setValue(2031)
    assert section.ui.dayTable.rowCount() == 0
    assert not section.ui.coverageWarning.isHidden()
    assert section.ui.coverageWarning.text().startswith("2031年的法定节假日尚未录入")
    section.ui.dayEdit.setDate(QDate(2031, 10, 1))
    section.ui.kindCombo.setCurrentIndex(section.ui.kindCombo.findData("holiday"))
    type_chinese(section.ui.nameEdit, "国庆节")
    with qtbot.waitSignal(section.changed, timeout=5_000):
        section.ui.addButton.click()
    assert cells(section, date(2031, 10, 1)) == ["2031-10-01", "星期三", "法定节假日", "国庆节",
                                                 "手工", ""]
    assert section.ui.coverageWarning.isHidden()
    assert "手工录入：2031年" in section.ui.yearsLabel.text()
    assert section.ui.removeButton.isEnabled()  # the new row is selected
    section.ui.removeButton.click()
    assert section.ui.dayTable.rowCount() == 0
    assert work_calendar.list_days(ui_context.database, 2031) == []


def test_a_refused_entry_is_shown_beside_the_fields(
    page: SettingsPage, ui_context: UiContext
) -> None:
    section = page.calendar
    section.ui.dayEdit.setDate(QDate(2026, 3, 11))  # a Wednesday
    section.ui.kindCombo.setCurrentIndex(section.ui.kindCombo.findData("workday"))
    section.ui.addButton.click()
    assert "本来就是工作日" in section.ui.entryError.text()
    assert all(d.source.value == "package" for d in work_calendar.list_days(ui_context.database))


def test_override_a_package_holiday(page: SettingsPage) -> None:
    section = page.calendar
    section.ui.dayEdit.setDate(QDate(2026, 2, 23))
    section.ui.kindCombo.setCurrentIndex(section.ui.kindCombo.findData("workday"))
    section.ui.addButton.click()
    row = cells(section, date(2026, 2, 23))
    assert row[2:] == ["调休上班日", "", "手工", "数据包：法定节假日（春节）"]


def test_csv_import_all_or_nothing(
    qtbot: QtBot, page: SettingsPage, ui_context: UiContext, tmp_path: Path
) -> None:
    section = page.calendar
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2032-01-01,holiday,元旦\n2032-01-02,rest,元旦\n",
                   encoding="utf-8")
    refused = answer_message_box(QMessageBox.StandardButton.Ok)
    assert section.import_file(bad) == 0
    assert refused.handled and "第3行" in refused.text
    assert work_calendar.list_days(ui_context.database, 2032) == []
    good = tmp_path / "good.csv"
    good.write_text("date,kind,name\n2032-01-01,holiday,元旦\n", encoding="utf-8")
    done = answer_message_box(QMessageBox.StandardButton.Ok)
    assert section.import_file(good) == 1
    assert done.handled and "1 日" in done.text
    assert section.year == 2032
    assert cells(section, date(2032, 1, 1))[4] == "手工"


def test_the_rule_hint_states_what_the_code_does(page: SettingsPage) -> None:
    rules = page.rules
    rules.ui.calendarRadio.setChecked(True)
    text = rules.ui.rulesExample.text()
    assert describe_rule(DayCountRule.calendar_days, 7) in text
    assert "顺延至2025年10月9日" in text and "节假日照常计算" not in text
    rules.ui.workingRadio.setChecked(True)
    assert describe_rule(DayCountRule.working_days, 7) in rules.ui.rulesExample.text()


def test_year_ranges() -> None:
    assert year_ranges([2004, 2005, 2006, 2031, 2033]) == "2004–2006年、2031年、2033年"
