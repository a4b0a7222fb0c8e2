"""No clipped text: every page and dialog at 1024 × 700, 1366 × 768 and with a 1.5× font.

Issue 13: the statistics 适用条款 column hid the 项; deadline and status columns were pushed off
screen; at 1024 px the case list hid 认定结果; dialog titles were cut mid-word.

The 1.5× case enlarges the application font by half instead of setting QT_SCALE_FACTOR=1.5:
QT_SCALE_FACTOR scales fonts and every pixel size together, so in logical pixels (all a test
can measure) the layout is the same as at 1×; what clips at 150 % is text that grew while
something sized in pixels did not (fixed widths, column widths, minimum sizes) — exactly what a
bigger font exposes, in-process and without a second QApplication.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QWidget,
)
from windows_support import dialog_states, main_window_states

from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.fonts import ensure_chinese_font

SIZES = {"1024×700": ((1024, 700), 1.0), "1366×768": ((1366, 768), 1.0),
         "1.5× 字号": ((1366, 768), 1.5)}
# Columns the clerk must see without scrolling sideways, per window state (issue 13).
KEY_COLUMNS = {
    "统计分析": ("适用条款",),
    "案件": ("认定结果", "办理状态", "状态"),
    "待办": ("期限", "到期日", "状态"),
    "办理跟踪": ("期限", "状态"),
}
TITLE_FRAME = 120  # icon and the close/maximize buttons of a title bar, in pixels
SLACK = 1  # rounding of font metrics against layout geometry


def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisibleTo(window) and widget.width() > 0


def _inside_scroll(widget: QWidget) -> bool:
    """A widget inside a scroll area may be wider than the view: it scrolls, it is not cut."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or QtGuiNamespace.mightBeRichText(text)
    if not text or rich:
        return None
    metrics = label.fontMetrics()
    width = label.contentsRect().width() - 2 * label.margin() - 2 * max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"折行标签高 {label.height()} < {needed}：{text[:20]}"
        return None
    plain = _plain(text) if label.buddy() is not None else text
    longest = max(metrics.horizontalAdvance(line) for line in plain.splitlines())
    if longest > width + SLACK:
        return f"标签宽 {width} < {longest}：{plain[:30]}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text() or isinstance(button.parentWidget(), QTabBar):
        return None
    if isinstance(button, (QPushButton, QCheckBox, QRadioButton)):
        needed = button.sizeHint().width()
        if button.width() + SLACK < needed:
            return f"按钮宽 {button.width()} < {needed}：{_plain(button.text())[:30]}"
    return None


def _group_problem(box: QGroupBox) -> str | None:
    if not box.title():
        return None
    needed = box.fontMetrics().horizontalAdvance(_plain(box.title())) + 16
    if box.width() + SLACK < needed:
        return f"分组框宽 {box.width()} < {needed}：{box.title()}"
    return None


def _tab_problems(bar: QTabBar) -> Iterator[str]:
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        needed = bar.fontMetrics().horizontalAdvance(_plain(bar.tabText(index)))
        if bar.tabRect(index).width() + SLACK < needed:
            yield f"标签页宽 {bar.tabRect(index).width()} < {needed}：{bar.tabText(index)}"


def _header_problems(view: QTableView, key_columns: tuple[str, ...],
                     seen: set[str] | None = None) -> Iterator[str]:
    header = view.horizontalHeader()
    model = view.model()
    if model is None or header.isHidden():
        return
    viewport = view.viewport().width()
    metrics = QFontMetrics(header.font())
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        size = header.sectionSize(column)
        needed = max(header.sectionSizeHint(column), metrics.horizontalAdvance(title))
        if title and needed > size + SLACK:
            yield f"表头“{title}”宽 {size} < {needed}"
        if title in key_columns:
            if seen is not None and model.rowCount():
                seen.add(title)
            right = header.sectionPosition(column) + size
            if right > viewport + SLACK:
                yield f"关键列“{title}”超出可见区域（{right} > {viewport}）"
            cells = QFontMetrics(view.font())
            for row in range(min(model.rowCount(), 50)):
                text = str(model.index(row, column).data() or "")
                if text and cells.horizontalAdvance(text) + 8 > size + SLACK:
                    yield f"关键列“{title}”的“{text}”宽 {size} 放不下"
                    break


def clipped(window: QWidget, where: str, seen: set[str] | None = None) -> list[str]:
    problems: list[str] = []
    title = window.windowTitle()
    if title and window.isWindow():
        needed = QFontMetrics(QApplication.font()).horizontalAdvance(title) + TITLE_FRAME
        if window.width() + SLACK < needed:
            problems.append(f"窗口标题被截断（宽 {window.width()} < {needed}）：{title}")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or _inside_scroll(widget):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QGroupBox):
            problem = _group_problem(widget)
        elif isinstance(widget, QTabBar):
            problems.extend(_tab_problems(widget))
        elif isinstance(widget, QTableView):
            keys = next((v for k, v in KEY_COLUMNS.items() if k in where), ())
            problems.extend(_header_problems(widget, keys, seen))
        if problem is not None:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{name}: {problem}")
    return problems


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def size(request: pytest.FixtureRequest) -> Iterator[tuple[int, int]]:
    (width, height), scale = SIZES[request.param]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QFont(app.font())
    ensure_chinese_font(app)  # as the app does at start: the widths of the font users see
    if scale != 1.0:
        bigger = QFont(app.font())
        bigger.setPointSizeF(bigger.pointSizeF() * scale)
        app.setFont(bigger)
    yield (width, height)
    app.setFont(original)


def _report(problems: dict[str, list[str]]) -> str:
    seen: dict[str, str] = {}
    for where, found in problems.items():
        for problem in found:
            seen.setdefault(problem, where)
    return "\n" + "\n".join(f"{where}: {problem}" for problem, where in seen.items())


def test_pages_show_their_text_whole(qtbot, demo_context: UiContext, size) -> None:
    problems = {}
    seen: set[str] = set()
    for where, window in main_window_states(demo_context, qtbot, size):
        if found := clipped(window, where, seen):
            problems[where] = found
    assert not problems, _report(problems)
    # the key columns were really measured, on tables with rows
    assert {"适用条款", "认定结果", "状态", "期限"} <= seen, seen


def test_dialogs_show_their_text_whole(qtbot, demo_context: UiContext, size,
                                       tmp_path: Path) -> None:
    problems = {}
    for where, dialog in dialog_states(demo_context, qtbot, tmp_path, size):
        if found := clipped(dialog, where):
            problems[where] = found
    assert not problems, _report(problems)


def test_header_check_sees_a_hidden_key_column(qtbot) -> None:
    """The check itself: a 适用条款 column pushed past the view's edge is reported."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    model = QStandardItemModel(1, 3)
    model.setHorizontalHeaderLabels(["案件编号", "说明", "适用条款"])
    model.setItem(0, 2, QStandardItem("第十条第一款第（三）项"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setColumnWidth(1, 400)
    view.show()
    qtbot.waitExposed(view)
    assert any("适用条款" in p for p in _header_problems(view, ("适用条款",)))
