"""`nanmu-desktop [--db PATH] SUBCOMMAND`: the services from the command line, or the desktop app.

Subcommands live in small modules of this package listed in `COMMAND_MODULES`; each has
`register(subparsers)` and sets `handler(args) -> int` on its parser. Modules keep heavy imports
(SQLAlchemy, reportlab) inside their handlers, and none of them ever imports Qt.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from nanmu_desktop.cli import (
    backup,
    calendar,
    cases,
    check,
    decisions,
    demo,
    determine,
    documents,
    due,
    people,
    regulations,
    screenshots,
    township,
    users,
)
from nanmu_desktop.cli.parser import ChineseArgumentParser
from nanmu_desktop.errors import NanmuError, Problem, ValidationError

# One module per group of subcommands; order = order in the help text.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    determine,
    cases,
    decisions,
    regulations,
    demo,
    check,
    documents,
    screenshots,
    calendar,
    township,
    people,
    users,
    backup,
    due,
)

_OS_ERRORS = {
    errno.ENOENT: "找不到文件或文件夹",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "所在磁盘是只读的",
}


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="nanmu-desktop",
        description="容错纠错办理系统：行政执法容错纠错案件的登记、认定、决定、文书与台账。"
        "不带子命令时启动桌面程序。",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="文件",
        help="数据库文件（默认取环境变量 NANMU_DB，否则为用户数据目录中的 nanmu.sqlite3）",
    )
    parser.add_argument(
        "--user",
        default=None,
        metavar="用户名",
        help="以该用户身份操作（数据库已设用户时，写入类命令必须指定；"
        "密码取环境变量 NANMU_PASSWORD，否则提示输入）",
    )
    subparsers = parser.add_subparsers(title="子命令", dest="command", metavar="子命令")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def describe_os_error(err: OSError) -> str:
    """One Chinese line for a failed file operation, naming the file."""
    reason = _OS_ERRORS.get(err.errno or 0, f"文件操作失败（{err.strerror or err}）")
    return f"{reason}：{err.filename}" if err.filename else reason


def _run_desktop(db_path: Path) -> int:
    try:
        from nanmu_desktop.ui.app import run
    except ImportError:
        sys.stderr.write(
            "桌面程序尚未安装完整（缺少 nanmu_desktop.ui.app），可使用子命令，见 -h。\n"
        )
        return 2
    return run(db_path)


def _dispatch(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from nanmu_desktop.paths import default_db_path

        return _run_desktop(args.db or default_db_path())
    _check_arguments(args)
    handler = args.handler
    result: int = handler(args)
    return result


def _check_arguments(args: argparse.Namespace) -> None:
    """Text arguments must be text: bytes that are not UTF-8 reach Python as lone surrogates,
    which no database query or output can carry. (File paths may hold such bytes; they pass.)"""
    for name, value in vars(args).items():
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            option = name.replace("_", "-")
            raise ValidationError(
                [Problem(f"参数 {option}", "含有无法识别的字节（不是 UTF-8 编码的文字）")]
            )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: a NanmuError or OSError becomes one Chinese line on stderr and status 2."""
    try:
        return _dispatch(argv)
    except NanmuError as err:
        from nanmu_desktop.cli.support import terminal_line

        sys.stderr.write(f"错误：{terminal_line(err.message)}\n")
        return 2
    except OSError as err:
        sys.stderr.write(f"错误：{describe_os_error(err)}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("已中断。\n")
        return 130
