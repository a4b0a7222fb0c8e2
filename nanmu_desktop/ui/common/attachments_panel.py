"""A case's attachments: add files (read and stored in the background), open, remove."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.case_types import AttachmentInfo
from nanmu_desktop.services.cases import (
    add_attachment,
    attachment_bytes,
    get_case,
    remove_attachment,
)
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.dialogs import confirm, show_error
from nanmu_desktop.ui.common.tasks import TaskControl

_ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("文件名", "大小", "添加时间", "说明")


# The folder opened attachments are written to for the viewer; deleted when the program ends.
_open_folder_holder: list[tempfile.TemporaryDirectory[str]] = []


def _open_folder() -> Path:
    if not _open_folder_holder:
        _open_folder_holder.append(tempfile.TemporaryDirectory(prefix="nanmu-attachments-"))
    return Path(_open_folder_holder[0].name)


def write_for_viewing(context: UiContext, attachment_id: int) -> Path:
    """The attachment's bytes (checked against their sha256) as a file a viewer can open."""
    info, content = attachment_bytes(context.database, attachment_id)
    folder = _open_folder() / str(info.id)
    folder.mkdir(exist_ok=True)
    target = folder / Path(info.file_name).name
    target.write_bytes(content)
    return target


class AttachmentsPanel(QWidget):
    #: a new case must be saved before files can be attached to it
    save_requested = Signal()

    def __init__(self, context: UiContext, case_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("attachments_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.hint = QLabel("新案件保存后才能添加附件。")
        self.save_button = QPushButton("保存案件并添加附件")
        self.save_button.clicked.connect(self.save_requested)
        self.add_button = QPushButton("添加附件(&F)…")
        self.add_button.setObjectName("add_attachment_button")
        self.add_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton("打开")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton("移除…")
        self.remove_button.setObjectName("remove_attachment_button")
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for widget in (self.hint, self.save_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        for widget in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.set_case(case_id)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.hint.setVisible(case_id is None)
        self.save_button.setVisible(case_id is None)
        self.add_button.setEnabled(case_id is not None)
        self.reload()

    def reload(self) -> None:
        infos = (
            ()
            if self.case_id is None
            else get_case(self.context.database, self.case_id).attachments
        )
        self._show(infos)

    def _show(self, infos: tuple[AttachmentInfo, ...]) -> None:
        locale = QLocale()
        self.table.setRowCount(len(infos))
        for row, info in enumerate(infos):
            added = info.added_at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = (info.file_name, locale.formattedDataSize(info.size), added, info.description)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID_ROLE, info.id)
                item.setToolTip(f"{info.file_name}\nSHA-256：{info.sha256}")
                self.table.setItem(row, column, item)
        self._update_buttons()

    def _selected_items(self) -> list[QTableWidgetItem]:
        """The first cell of each selected row."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [item for row in rows if (item := self.table.item(row, 0)) is not None]

    def selected_ids(self) -> list[int]:
        return [int(item.data(_ID_ROLE)) for item in self._selected_items()]

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # adding ------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "选择要添加的附件")
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Read and store the files in the background; the list reloads when they are in."""
        if self.case_id is None:
            return
        case_id, database = self.case_id, self.context.database

        def work(control: TaskControl) -> int:
            for done, path in enumerate(paths):
                control.raise_if_cancelled()
                control.report(done, len(paths), f"正在添加 {path.name}")
                try:
                    content = path.read_bytes()
                except OSError as err:
                    raise NanmuError(f"无法读取文件“{path}”：{err.strerror or err}") from err
                add_attachment(database, case_id, path.name, content)
            return len(paths)

        self.context.tasks.run(
            work,
            on_done=self._files_added,
            title="添加附件",
            parent=self,
            writes=True,
            on_error=self._add_failed,
        )

    def _files_added(self, _count: int) -> None:
        self.reload()
        if self.case_id is not None:
            self.context.signals.case_changed.emit(self.case_id)

    def _add_failed(self, error: NanmuError) -> None:
        self.reload()  # the files before the failing one are in
        show_error(self, error, "添加附件失败")

    # opening and removing ------------------------------------------------------------------

    def open_selected(self) -> None:
        for attachment_id in self.selected_ids():
            try:
                path = write_for_viewing(self.context, attachment_id)
            except (NanmuError, OSError) as err:
                show_error(self, err if isinstance(err, NanmuError) else f"无法打开附件：{err}")
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        items = self._selected_items()
        if not items:
            return
        ids = [int(item.data(_ID_ROLE)) for item in items]
        names = "、".join(item.text() for item in items)
        if not confirm(
            self,
            "移除附件",
            f"确定移除附件“{names}”吗？移除后不能恢复。",
            ok_text="移除",
            danger=True,
        ):
            return
        try:
            for attachment_id in ids:
                remove_attachment(self.context.database, attachment_id)
        except NanmuError as err:
            show_error(self, err, "移除附件失败")
        self.reload()
        if self.case_id is not None:
            self.context.signals.case_changed.emit(self.case_id)
