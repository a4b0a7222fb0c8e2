"""The first-run wizard's last two pages: the township's departments (a starter list to edit)
and the check of what is still the demo township's (Nanmu's) or still empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nanmu_desktop.domain.vocabulary import DEFAULT_DEPARTMENTS, DocumentKind
from nanmu_desktop.services.settings import TownshipProfileInfo
from nanmu_desktop.services.township_check import CheckItem


class DepartmentsSection(QWidget):
    """科室: the ones already in the database (kept) plus a starter list to rename, add or drop."""

    changed = Signal()

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing = list(existing)
        hint = QLabel(
            "登记执法人员时从这里选择所在科室。下面是常见科室，请按本单位实际修改"
            "（双击改名），多余的删除，缺少的添加。之后在“设置”中还可以调整。"
        )
        hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("departmentList")
        for name in self.existing:
            item = QListWidgetItem(f"{name}（已有）")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        if not self.existing:
            for name in DEFAULT_DEPARTMENTS:
                self._add_item(name)
        self.add_button = QPushButton("添加科室(&A)", self)
        self.remove_button = QPushButton("删除(&D)", self)
        self.add_button.clicked.connect(self.add_new)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.itemChanged.connect(lambda *_: self.changed.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _add_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    @Slot()
    def add_new(self) -> None:
        item = self._add_item("新科室")
        self.list.setCurrentItem(item)
        self.list.editItem(item)
        self.changed.emit()

    @Slot()
    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole):
            return  # departments already in use stay (retired in 设置, not deleted here)
        self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def names(self) -> list[str]:
        """Every department the township will have, in order, without repeats."""
        out: list[str] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.data(Qt.ItemDataRole.UserRole) or item.text().strip()
            if name and name not in out:
                out.append(name)
        return out

    def new_names(self) -> list[str]:
        return [name for name in self.names() if name not in self.existing]


class CheckSection(QWidget):
    """What will be saved, then what is still Nanmu's (to change) or empty (with its
    consequence)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recap = QLabel(self)
        self.recap.setObjectName("checkRecap")
        self.recap.setWordWrap(True)
        self.recap.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("checkSummary")
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setObjectName("checkDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.recap)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.items: list[CheckItem] = []

    def show_items(self, profile: TownshipProfileInfo, departments: list[str],
                   items: list[CheckItem]) -> None:
        self.items = items
        wording = profile.wording
        own = {k: v for k, v in profile.document_prefixes.items() if v != profile.default_prefix}
        prefix = profile.default_prefix + "".join(
            f"；{DocumentKind(k).label}用 {v}" for k, v in own.items()
        )
        self.recap.setText("\n".join((
            "将保存：",
            f"单位名称：{profile.name_zh}（{profile.type_label}，文书中写作"
            f"{wording.party_committee}、{wording.we}）",
            f"蒙古文名称：{'已填写' if profile.name_mn else '无'}",
            f"发文代字：{prefix}",
            f"签发人：{profile.signer}　印发机关：{profile.issuing_authority}",
            f"默认抄送：{'、'.join(profile.default_cc) or '无'}",
            f"告知期限：按{profile.day_counting_label}计算",
            f"科室：{'、'.join(departments)}",
        )))
        nanmu = [i for i in items if i.nanmu and i.field != "制度"]
        if nanmu:
            self.summary.setText(f"有 {len(nanmu)} 项仍是南木乡的信息，请返回修改：")
            self.summary.setStyleSheet("color: #c0392b;")
        elif items:
            self.summary.setText("请注意：")
            self.summary.setStyleSheet("")
        else:
            self.summary.setText("各项均已填写，点“完成”保存。")
            self.summary.setStyleSheet("")
        self.details.setText("\n".join(("⚠ " if i.nanmu else "· ") + i.message for i in items))
