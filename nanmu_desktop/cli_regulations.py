"""`regulation list`: the regulation versions the office holds, with their dates and numbers."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any


def register(subparsers: Any) -> None:
    regulation = subparsers.add_parser(
        "regulation", help="规定版本", description="查看本单位持有的规定版本。"
    )
    actions = regulation.add_subparsers(
        title="操作", dest="regulation_action", metavar="操作", required=True
    )
    listing = actions.add_parser("list", help="列出规定版本", description="列出规定版本。")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli_support import open_cli_database, print_json
    from nanmu_desktop.services.regulations import list_versions

    db = open_cli_database(args)
    try:
        versions = list_versions(db)
    finally:
        db.close()
    if args.json:
        print_json([asdict(v) for v in versions])
        return 0
    for v in versions:
        state = "可用于认定" if v.usable else "不能用于认定：" + "；".join(v.problems)
        sys.stdout.write(
            f"{v.version}　《{v.title}》（{v.number}）　施行：{v.effective_date.isoformat()}"
            f"　来源：{v.source}　已用于 {v.cases} 次认定　{state}\n"
        )
        for label, value in v.parameters:
            sys.stdout.write(f"    {label}：{value}\n")
    return 0
