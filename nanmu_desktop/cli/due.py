"""`due`: the 待办 list (三色督办) — every open obligation across cases, most urgent first.

Each entry: `case` (case number, "" for a petition tied to no case), `what`, `due` (ISO date),
`level` (red = overdue, yellow = due today, blue = due within 3 days; with --all also
"later"), `days` (due minus today: negative = days overdue, 0 = today, positive = days left),
plus `note` (the rule behind the date) and `petition` (its number, or null).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from nanmu_desktop.errors import Problem, ValidationError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "due",
        help="待办：逾期（红）、今日到期（黄）、3日内到期（蓝）的事项",
        description="列出各案件待办事项（三色督办）。days 为到期日减今天的天数：负数为已逾期天数。",
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--today", metavar="日期", help="按此日期（YYYY-MM-DD）计算，默认今天")
    parser.add_argument("--all", action="store_true", help="同时列出3日以后到期的事项（later）")
    parser.set_defaults(handler=run_due)


def run_due(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.cli.table import format_table
    from nanmu_desktop.domain.due import days_text
    from nanmu_desktop.services.due import list_due

    today = _date(args.today) if args.today else date.today()
    db = open_cli_database(args)
    try:
        items = list_due(db, today, include_later=args.all)
    finally:
        db.close()
    entries = [
        {
            "case": i.obligation.case_number,
            "what": i.obligation.what,
            "due": i.obligation.due.isoformat(),
            "level": i.level.value,
            "days": i.days,
            "note": i.obligation.note,
            "petition": i.obligation.petition_id,
        }
        for i in items
    ]
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        sys.stdout.write(f"截至 {today.isoformat()} 没有待办事项。\n")
        return 0
    rows = [
        [i.level.label, i.obligation.case_number or "—", i.obligation.what,
         i.obligation.due.isoformat(), days_text(i.days)]
        for i in items
    ]
    sys.stdout.write(format_table(("督办", "案件", "事项", "期限", "情况"), rows) + "\n")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError([Problem("--today", f"日期格式应为 YYYY-MM-DD：{text}")]) from None
