"""The first-run wizard's last two pages: the township's departments (a starter list to edit)
and the check of what is still the demo township's (Nanmu's) or still empty."""

from __future__ import annotations

from dataclasses import dataclass

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
from nanmu_desktop.services.officers import DepartmentInfo
from nanmu_desktop.services.settings import TownshipProfileInfo
from nanmu_desktop.services.township_check import CheckItem


@dataclass(frozen=True)
class DepartmentChanges:
    """What 完成 does to the departments: existing ones renamed or retired, new ones added."""

    renamed: tuple[tuple[int, str], ...]  # (department id, new name)
    retired: tuple[int, ...]
    added: tuple[str, ...]


class DepartmentsSection(QWidget):
    """科室: the database's active departments (a new database has the starter list) to rename,
    drop (retired, so old cases keep them) or add to."""

    changed = Signal()

    def __init__(self, existing: list[DepartmentInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing = {d.id: d.name for d in existing}
        hint = QLabel(
            "登记执法人员时从这里选择所在科室。下面是常见科室，请按本单位实际修改"
            "（双击改名），多余的删除，缺少的添加。之后在“设置”中还可以调整。"
        )
        hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("departmentList")
        for department in existing:
            self._add_item(department.name, department.id)
        if not existing:
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

    def _add_item(self, name: str, department_id: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, department_id)
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
        if item is not None:
            self.list.takeItem(self.list.row(item))
            self.changed.emit()

    def _items(self) -> list[tuple[int | None, str]]:
        rows = (self.list.item(row) for row in range(self.list.count()))
        return [(item.data(Qt.ItemDataRole.UserRole), item.text().strip()) for item in rows]

    def names(self) -> list[str]:
        """Every department the township will have, in order, without repeats."""
        return list(dict.fromkeys(name for _, name in self._items() if name))

    def changes(self) -> DepartmentChanges:
        kept = {dept_id: name for dept_id, name in self._items() if dept_id is not None}
        taken = set(self.existing.values())
        return DepartmentChanges(
            renamed=tuple((i, n) for i, n in kept.items() if n and n != self.existing[i]),
            retired=tuple(i for i in self.existing if i not in kept or not kept[i]),
            added=tuple(dict.fromkeys(
                n for i, n in self._items() if i is None and n and n not in taken
            )),
        )


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
