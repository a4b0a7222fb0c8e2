"""第十七条's charts, drawn with QPainter: bars per cited item, field, department and month, the
cases of the chosen row marked in red inside each bar.

QPainter rather than QtCharts: QtCharts would add libQt6Charts (2.3 MB), its binding (1.0 MB)
and the OpenGL widgets it pulls in to the bundle (on 6.12 also the 59 MB PySide6-Addons download,
which 6.9 needs anyway for QtPdf), and four bar charts are a few dozen lines of painting at no
bundle cost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from nanmu_desktop.domain.risk_breakdown import Breakdown, Tally

BAR_COLOR = QColor("#5b8cc9")
MARK_COLOR = QColor("#c0392b")
MAX_BARS = 12  # the most frequent; the rest are named in one line (a case may be in several bars,
# so a summed "其他" bar would count cases twice)
_BAR = 16
_GAP = 6
_PAD = 8


class BarChart(QWidget):
    """Horizontal bars (labels left, counts right) or, `columns=True`, columns by month."""

    def __init__(self, title: str, *, columns: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.columns = columns
        self.bars: tuple[Tally, ...] = ()
        self.hidden = 0  # bars left out beyond MAX_BARS
        self._hit: list[tuple[QRect, Tally]] = []
        self.setAccessibleName(title)
        self.setMinimumHeight(140)

    def set_bars(self, bars: tuple[Tally, ...]) -> None:
        self.bars = bars if self.columns else bars[:MAX_BARS]
        self.hidden = len(bars) - len(self.bars)
        self.setAccessibleDescription(
            "；".join(f"{b.label} {b.count} 件" for b in self.bars) or "无数据"
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        if self.columns:
            return QSize(360, 200)
        rows = max(len(self.bars), 1) + (1 if self.hidden else 0)
        return QSize(360, metrics.height() + _PAD * 3 + rows * (_BAR + _GAP))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        top = _PAD + metrics.height()
        painter.drawText(QRect(_PAD, _PAD // 2, self.width() - 2 * _PAD, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        self._hit = []
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "所选期间没有认定记录")
            return
        area = QRect(_PAD, top + _PAD, self.width() - 2 * _PAD, self.height() - top - 2 * _PAD)
        if self.columns:
            self._paint_columns(painter, area, metrics)
        else:
            self._paint_rows(painter, area, metrics)

    def _paint_rows(self, painter: QPainter, area: QRect, metrics: QFontMetrics) -> None:
        most = max(b.count for b in self.bars) or 1
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + _PAD,
                          area.width() // 2)
        count_width = metrics.horizontalAdvance("999 件") + _PAD
        bar_width = max(area.width() - label_width - count_width, 10)
        y = area.top()
        for bar in self.bars:
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_width - _PAD)
            row = QRect(area.left(), y, area.width(), _BAR)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QRect(area.left(), y, label_width - _PAD, _BAR),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = round(bar_width * bar.count / most)
            x = area.left() + label_width
            self._fill(painter, QRect(x, y + 2, length, _BAR - 4), bar, horizontal=True)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(QRect(x + length + 4, y, count_width, _BAR),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{bar.count} 件")
            self._hit.append((row, bar))
            y += _BAR + _GAP
        if self.hidden:
            painter.drawText(QRect(area.left(), y, area.width(), _BAR),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"另有 {self.hidden} 项较少的未画出")

    def _paint_columns(self, painter: QPainter, area: QRect, metrics: QFontMetrics) -> None:
        most = max(b.count for b in self.bars) or 1
        label_height = metrics.height() + 2
        height = max(area.height() - 2 * label_height, 10)
        slot = area.width() / len(self.bars)
        width = max(min(int(slot * 0.7), 40), 2)
        # Month labels only where they fit (every k-th), the first and last month always.
        step = max(1, int((metrics.horizontalAdvance("2025-10") + _PAD) // max(slot, 1)) + 1)
        for index, bar in enumerate(self.bars):
            x = round(area.left() + index * slot + (slot - width) / 2)
            length = round(height * bar.count / most)
            bottom = area.top() + label_height + height
            column = QRect(x, bottom - length, width, length)
            self._fill(painter, column, bar, horizontal=False)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            if bar.count:
                painter.drawText(QRect(x - 10, bottom - length - label_height, width + 20,
                                       label_height), Qt.AlignmentFlag.AlignCenter, str(bar.count))
            if index % step == 0 or index == len(self.bars) - 1:
                painter.drawText(QRect(round(x + width / 2 - slot * step / 2), bottom + 2,
                                       round(slot * step), label_height),
                                 Qt.AlignmentFlag.AlignCenter, bar.label)
            self._hit.append((QRect(round(area.left() + index * slot), area.top(),
                                    max(round(slot), 1), area.height()), bar))

    def _fill(self, painter: QPainter, rect: QRect, bar: Tally, *, horizontal: bool) -> None:
        painter.fillRect(rect, BAR_COLOR)
        if bar.marked and bar.count:
            share = bar.marked / bar.count
            if horizontal:
                marked = QRect(rect.left(), rect.top(), round(rect.width() * share), rect.height())
            else:
                part = round(rect.height() * share)
                marked = QRect(rect.left(), rect.bottom() - part + 1, rect.width(), part)
            painter.fillRect(marked, MARK_COLOR)

    def bar_at(self, point: QPoint) -> Tally | None:
        return next((bar for rect, bar in self._hit if rect.contains(point)), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())
            if bar is None:
                QToolTip.hideText()
            else:
                marked = f"，其中所选易错情形 {bar.marked} 件" if bar.marked else ""
                QToolTip.showText(event.globalPos(), f"{bar.label}：{bar.count} 件{marked}", self)
            return True
        return super().event(event)


class RiskCharts(QWidget):
    """The four charts of a period, with a line naming what is marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_citation = BarChart("按适用条款（项）")
        self.by_field = BarChart("按执法领域")
        self.by_department = BarChart("按科室")
        self.by_month = BarChart("按月份（违法行为发生时间）", columns=True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.by_citation, 0, 0)
        grid.addWidget(self.by_field, 0, 1)
        grid.addWidget(self.by_department, 1, 0)
        grid.addWidget(self.by_month, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(grid, 1)

    def show_breakdown(self, data: Breakdown, marked: str | None) -> None:
        self.by_citation.set_bars(data.by_citation)
        self.by_field.set_bars(data.by_field)
        self.by_department.set_bars(data.by_department)
        self.by_month.set_bars(data.by_month)
        hint = (f"红色为所选易错情形：{marked}。" if marked
                else "在明细表中选择一行，图中以红色标出该情形的案件。")
        self.caption.setText(f"期间内已作决定的案件 {data.cases} 件。{hint}")
