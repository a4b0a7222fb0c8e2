"""`migrate-to TARGET`: copy the whole database (`--db`) into an empty file or server database."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "migrate-to",
        help="把整个数据库迁移到一个空的数据库文件或单位服务器（PostgreSQL）",
        description="把 --db 指定的数据库完整复制到空的目标：新的 SQLite 文件，或 "
        "postgresql://用户@服务器/库名。目标已有数据时拒绝；原数据库不作改动。"
        "详见 README“多台电脑共用（单位服务器）”。",
    )
    parser.add_argument("target", metavar="目标", help="新数据库文件的路径，或 postgresql://… 地址")
    parser.set_defaults(handler=run_migrate_to)


def run_migrate_to(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.office_move import check_target, migrate_office, shown

    db = open_cli_database(args, create=False)
    try:
        check_target(args.target, db)  # before any long work: a clear refusal first
        sys.stdout.write(f"正在迁移到 {shown(args.target)} …\n")
        result = migrate_office(db, args.target)
    finally:
        db.close()
    for table, count in result.rows.items():
        if count:
            sys.stdout.write(f"  {table}：{count} 行\n")
    sys.stdout.write(f"已复制 {result.total} 行到 {result.target}。\n")
    if result.problems:
        for problem in result.problems:
            sys.stderr.write(f"检查未通过：{problem}\n")
        return 1
    sys.stdout.write("目标数据库检查：全部通过。\n")
    return 0
