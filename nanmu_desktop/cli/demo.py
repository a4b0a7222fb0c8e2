"""`demo`: fill the database with the demonstration data set (services.demo)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="写入演示数据（J1–J4 等 12 件案件、执法人员、信访举报）",
        description="向数据库写入演示数据。数据库中已有案件时拒绝写入，除非指定 --force。",
    )
    parser.add_argument("--force", action="store_true", help="数据库中已有案件时仍然写入")
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.demo import fill_demo

    db = open_cli_database(args)
    try:
        result = fill_demo(db, force=args.force)
    finally:
        db.close()
    sys.stdout.write(
        f"已写入演示数据：案件 {len(result.case_ids)} 件，执法人员 {len(result.officer_ids)} 名，"
        f"信访举报 {len(result.petition_ids)} 件。数据库：{db.path}\n"
    )
    return 0
