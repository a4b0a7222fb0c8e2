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
    parser.set_defaults(handler=run_determine)


def run_determine(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli_support import print_json, read_json_source
    from nanmu_desktop.domain.engine import determine
    from nanmu_desktop.domain.facts import Facts

    facts = Facts.from_dict(read_json_source(args.facts))
    print_json(determine(facts).to_dict())
    return 0
