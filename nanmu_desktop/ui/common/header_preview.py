"""Live preview of the red header (版头) while the township's names and 代字 are typed.

The real page engine renders a one-page document in the background; page 1's top band (from
above the Mongolian line to below the red separator) is then drawn into a label. Requests are
debounced, and a result that an edit has overtaken is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.ui.common.tasks import TaskControl, TaskRunner

DEBOUNCE_MS = 300
# The header block sits between these fractions of the A4 height: the mark starts 35 mm below
# the 版心 top (37 + 35 = 72 mm of 297) with the Mongolian line above it, and the red line
# follows the number; 55–165 mm keeps a two-line Mongolian name, the number and the red line.
BAND_TOP, BAND_BOTTOM = 55 / 297, 165 / 297
RENDER_WIDTH_PX = 900


@dataclass(frozen=True)
class HeaderSpec:
    name_zh: str
    name_mn: str
    prefix: str
    year: int


def render_header_pdf(spec: HeaderSpec) -> bytes:
    """A one-page document whose top carries the header exactly as issued documents will."""
    from nanmu_desktop.documents.notice_model import Header, Notice, Paragraph
    from nanmu_desktop.documents.render import render_notice

    notice = Notice(
        header=Header(mark=f"{spec.name_zh}文件", mongolian=spec.name_mn),
        title="版头预览",
        body=(Paragraph("此页仅用于预览版头。"),),
        number=f"{spec.prefix}〔{spec.year}〕1号",
    )
    return render_notice(notice)


def header_band(pdf: bytes, width_px: int = RENDER_WIDTH_PX) -> QImage:
    """Page 1 of `pdf` rendered `width_px` wide, cut to the header band, on white."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    points = document.pagePointSize(0)
    height_px = round(width_px * points.height() / points.width())
    page = document.render(0, QSize(width_px, height_px))
    document.close()
    top, bottom = round(height_px * BAND_TOP), round(height_px * BAND_BOTTOM)
    band = QImage(width_px, bottom - top, QImage.Format.Format_RGB32)
    band.fill(Qt.GlobalColor.white)
    painter = QPainter(band)
    painter.drawImage(0, 0, page, 0, top, width_px, bottom - top)
    painter.end()
    return band


class HeaderPreview(QObject):
    """Keeps `label` showing the header for the latest `request(...)`; `updated` after each."""

    updated = Signal()

    def __init__(self, label: QLabel, tasks: TaskRunner) -> None:
        super().__init__(label)
        self._label = label
        self._tasks = tasks
        self._pending: HeaderSpec | None = None
        self._generation = 0
        self.image: QImage | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)

    def request(self, name_zh: str, name_mn: str, prefix: str) -> None:
        self._pending = HeaderSpec(
            name_zh.strip(), name_mn.strip(), prefix.strip(), date.today().year
        )
        self._timer.start()

    def _start(self) -> None:
        spec = self._pending
        if spec is None:
            return
        self._generation += 1
        generation = self._generation
        if not spec.name_zh:
            self._show_text("填写单位中文名称后显示版头预览。")
            return

        def work(control: TaskControl) -> bytes:
            return render_header_pdf(spec)

        self._tasks.run(
            work,
            writes=False,
            on_done=lambda pdf: self._show(generation, pdf),
            on_error=lambda err: self._failed(generation, err),
            owner=self._label,
        )

    def _show(self, generation: int, pdf: bytes) -> None:
        if generation != self._generation:
            return  # an edit came after this render started
        self.image = header_band(pdf)
        pixmap = QPixmap.fromImage(self.image)
        target = self._label.contentsRect().size()
        if target.width() > 10 and target.height() > 10:
            pixmap = pixmap.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self._label.setPixmap(pixmap)
        self._label.setToolTip("按实际版式生成的版头预览")
        self.updated.emit()

    def _failed(self, generation: int, error: NanmuError) -> None:
        if generation == self._generation:
            self._show_text(f"无法预览版头：{error.message}")

    def _show_text(self, text: str) -> None:
        self.image = None
        self._label.setPixmap(QPixmap())
        self._label.setText(text)
        self.updated.emit()

