"""连接单位服务器 and 迁移数据库, in 设置 › 数据与备份 (and the first run's welcome page).

`ServerDialog` takes the server's address (the fields, or a pasted postgresql:// URL), tests it
in the background (`services.server_connection.try_connection`, reported in Chinese) and saves
it for the next start (the password in a 0600 pgpass file). `ServerSection` is the row in 设置:
which database this window uses, the dialog, back to this PC's file, and 迁移到… (a new file, or
an empty server database) run in the background with its progress.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services import office_move, server_connection
from nanmu_desktop.services.server_connection import ConnectionReport, ServerConnection
from nanmu_desktop.ui.common import dialogs
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.common.tasks import TaskControl

README_SECTION = "多台电脑共用（单位服务器）"


class ServerDialog(QDialog):
    """The server's address and a 测试连接; `purpose` "save" keeps it for the next start,
    "migrate" only returns it (the target of 迁移到…)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None,
                 purpose: str = "save") -> None:
        super().__init__(parent)
        self._context = context
        self.purpose = purpose
        self.connection: ServerConnection | None = None
        self.setWindowTitle("连接单位服务器" if purpose == "save" else "迁移到单位服务器")
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("计算机名或 IP 地址，如 192.168.1.10")
        self.port = QLineEdit("5432", self)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText("如 nanmu_office")
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("或粘贴连接串 postgresql://用户@服务器:5432/库名")
        form = QFormLayout()
        for label, field in (("服务器(&H)", self.host), ("端口(&P)", self.port),
                             ("数据库(&D)", self.database), ("用户名(&U)", self.user),
                             ("密码(&W)", self.password), ("连接串(&R)", self.url)):
            form.addRow(label, field)
        self.test_button = QPushButton("测试连接(&T)", self)
        self.test_button.clicked.connect(self.test)
        self.report_label = QLabel(f"服务器的安装见 README“{README_SECTION}”一节。", self)
        self.report_label.setWordWrap(True)
        self.report_label.setObjectName("serverTestResult")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(
            "保存(&S)" if purpose == "save" else "迁移(&M)", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.report_label)
        layout.addWidget(buttons)
        self.resize(520, 360)
        self.last_report: ConnectionReport | None = None

    def read(self) -> ServerConnection | None:
        try:
            return server_connection.parse_connection(
                self.host.text(), self.port.text(), self.database.text(), self.user.text(),
                self.password.text(), self.url.text())
        except NanmuError as error:
            dialogs.show_error(self, error, "连接信息不完整")
            return None

    @Slot()
    def test(self) -> None:
        connection = self.read()
        if connection is None:
            return
        self.test_button.setEnabled(False)
        self.report_label.setText("正在连接…")

        def work(_control: TaskControl) -> ConnectionReport:
            return server_connection.try_connection(connection)

        handle = self._context.tasks.run(work, writes=False, parent=self, on_done=self._tested)
        handle.finished.connect(lambda: self.test_button.setEnabled(True))

    def _tested(self, report: ConnectionReport) -> None:
        self.last_report = report
        self.report_label.setText(("✔ " if report.ok else "✘ ") + report.message)

    def accept(self) -> None:
        connection = self.read()
        if connection is None:
            return
        self.connection = connection
        if self.purpose == "save":
            try:
                server_connection.save_connection(connection)
            except OSError as err:
                dialogs.show_error(self, f"无法保存连接：{err.strerror or err}", "无法保存")
                return
            dialogs.show_info(self, "已保存", "已保存单位服务器的连接；下次启动本程序时连接该服务器"
                              "（密码保存在本机用户配置目录的 pgpass 文件中，仅本用户可读）。")
        super().accept()


class ServerSection(QObject):
    """The 单位服务器 row of 设置 › 数据与备份."""

    def __init__(self, context: UiContext, layout: QBoxLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self.status = QLabel(parent)
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.connect_button = QPushButton("连接单位服务器(&L)…", parent)
        self.connect_button.setObjectName("connectServerButton")
        self.connect_button.clicked.connect(self.open_dialog)
        self.local_button = QPushButton("改用本机数据库文件(&J)", parent)
        self.local_button.clicked.connect(self.use_local_file)
        self.move_button = QPushButton("迁移到(&M)…", parent)
        self.move_button.setObjectName("migrateButton")
        menu = QMenu(self.move_button)
        menu.addAction("新的数据库文件…", self.migrate_to_file)
        menu.addAction("单位服务器上的空数据库…", self.migrate_to_server)
        self.move_button.setMenu(menu)
        row = QHBoxLayout()
        for widget in (self.connect_button, self.local_button, self.move_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.last_result: office_move.MoveResult | None = None
        self.refresh()

    def refresh(self) -> None:
        saved = server_connection.saved_location()
        now = f"本窗口使用：{self._context.where}。"
        later = (f"下次启动连接：{server_connection.shown_location(saved)}。" if saved
                 else "下次启动使用本机数据库文件。")
        self.status.setText(f"{now}{later}几台电脑共用时见 README“{README_SECTION}”。")
        self.local_button.setEnabled(saved is not None)

    @Slot()
    def open_dialog(self) -> None:
        ServerDialog(self._context, self._parent).exec()
        self.refresh()

    @Slot()
    def use_local_file(self) -> None:
        server_connection.forget_connection()
        self.refresh()

    @Slot()
    def migrate_to_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent, "迁移到新的数据库文件", "", "容错纠错数据库 (*.sqlite3)")
        if path:
            self.migrate(str(Path(path)))

    @Slot()
    def migrate_to_server(self) -> None:
        dialog = ServerDialog(self._context, self._parent, purpose="migrate")
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.connection is not None:
            self.migrate(dialog.connection.url(with_password=True), dialog.connection)

    def migrate(self, target: str, connection: ServerConnection | None = None) -> None:
        """Copy this database into the empty `target` in the background, then report."""
        database = self._context.database

        def work(control: TaskControl) -> office_move.MoveResult:
            def progress(table: str, rows: int) -> None:
                control.raise_if_cancelled()
                control.report(0, 0, f"正在复制 {table}：{rows} 行")

            return office_move.migrate_office(database, target, progress=progress)

        def done(result: office_move.MoveResult) -> None:
            self.last_result = result
            if result.problems:
                dialogs.show_error(self._parent, "迁移完成，但目标数据库检查未通过：\n"
                                   + "\n".join(result.problems), "迁移后检查未通过")
                return
            text = f"已复制 {result.total} 行到 {result.target}，目标数据库检查全部通过。"
            if connection is not None and dialogs.confirm(
                    self._parent, "迁移完成", text + "\n\n以后启动时连接该服务器吗？",
                    ok_text="以后连接服务器"):
                server_connection.save_connection(connection)
                self.refresh()
                return
            dialogs.show_info(self._parent, "迁移完成", text)

        self._context.tasks.run(work, title="正在迁移数据库…", parent=self._parent,
                                on_done=done)
