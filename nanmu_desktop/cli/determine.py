"""`determine --facts FILE`: run the engine on a facts file and print its result as JSON.

Needs no database: it imports the domain only, so the whole process stays quick.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "determine",
        help="按事实认定结果（不使用数据库），输出 JSON",
        description="读取事实 JSON（见 docs/import-format.md 中的 facts），输出认定结果。",
    )
    parser.add_argument(
        "--facts", required=True, metavar="文件", help="事实 JSON 文件，“-” 表示从标准输入读取"
    )
    parser.add_argument(
        "--on", metavar="日期", help="参照日期 YYYY-MM-DD，按当日施行的规定版本认定（默认今天）"
    )
    parser.set_defaults(handler=run_determine)


def run_determine(args: argparse.Namespace) -> int:
    from datetime import date

    from nanmu_desktop.cli.support import print_json, read_json_source
    from nanmu_desktop.domain.engine import determine
    from nanmu_desktop.domain.facts import Facts
    from nanmu_desktop.domain.regulation_loader import bundled_in_force
    from nanmu_desktop.errors import Problem, ValidationError

    try:
        on = date.fromisoformat(args.on) if args.on else date.today()
    except ValueError:
        raise ValidationError([Problem("--on", f"日期格式应为 YYYY-MM-DD：{args.on}")]) from None
    facts = Facts.from_dict(read_json_source(args.facts))
    print_json(determine(facts, bundled_in_force(on)).to_dict())
    return 0
