"""`cases`, `case show ID`, `case import FILE.json` (and the actions of decisions.py and
deliveries.py)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

HEADERS = ("案件编号", "当事执法人员", "科室", "来源", "领域", "发生日期", "状态", "认定结果")


def register(subparsers: Any) -> None:
    from nanmu_desktop.cli import deliveries
    from nanmu_desktop.cli.decisions import register_case_actions
    from nanmu_desktop.cli.investigation import register_investigate

    listing = subparsers.add_parser("cases", help="列出全部案件", description="列出全部案件。")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_cases)

    case = subparsers.add_parser("case", help="查看或导入案件", description="查看或导入案件。")
    actions = case.add_subparsers(title="操作", dest="case_action", metavar="操作", required=True)
    show = actions.add_parser("show", help="显示一件案件", description="显示一件案件的全部信息。")
    show.add_argument("case_ref", metavar="案件", help="案件编号（如 RC-2026-001）或序号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=run_show)
    imp = actions.add_parser(
        "import",
        help="从 JSON 文件导入案件",
        description="导入案件及其执法人员和认定事实；格式见 docs/import-format.md。"
        "任何一处有误则全部不写入，并列出每个问题。",
    )
    imp.add_argument("file", metavar="文件", help="JSON 文件，“-” 表示从标准输入读取")
    imp.set_defaults(handler=run_import)
    register_case_actions(actions)
    register_investigate(actions)
    deliveries.register_case_actions(actions)


def run_cases(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.cli.table import format_table
    from nanmu_desktop.services.case_list import CaseQuery, list_cases
    from nanmu_desktop.services.case_types import CaseSummary
    from nanmu_desktop.storage.case_search import MAX_LIMIT

    db = open_cli_database(args, create=False)
    try:
        rows: list[CaseSummary] = []
        while True:
            query = CaseQuery(sort="number", descending=False, offset=len(rows), limit=MAX_LIMIT)
            page = list_cases(db, query)
            rows.extend(page.rows)
            if not page.rows or len(rows) >= page.total:
                break
    finally:
        db.close()
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    if not rows:
        sys.stdout.write("（暂无案件）\n")
        return 0
    table = [
        (
            r.number,
            r.officers,
            r.department,
            r.source_label,
            r.field_label,
            r.occurred_on.isoformat(),
            r.status_label,
            r.outcome_label or "—",
        )
        for r in rows
    ]
    sys.stdout.write(format_table(HEADERS, table) + f"\n共 {len(rows)} 件\n")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.case_view import case_text, gather_case
    from nanmu_desktop.cli.support import open_cli_database, print_json

    db = open_cli_database(args, create=False)
    try:
        view = gather_case(db, args.case_ref)
    finally:
        db.close()
    if args.json:
        print_json(view)
    else:
        sys.stdout.write(case_text(view))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, read_json_source, terminal_line
    from nanmu_desktop.errors import ValidationError
    from nanmu_desktop.services.case_import import import_cases

    document = read_json_source(args.file)
    db = open_cli_database(args)
    try:
        result = import_cases(db, document, actor="命令行导入")
    except ValidationError as err:
        sys.stderr.write(f"错误：导入文件有 {len(err.problems)} 处问题，未写入任何数据：\n")
        for problem in err.problems:
            sys.stderr.write(f"  {terminal_line(str(problem))}\n")
        return 2
    finally:
        db.close()
    sys.stdout.write(
        f"已导入 {len(result.case_ids)} 件案件（{'、'.join(result.case_numbers)}），"
        f"新增执法人员 {result.officers_created} 名，形成认定意见 {result.proposals} 件。\n"
    )
    return 0
