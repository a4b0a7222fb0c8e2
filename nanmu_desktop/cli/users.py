"""`user add|list|passwd|roles` and `review`: the office's accounts and the 审核 step.

New passwords come from NANMU_NEW_PASSWORD or are asked twice without echo; the acting user's
(`--user`) from NANMU_PASSWORD or a prompt.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from nanmu_desktop.errors import Problem, ValidationError

if TYPE_CHECKING:
    from nanmu_desktop.domain.roles import Role


def register(subparsers: Any) -> None:
    user = subparsers.add_parser(
        "user", help="用户与角色", description="管理本单位的用户：经办、审核、签发、管理员。"
    )
    actions = user.add_subparsers(title="操作", dest="user_action", metavar="操作", required=True)
    add = actions.add_parser(
        "add", help="新增用户",
        description="新增用户。第一个用户须具有管理员角色，无需 --user；此后须由管理员添加。",
    )
    add.add_argument("name", metavar="用户名")
    add.add_argument("--role", required=True, metavar="角色[,角色]",
                     help="经办、审核、签发、管理员（可多个，逗号分隔）")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="列出用户", description="列出用户及其角色。")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_list)
    passwd = actions.add_parser(
        "passwd", help="修改密码", description="修改密码（本人或管理员），同时解除锁定。"
    )
    passwd.add_argument("name", metavar="用户名")
    passwd.set_defaults(handler=run_passwd)
    roles = actions.add_parser("roles", help="修改角色", description="修改用户的角色（管理员）。")
    roles.add_argument("name", metavar="用户名")
    roles.add_argument("--role", required=True, metavar="角色[,角色]")
    roles.set_defaults(handler=run_roles)

    review = subparsers.add_parser(
        "review", help="审核案件的认定建议",
        description="审核：对案件当前的认定建议签署“通过”或“退回”意见（审核角色）。",
    )
    review.add_argument("case", metavar="案件")
    verdict = review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_const", const="approve", dest="verdict",
                         help="审核通过")
    verdict.add_argument("--return", action="store_const", const="return", dest="verdict",
                         help="退回修改（须写 --comment）")
    review.add_argument("--comment", default="", metavar="意见")
    review.set_defaults(handler=run_review)


def run_add(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.users import add_user

    roles = _roles(args.role)
    db = open_cli_database(args)
    try:
        info = add_user(db, args.name, roles, _new_password(args.name), actor="命令行")
    finally:
        db.close()
    sys.stdout.write(f"已添加用户：{info.name}（{info.roles_text}）\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.services.users import list_users

    db = open_cli_database(args)
    try:
        users = list_users(db)
    finally:
        db.close()
    now = datetime.now(UTC)
    if args.json:
        print_json([
            {"name": u.name, "roles": sorted(r.value for r in u.roles), "roles_text": u.roles_text,
             "locked_until": u.locked_until.isoformat() if u.locked_at(now) and u.locked_until
             else None}
            for u in users
        ])
        return 0
    if not users:
        sys.stdout.write("尚未设置用户（单机使用，不需登录）。\n")
    for u in users:
        locked = (f"　已锁定至 {u.locked_until.astimezone():%Y-%m-%d %H:%M}"
                  if u.locked_at(now) and u.locked_until else "")
        sys.stdout.write(f"{u.name}\t{u.roles_text}{locked}\n")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.users import set_password

    db = open_cli_database(args)
    try:
        set_password(db, args.name, _new_password(args.name), actor="命令行")
    finally:
        db.close()
    sys.stdout.write(f"已修改用户“{args.name}”的密码。\n")
    return 0


def run_roles(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.users import set_roles

    roles = _roles(args.role)
    db = open_cli_database(args)
    try:
        info = set_roles(db, args.name, roles, actor="命令行")
    finally:
        db.close()
    sys.stdout.write(f"用户“{info.name}”的角色：{info.roles_text}\n")
    return 0


def run_review(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.reviews import review_case

    db = open_cli_database(args)
    try:
        case = find_case(db, args.case)
        info = review_case(db, case.id, args.verdict, args.comment, actor="命令行")
    finally:
        db.close()
    sys.stdout.write(f"{case.number}：{info.verdict_label}（{info.reviewer}）\n")
    return 0


def _roles(text: str) -> frozenset[Role]:
    from nanmu_desktop.domain.roles import parse_roles

    try:
        return parse_roles(text)
    except ValueError as err:
        raise ValidationError([Problem("--role", str(err))]) from None


def _new_password(name: str) -> str:
    import os

    from nanmu_desktop.cli.support import read_password

    if "NANMU_NEW_PASSWORD" in os.environ:
        return os.environ["NANMU_NEW_PASSWORD"]
    first = read_password(f"用户“{name}”的新密码：", env="NANMU_NEW_PASSWORD")
    again = read_password("再次输入新密码：", env="NANMU_NEW_PASSWORD")
    if first != again:
        raise ValidationError([Problem("密码", "两次输入的新密码不一致")])
    return first
