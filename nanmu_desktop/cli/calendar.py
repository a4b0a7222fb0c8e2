"""`calendar list|set|unset|import|years`: the holiday / 调休 table the deadlines are counted
with (the data package's days, overridden by entries made by hand)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from nanmu_desktop.errors import Problem, ValidationError

LIST_HEADERS = ("日期", "星期", "类型", "名称", "来源", "说明")
YEAR_HEADERS = ("年份", "法定节假日来源")
WEEKDAYS = "一二三四五六日"


def register(subparsers: Any) -> None:
    calendar = subparsers.add_parser(
        "calendar",
        help="法定节假日与调休上班日",
        description="期限计算所用的法定节假日和调休上班日：随程序附带的节假日数据包，"
        "以手工录入的条目为准。数据包未覆盖的年份请手工录入或导入。",
    )
    actions = calendar.add_subparsers(
        title="操作", dest="calendar_action", metavar="操作", required=True
    )
    listing = actions.add_parser("list", help="列出节假日和调休上班日",
                                 description="列出各日的类型、名称和来源（数据包/手工）。")
    listing.add_argument("--year", type=int, metavar="年份", help="只列出这一年")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_list)

    put = actions.add_parser("set", help="手工录入一日", description="将一日手工设为法定"
                             "节假日（holiday）或调休上班日（workday），覆盖数据包和先前的录入。")
    put.add_argument("day", metavar="日期", help="YYYY-MM-DD")
    put.add_argument("kind", metavar="类型", help="holiday（法定节假日）或 workday（调休上班日）")
    put.add_argument("--name", default="", metavar="名称", help="如 春节、国庆节")
    put.set_defaults(handler=run_set)

    unset = actions.add_parser("unset", help="删除一日的手工录入",
                               description="删除手工录入的条目；该日恢复为数据包的记载。")
    unset.add_argument("day", metavar="日期", help="YYYY-MM-DD")
    unset.set_defaults(handler=run_unset)

    imp = actions.add_parser(
        "import",
        help="从 CSV 文件导入",
        description="CSV 文件第一行为表头 date,kind,name，其后每行一日（kind 为 holiday 或 "
        "workday）。任何一行有误则全部不写入，并指出是第几行。",
    )
    imp.add_argument("file", type=Path, metavar="文件", help="CSV 文件（UTF-8 或 GB18030）")
    imp.set_defaults(handler=run_import)

    years = actions.add_parser("years", help="列出已覆盖的年份",
                               description="各年份的法定节假日来自数据包还是手工录入。")
    years.add_argument("--json", action="store_true", help="以 JSON 输出")
    years.set_defaults(handler=run_years)


def run_list(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.cli.table import format_table
    from nanmu_desktop.domain.work_calendar import uncovered_warning
    from nanmu_desktop.services.work_calendar import is_covered, list_days

    db = open_cli_database(args, create=False)
    try:
        days = list_days(db, args.year)
        covered = args.year is None or is_covered(db, args.year)
    finally:
        db.close()
    if args.json:
        print_json([d.to_dict() for d in days])
        return 0
    rows = [(d.day.isoformat(), "星期" + WEEKDAYS[d.day.weekday()], d.kind_label, d.name,
             d.source_label, d.replaces) for d in days]
    if rows:
        sys.stdout.write(format_table(LIST_HEADERS, rows) + f"\n共 {len(rows)} 日\n")
    else:
        sys.stdout.write("（无记录）\n")
    if not covered:
        sys.stdout.write(f"注意：{uncovered_warning(args.year)}。\n")
    return 0


def run_set(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.work_calendar import set_day

    day = _day(args.day)
    db = open_cli_database(args)
    try:
        view = set_day(db, day, args.kind, args.name)
    finally:
        db.close()
    replaced = f"（替代{view.replaces}）" if view.replaces else ""
    name = f"（{view.name}）" if view.name else ""
    sys.stdout.write(f"已将 {day.isoformat()} 设为{view.kind_label}{name}{replaced}。\n")
    return 0


def run_unset(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.work_calendar import list_days, unset_day

    day = _day(args.day)
    db = open_cli_database(args)
    try:
        unset_day(db, day)
        now = next((d for d in list_days(db, day.year) if d.day == day), None)
    finally:
        db.close()
    after = f"恢复为数据包记载：{now.kind_label}（{now.name}）" if now else "恢复为普通日期"
    sys.stdout.write(f"已删除 {day.isoformat()} 的手工录入，{after}。\n")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.work_calendar import import_rows, read_csv_file

    rows = read_csv_file(args.file)  # every row checked before the database is opened
    db = open_cli_database(args)
    try:
        count = import_rows(db, rows)
    finally:
        db.close()
    sys.stdout.write(f"已导入 {count} 日。\n")
    return 0


def run_years(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.cli.table import format_table
    from nanmu_desktop.services.work_calendar import year_coverage

    db = open_cli_database(args, create=False)
    try:
        years = year_coverage(db)
    finally:
        db.close()
    if args.json:
        print_json([{"year": y.year, "covered": y.covered, "in_package": y.in_package,
                     "manual_holidays": y.manual_holidays, "manual_workdays": y.manual_workdays,
                     "label": y.label} for y in years])
        return 0
    rows = [(str(y.year), y.label) for y in years]
    sys.stdout.write(format_table(YEAR_HEADERS, rows) + "\n")
    last = max((y.year for y in years if y.covered), default=None)
    if last is not None:
        sys.stdout.write(f"“未录入”的年份及{last}年以后，期限计算只认星期六、星期日为休息日，并给出提示；"
                         "请用 calendar set 或 calendar import 补录。\n")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            [Problem("日期", f"“{text}”无效，应为 YYYY-MM-DD")]
        ) from None
