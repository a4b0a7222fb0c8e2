"""`departments list|add|rename|retire` and `officers list|import|export|template`: the township's
departments and officers from the command line, listed in pinyin order (the UI's order)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    departments = subparsers.add_parser(
        "departments", help="科室", description="查看、新增、改名、停用科室（按拼音排序）。"
    )
    dep = departments.add_subparsers(title="操作", dest="departments_action", metavar="操作",
                                     required=True)
    listing = dep.add_parser("list", help="列出科室", description="列出科室，含已停用的。")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_departments_list)
    add = dep.add_parser("add", help="新增科室", description="新增一个科室。")
    add.add_argument("name", metavar="名称")
    add.set_defaults(handler=run_departments_add)
    rename = dep.add_parser("rename", help="科室改名", description="把科室改为新名称。")
    rename.add_argument("old", metavar="原名称")
    rename.add_argument("new", metavar="新名称")
    rename.set_defaults(handler=run_departments_rename)
    retire = dep.add_parser("retire", help="停用科室",
                            description="停用后不再出现在选择列表中，已登记的案件仍保留。")
    retire.add_argument("name", metavar="名称")
    retire.set_defaults(handler=run_departments_retire)

    officers = subparsers.add_parser(
        "officers", help="执法人员", description="查看执法人员，从 Excel 导入或导出到 Excel。"
    )
    off = officers.add_subparsers(title="操作", dest="officers_action", metavar="操作",
                                  required=True)
    listing = off.add_parser("list", help="列出执法人员", description="列出执法人员，含已停用的。")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_officers_list)
    imp = off.add_parser(
        "import", help="从 Excel 导入科室和执法人员",
        description="逐行检查；有错误的行时不导入任何内容，除非加 --accept-valid 并用 --report "
        "保存错误报告，只导入无误的行。",
    )
    imp.add_argument("file", type=Path, metavar="文件.xlsx")
    imp.add_argument("--accept-valid", action="store_true", help="只导入无误的行")
    imp.add_argument("--report", type=Path, metavar="文件", help="错误报告保存到此文件")
    imp.set_defaults(handler=run_officers_import)
    exp = off.add_parser("export", help="导出到 Excel", description="导出科室和执法人员。")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="文件.xlsx")
    exp.set_defaults(handler=run_officers_export)
    tpl = off.add_parser("template", help="保存导入模板", description="保存空白导入模板。")
    tpl.add_argument("-o", "--output", type=Path, required=True, metavar="文件.xlsx")
    tpl.set_defaults(handler=run_officers_template)


def _state(active: bool) -> str:
    return "在用" if active else "停用"


def run_departments_list(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.services.people import sorted_departments

    db = open_cli_database(args)
    try:
        rows = sorted_departments(db)
    finally:
        db.close()
    if args.json:
        print_json([asdict(d) for d in rows])
    else:
        for d in rows:
            sys.stdout.write(f"{d.name}　{_state(d.active)}\n")
    return 0


def _department_change(args: argparse.Namespace, change: str) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services import people

    db = open_cli_database(args)
    try:
        if change == "add":
            row = people.add_department(db, args.name, actor="命令行")
            message = f"已新增科室：{row.name}"
        elif change == "rename":
            old = people.department_by_name(db, args.old)
            row = people.rename_department(db, old.id, args.new, actor="命令行")
            message = f"已改名：{old.name} → {row.name}"
        else:
            old = people.department_by_name(db, args.name)
            row = people.set_department_retired(db, old.id, True, actor="命令行")
            message = f"已停用科室：{row.name}（已登记的案件不受影响）"
    finally:
        db.close()
    sys.stdout.write(message + "\n")
    return 0


def run_departments_add(args: argparse.Namespace) -> int:
    return _department_change(args, "add")


def run_departments_rename(args: argparse.Namespace) -> int:
    return _department_change(args, "rename")


def run_departments_retire(args: argparse.Namespace) -> int:
    return _department_change(args, "retire")


def run_officers_list(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.cli.table import format_table
    from nanmu_desktop.services.people import sorted_officers

    db = open_cli_database(args)
    try:
        rows = sorted_officers(db)
    finally:
        db.close()
    if args.json:
        print_json([asdict(o) for o in rows])
        return 0
    table = [
        (o.name, o.department_name or "—", o.post or "—", o.badge_number or "—",
         o.badge_valid_until.isoformat() if o.badge_valid_until else "—", _state(o.active))
        for o in rows
    ]
    headers = ("姓名", "科室", "职务", "执法证号", "有效期至", "状态")
    sys.stdout.write(format_table(headers, table) + "\n")
    return 0


def run_officers_import(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.errors import NanmuError
    from nanmu_desktop.services.people_excel import apply_import, plan_import

    if args.accept_valid and args.report is None:
        raise NanmuError("使用 --accept-valid 时必须用 --report 指定错误报告文件")
    db = open_cli_database(args)
    try:
        plan = plan_import(db, args.file)
        result = apply_import(db, plan, accept_valid=args.accept_valid, report=args.report,
                              actor="命令行")
    finally:
        db.close()
    sys.stdout.write(
        f"科室：新增 {result.departments_added}，更新 {result.departments_updated}；"
        f"执法人员：新增 {result.officers_added}，更新 {result.officers_updated}\n"
    )
    if result.skipped:
        sys.stdout.write(f"有 {result.skipped} 处错误的行未导入，报告已保存：{args.report}\n")
    return 0


def run_officers_export(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.people_excel import export_people

    db = open_cli_database(args)
    try:
        export_people(db, args.output)
    finally:
        db.close()
    sys.stdout.write(f"已导出：{args.output}\n")
    return 0


def run_officers_template(args: argparse.Namespace) -> int:
    from nanmu_desktop.services.people_excel import write_template

    write_template(args.output)
    sys.stdout.write(f"已保存导入模板：{args.output}\n")
    return 0
