"""Who may do what: the four roles of the office and the one table of operations they permit.

A database without users is a one-PC office before set-up: no one is asked. Once it has users,
every writing operation needs a logged-in user holding a role this table allows for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from nanmu_desktop.errors import NanmuError


class Role(StrEnum):
    clerk = "clerk"  # 经办: registers cases, runs determinations, drafts
    reviewer = "reviewer"  # 审核: reviews a case's proposal, returns it with comments
    signer = "signer"  # 签发: issues and voids documents
    admin = "admin"  # 管理员: users, settings, backups


ROLE_LABELS: dict[Role, str] = {
    Role.clerk: "经办",
    Role.reviewer: "审核",
    Role.signer: "签发",
    Role.admin: "管理员",
}


class Operation(StrEnum):
    register = "register"  # 登记案件、编辑案件、附件、导入
    determine = "determine"  # 研判认定（系统建议）
    record = "record"  # 录入党委决定、告知公开、整改、回访、信访
    draft = "draft"  # 起草文书（预览、整改通知等）
    review = "review"  # 审核意见：通过或退回
    correct = "correct"  # 更正已录入的决定
    issue = "issue"  # 签发文书（取号）
    void = "void"  # 作废文书
    users = "users"  # 用户管理
    settings = "settings"  # 设置、节假日、规则选项、字体、条例版本
    backup = "backup"  # 备份
    backdate = "backdate"  # 以本年度以外或早于决定的成文日期签发（须写明理由）


OPERATION_LABELS: dict[Operation, str] = {
    Operation.register: "登记案件",
    Operation.determine: "研判认定",
    Operation.record: "录入办理情况",
    Operation.draft: "起草文书",
    Operation.review: "审核",
    Operation.correct: "更正决定",
    Operation.issue: "签发文书",
    Operation.void: "作废文书",
    Operation.users: "管理用户",
    Operation.settings: "修改设置",
    Operation.backup: "备份数据库",
    Operation.backdate: "以补登日期签发文书",
}

# The one table: each operation and the roles that may perform it.
PERMISSIONS: dict[Operation, frozenset[Role]] = {
    Operation.register: frozenset({Role.clerk}),
    Operation.determine: frozenset({Role.clerk}),
    Operation.record: frozenset({Role.clerk}),
    Operation.draft: frozenset({Role.clerk}),
    Operation.review: frozenset({Role.reviewer}),
    Operation.correct: frozenset({Role.reviewer}),
    Operation.issue: frozenset({Role.signer}),
    Operation.void: frozenset({Role.signer}),
    Operation.users: frozenset({Role.admin}),
    Operation.settings: frozenset({Role.admin}),
    Operation.backup: frozenset({Role.admin}),
    Operation.backdate: frozenset({Role.admin}),
}


class PermissionDeniedError(NanmuError):
    """The user is not logged in, or lacks the role the operation needs: nothing is written."""


@dataclass(frozen=True)
class Actor:
    """A logged-in user: the name the audit rows carry and the roles held."""

    name: str
    roles: frozenset[Role]

    def may(self, operation: Operation) -> bool:
        return bool(self.roles & PERMISSIONS[operation])

    @property
    def role_text(self) -> str:
        return roles_text(self.roles)


def roles_text(roles: Iterable[Role]) -> str:
    """Roles in the table's order, in Chinese: 经办、签发."""
    held = set(roles)
    return "、".join(ROLE_LABELS[role] for role in Role if role in held)


def parse_roles(text: str) -> frozenset[Role]:
    """`经办,签发` or `clerk,signer` (commas of either width, or 、) → roles; ValueError naming
    an unknown one."""
    by_name = {label: role for role, label in ROLE_LABELS.items()} | {r.value: r for r in Role}
    roles: set[Role] = set()
    for part in text.replace("，", ",").replace("、", ",").split(","):
        name = part.strip()
        if not name:
            continue
        if name not in by_name:
            known = "、".join(ROLE_LABELS.values())
            raise ValueError(f"未知角色“{name}”（可用：{known}）")
        roles.add(by_name[name])
    if not roles:
        raise ValueError("至少要指定一个角色")
    return frozenset(roles)


def denial(actor: Actor | None, operation: Operation) -> str | None:
    """Why `actor` may not perform `operation` (Chinese), or None when it may."""
    if actor is None:
        return (
            f"此数据库已设用户，{OPERATION_LABELS[operation]}需要先登录"
            "（命令行用 --user 指定用户）。"
        )
    if actor.may(operation):
        return None
    needed = roles_text(PERMISSIONS[operation])
    return (
        f"用户“{actor.name}”（{actor.role_text}）无权{OPERATION_LABELS[operation]}："
        f"需要“{needed}”角色。"
    )
