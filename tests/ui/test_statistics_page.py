"""统计分析: the demo's 市场监管 / 第十条第一款第（五）项 pattern is flagged; a warning asked."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.statistics.page import StatisticsPage

PATTERN = "第十条第一款第（五）项"


def test_demo_pattern_flagged_and_warning_requested(
    qtbot: QtBot, demo_context: UiContext, qtmodeltester: ModelTester
) -> None:
    page = StatisticsPage(demo_context)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(2)  # 全部
    qtbot.waitUntil(lambda: demo_context.tasks.active_count == 0, timeout=10000)
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    market = [r for r in rows if r.citation.startswith(PATTERN) and r.field_label == "市场监管"]
    assert market and market[0].flagged
    assert "市场监管领域" in page.note.text() and PATTERN in page.note.text()
    assert "按认定结果" in page.summary.text() and "按办理状态" in page.summary.text()
    assert "期间内案件共 0 件" not in page.summary.text()
    page.table.selectRow(rows.index(market[0]))
    assert page.warn_button.isEnabled()
    with qtbot.waitSignal(page.document_requested) as signal:
        page.warn_button.click()
    target = signal.args[0]
    assert isinstance(target, DocumentTarget) and target.kind is DocumentKind.risk_warning
    assert target.case_id in market[0].case_ids


def test_threshold_above_count_unflags(qtbot: QtBot, demo_context: UiContext) -> None:
    page = StatisticsPage(demo_context)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: demo_context.tasks.active_count == 0, timeout=10000)
    top = max(page.model.row_at(i).count for i in range(page.model.rowCount()))
    page.threshold.setValue(top + 1)
    qtbot.waitUntil(lambda: not any(page.model.row_at(i).flagged
                                    for i in range(page.model.rowCount())), timeout=10000)
    assert "没有达到提醒阈值" in page.note.text()


def test_charts_mark_the_selected_row(qtbot: QtBot, demo_context: UiContext) -> None:
    page = StatisticsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.period.setCurrentIndex(2)  # 全部
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: demo_context.tasks.active_count == 0, timeout=10000)
    page.views.setCurrentWidget(page.charts)
    charts = page.charts
    items = {bar.label: bar.count for bar in charts.by_citation.bars}
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    overall = {r.citation: r.count for r in rows if r.field is None}
    assert items == dict(list(overall.items())[: len(items)])  # the chart counts as the table
    assert not any(bar.marked for bar in charts.by_month.bars)
    market = next(r for r in rows if r.citation.startswith(PATTERN) and r.field_label == "市场监管")
    page.table.selectRow(rows.index(market))
    qtbot.waitUntil(lambda: any(bar.marked for bar in charts.by_field.bars), timeout=10000)
    marked_fields = {bar.label: bar.marked for bar in charts.by_field.bars if bar.marked}
    assert marked_fields == {"市场监管": market.count}
    assert sum(bar.marked for bar in charts.by_month.bars) == market.count
    assert PATTERN in charts.caption.text()
    image = charts.by_field.grab().toImage()  # red is painted where the pattern's cases are
    reds = sum(
        1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).name() == "#c0392b"
    )
    assert reds > 0
