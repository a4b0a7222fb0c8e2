"""第十七条: the 易错风险警示提醒 drawn from a row of 统计分析 states that row's figures (cases,
period), read back from the memo's PDF; 第十四条: a tolerated officer is never named in it."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.officers import OfficerInput, add_officer, ensure_default_departments
from nanmu_desktop.services.settings import ProfileInput, update_profile
from nanmu_desktop.services.statistics import risk_defaults
from nanmu_desktop.storage.db import Database
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.documents.page import DocumentsPage
from nanmu_desktop.ui.statistics.page import StatisticsPage

CITATION = "第十一条第（一）项"
ART11 = {"art11": [1]}  # 第十一条 alone: 从轻/减轻 within accountability — an enforcement error
TOLERATED = {"art10": [5], "art11": [1]}  # 第十条 without 第二款: 从轻/减轻 as 容错 (default)


def _case(db: Database, officer_id: int, day: date, facts: dict[str, list[int]] | None,
          description: str) -> str:
    case = register_case(db, CaseInput(
        source="单位启动", enforcement_type="行政检查", field="市场监管", occurred_on=day,
        reported_on=day, description=description, officer_ids=(officer_id,),
    ))
    if facts is not None:
        save_proposal(db, case.id, facts)
        record_decision(db, case.id, DecisionInput(
            date.today(), ("乌力吉",), leniency="lighter", measure="通报批评减为诫勉谈话"
        ))
    return case.number


def _fill(db: Database) -> dict[str, str]:
    update_profile(db, ProfileInput(name_zh="扎兰屯市南木鄂伦春民族乡人民政府"))
    department = ensure_default_departments(db)[1]
    ids = {name: add_officer(db, OfficerInput(name, department.id)).id
           for name in ("张明", "李强", "巴特尔")}
    return {
        "first": _case(db, ids["张明"], date(2026, 3, 10), ART11, "食品抽检未按规定留样。"),
        "second": _case(db, ids["李强"], date(2026, 5, 12), ART11, "抽检样品登记不全。"),
        # The tolerated officer's name in the description must not reach the memo either.
        "tolerated": _case(db, ids["巴特尔"], date(2026, 7, 20), TOLERATED,
                           "执法人员巴特尔检查时经营者隐瞒进货台账。"),
        "later": _case(db, ids["张明"], date(2026, 9, 15), ART11, "期间之后的案件。"),
        "undecided": _case(db, ids["李强"], date(2026, 4, 1), None, "尚未决定的案件。"),
    }


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    # Table cells wrap and the 草稿 watermark's glyphs interleave: compare without either.
    return "".join(text.split()).replace("草", "").replace("稿", "")


def test_memo_states_the_selected_row_and_never_names_a_tolerated_officer(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    numbers = _fill(ui_context.database)
    page = StatisticsPage(ui_context)
    qtbot.addWidget(page)
    defaults = risk_defaults(ui_context.database)
    assert page.threshold.value() == defaults.min_count  # the version's own threshold
    assert page.period.itemText(0) == f"近{defaults.period_days}日"
    page.period.setCurrentIndex(page.period.count() - 1)  # 自定义
    page.date_from.setDate(QDate(2026, 3, 1))
    page.date_to.setDate(QDate(2026, 8, 31))
    page.threshold.setValue(3)
    qtbot.waitUntil(lambda: ui_context.tasks.active_count == 0, timeout=10000)
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    (row,) = [r for r in rows if r.citation == CITATION and r.field_label == "市场监管"]
    assert row.flagged and row.count == 3
    assert set(row.case_numbers) == {numbers["first"], numbers["second"], numbers["tolerated"]}

    page.table.selectRow(rows.index(row))
    with qtbot.waitSignal(page.document_requested) as signal:
        page.warn_button.click()
    target = signal.args[0]
    assert isinstance(target, DocumentTarget) and target.kind is DocumentKind.risk_warning
    assert target.risk is not None
    assert (target.risk.start, target.risk.end) == (date(2026, 3, 1), date(2026, 8, 31))

    # The 文书 page drafts exactly that selection.
    documents = DocumentsPage(ui_context)
    qtbot.addWidget(documents)
    documents.show_target(target)
    qtbot.waitUntil(lambda: bool(documents.preview.pdf_bytes), timeout=20000)
    text = _pdf_text(documents.preview.pdf_bytes)

    assert f"市场监管领域共有{row.count}件" in text
    assert "2026年3月1日至2026年8月31日" in text
    assert CITATION in text
    for number in row.case_numbers:
        assert "".join(number.split()) in text
    assert numbers["later"] not in text and numbers["undecided"] not in text
    assert "张明" in text and "李强" in text  # enforcement errors are named
    # 第十四条: the tolerated case is counted, but its officer is nowhere in the memo.
    assert "巴特尔" not in text
    assert "其中1件" in text and "第十四条" in text


def test_memo_for_all_time_starts_at_the_patterns_first_case(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    _fill(ui_context.database)
    page = StatisticsPage(ui_context)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findText("全部"))
    qtbot.waitUntil(lambda: ui_context.tasks.active_count == 0, timeout=10000)
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    (row,) = [r for r in rows if r.citation == CITATION and r.field_label == "市场监管"]
    assert row.count == 4 and row.first_day == date(2026, 3, 10)
    page.table.selectRow(rows.index(row))
    with qtbot.waitSignal(page.document_requested) as signal:
        page.warn_button.click()
    documents = DocumentsPage(ui_context)
    qtbot.addWidget(documents)
    documents.show_target(signal.args[0])
    qtbot.waitUntil(lambda: bool(documents.preview.pdf_bytes), timeout=20000)
    text = _pdf_text(documents.preview.pdf_bytes)
    today = date.today()
    assert f"2026年3月10日至{today.year}年{today.month}月{today.day}日" in text
    assert "市场监管领域共有4件" in text and "1900" not in text
