"""Every main-window action, declared once: id, Chinese text, shortcut, menu placement.

The main window builds its menus from `MENUS` and connects handlers by `ActionId`; nothing
else creates top-level QActions, so shortcuts cannot collide unnoticed (a test checks).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


class ActionId(enum.Enum):
    NEW_CASE = enum.auto()
    OPEN_CASE = enum.auto()
    EXPORT_LEDGER = enum.auto()
    EXPORT_LEDGER_PDF = enum.auto()
    QUIT = enum.auto()
    FIND = enum.auto()
    REFRESH = enum.auto()
    PAGE_DUE = enum.auto()
    PAGE_CASES = enum.auto()
    PAGE_WIZARD = enum.auto()
    PAGE_TRACKING = enum.auto()
    PAGE_PETITIONS = enum.auto()
    PAGE_STATISTICS = enum.auto()
    PAGE_ARTICLES = enum.auto()
    PAGE_DOCUMENTS = enum.auto()
    PAGE_SETTINGS = enum.auto()
    DETERMINE_CASE = enum.auto()
    PRINT = enum.auto()
    ABOUT = enum.auto()
    SWITCH_USER = enum.auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str  # with an &-mnemonic
    shortcut: str | None = None
    tip: str = ""


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_CASE: ActionSpec("新建案件(&N)…", "Ctrl+N", "登记一件新的容错纠错案件"),
    ActionId.OPEN_CASE: ActionSpec("打开案件(&O)", "Ctrl+O", "打开案件列表中选中的案件"),
    ActionId.EXPORT_LEDGER: ActionSpec(
        "导出台账(&L)…", "Ctrl+L", "把全部案件导出为容错纠错工作台账（Excel 或 PDF）"
    ),
    ActionId.EXPORT_LEDGER_PDF: ActionSpec(
        "导出台账打印版(&P)…", None, "把全部案件的容错纠错工作台账导出为可打印的 PDF 文件"
    ),
    ActionId.QUIT: ActionSpec("退出(&X)", "Ctrl+Q", "退出本程序"),
    ActionId.FIND: ActionSpec("查找案件(&F)", "Ctrl+F", "在案件列表中按任意文字查找"),
    ActionId.REFRESH: ActionSpec("刷新(&R)", "F5", "重新读取当前页面的数据"),
    ActionId.PAGE_DUE: ActionSpec("待办(&0)", "Ctrl+0", "逾期、今日到期和即将到期的事项"),
    ActionId.PAGE_CASES: ActionSpec("案件(&1)", "Ctrl+1"),
    ActionId.PAGE_WIZARD: ActionSpec("认定向导(&2)", "Ctrl+2"),
    ActionId.PAGE_TRACKING: ActionSpec("办理跟踪(&3)", "Ctrl+3"),
    ActionId.PAGE_PETITIONS: ActionSpec("信访举报(&4)", "Ctrl+4"),
    ActionId.PAGE_STATISTICS: ActionSpec("统计分析(&5)", "Ctrl+5"),
    ActionId.PAGE_ARTICLES: ActionSpec("条文(&6)", "Ctrl+6"),
    ActionId.PAGE_DOCUMENTS: ActionSpec("文书(&7)", "Ctrl+7"),
    ActionId.PAGE_SETTINGS: ActionSpec("设置(&8)", "Ctrl+8"),
    ActionId.DETERMINE_CASE: ActionSpec("认定选中案件(&D)", "Ctrl+D", "对选中的案件运行认定向导"),
    ActionId.PRINT: ActionSpec("打印(&P)…", "Ctrl+P", "打印当前文书"),
    ActionId.ABOUT: ActionSpec("关于(&A)", None, "版本与制度依据"),
    ActionId.SWITCH_USER: ActionSpec("切换用户(&U)…", None, "以另一位用户的身份登录"),
}

#: menu title → its actions in order; None draws a separator
MENUS: tuple[tuple[str, tuple[ActionId | None, ...]], ...] = (
    (
        "文件(&F)",
        (
            ActionId.NEW_CASE,
            ActionId.OPEN_CASE,
            None,
            ActionId.EXPORT_LEDGER,
            ActionId.EXPORT_LEDGER_PDF,
            None,
            ActionId.SWITCH_USER,
            ActionId.QUIT,
        ),
    ),
    ("编辑(&E)", (ActionId.FIND,)),
    (
        "查看(&V)",
        (
            ActionId.PAGE_DUE,
            ActionId.PAGE_CASES,
            ActionId.PAGE_WIZARD,
            ActionId.PAGE_TRACKING,
            ActionId.PAGE_PETITIONS,
            ActionId.PAGE_STATISTICS,
            ActionId.PAGE_ARTICLES,
            ActionId.PAGE_DOCUMENTS,
            ActionId.PAGE_SETTINGS,
            None,
            ActionId.REFRESH,
        ),
    ),
    ("案件(&C)", (ActionId.NEW_CASE, ActionId.OPEN_CASE, ActionId.DETERMINE_CASE)),
    ("文书(&D)", (ActionId.PRINT,)),
    ("帮助(&H)", (ActionId.ABOUT,)),
)


class ActionRegistry:
    """Creates one QAction per `ActionId`, owned by `parent` (the main window)."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{action_id.name.lower()}")
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.tip:
                action.setStatusTip(spec.tip)
                action.setToolTip(spec.tip)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def items(self) -> list[tuple[ActionId, QAction]]:
        return list(self._actions.items())
