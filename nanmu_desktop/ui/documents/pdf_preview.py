"""An embedded PDF viewer: a QPdfDocument loaded from bytes, in a QPdfView with a page/zoom bar."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal, Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class PdfPreview(QWidget):
    """Shows one PDF held in memory; `loaded(page_count)` fires once it is ready to view."""

    loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._data = b""

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.message = QLabel(self)
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self._stack = QStackedLayout()
        self._stack.addWidget(self.message)
        self._stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_bar())
        layout.addLayout(self._stack, 1)

        self.document.statusChanged.connect(self._status_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.clear("选择案件和文书种类后，这里显示文书预览。")

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pageBox")
        self.page_box.setPrefix("第 ")
        self.page_box.setSuffix(" 页")
        self.page_box.setAccessibleName("页码")
        self.page_box.valueChanged.connect(self._jump_to_page)
        self.page_count_label = QLabel(self)
        self.zoom_out_button = self._tool_button("缩小", "－", self.zoom_out)
        self.zoom_in_button = self._tool_button("放大", "＋", self.zoom_in)
        self.fit_width_button = self._tool_button("适合宽度", "适合宽度", self.fit_width)
        self.fit_page_button = self._tool_button("整页", "整页", self.fit_page)
        self.zoom_label = QLabel(self)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count_label)
        bar.addStretch(1)
        tools: tuple[QWidget, ...] = (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_width_button,
            self.fit_page_button,
        )
        for widget in tools:
            bar.addWidget(widget)
        return bar

    def _tool_button(self, tip: str, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # ---- content ---------------------------------------------------------------------

    @property
    def pdf_bytes(self) -> bytes:
        return self._data

    def show_pdf(self, data: bytes) -> None:
        """Load `data`; the buffer stays alive as long as the document reads from it."""
        self.document.close()
        self._data = data
        old_buffer = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old_buffer is not None:
            old_buffer.close()
            old_buffer.deleteLater()

    def clear(self, message: str) -> None:
        """Empty the viewer and show `message` instead (e.g. why there is nothing to show)."""
        self.document.close()
        self._data = b""
        self.message.setText(message)
        self._stack.setCurrentWidget(self.message)
        self._set_controls_enabled(False)

    @Slot(QPdfDocument.Status)
    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            pages = self.document.pageCount()
            self.page_box.blockSignals(True)
            self.page_box.setRange(1, max(pages, 1))
            self.page_box.setValue(1)
            self.page_box.blockSignals(False)
            self.page_count_label.setText(f"共 {pages} 页")
            self._stack.setCurrentWidget(self.view)
            self._set_controls_enabled(True)
            self._update_zoom_label()
            self.loaded.emit(pages)
        elif status == QPdfDocument.Status.Error:
            self.clear("文书无法显示：PDF 数据有误。")

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (
            self.page_box,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_width_button,
            self.fit_page_button,
        ):
            widget.setEnabled(enabled)
        if not enabled:
            self.page_count_label.clear()
            self.zoom_label.clear()

    # ---- navigation and zoom ---------------------------------------------------------

    @Slot(int)
    def _jump_to_page(self, number: int) -> None:
        navigator = self.view.pageNavigator()
        if navigator.currentPage() != number - 1:
            navigator.jump(number - 1, QPointF(), navigator.currentZoom())

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_MIN), ZOOM_MAX))
        self._update_zoom_label()

    @Slot()
    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    @Slot()
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    @Slot()
    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText("适合宽度")
        elif mode == QPdfView.ZoomMode.FitInView:
            self.zoom_label.setText("整页")
        else:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)}%")
