"""`check`: run the database's integrity checks; exit 0 only when every check holds."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="检查数据库完整性（结构、外键、审计链、文号登记）",
        description="逐项检查数据库；全部通过时退出码为 0，否则为 1。",
    )
    parser.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.storage.checks import run_checks

    db = open_cli_database(args, create=False)
    try:
        results = run_checks(db)
    finally:
        db.close()
    for result in results:
        mark = "通过" if result.ok else "未通过"
        line = f"[{mark}] {result.label}"
        if result.details:
            line += f"：{result.details}"
        sys.stdout.write(line + "\n")
    failed = sum(1 for r in results if not r.ok)
    sys.stdout.write(
        f"共 {len(results)} 项，{failed} 项未通过。\n"
        if failed
        else f"共 {len(results)} 项，全部通过。\n"
    )
    return 1 if failed else 0
