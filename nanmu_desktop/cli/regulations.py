"""`regulation list`: the regulation versions the office holds, with their dates and numbers."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from nanmu_desktop.errors import Problem, ValidationError


def register(subparsers: Any) -> None:
    regulation = subparsers.add_parser(
        "regulation", help="规定版本", description="查看、导入本单位持有的规定版本。"
    )
    actions = regulation.add_subparsers(
        title="操作", dest="regulation_action", metavar="操作", required=True
    )
    listing = actions.add_parser("list", help="列出规定版本", description="列出规定版本。")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_list)
    importing = actions.add_parser(
        "import", help="导入本乡镇自己的规定（.txt 或 .docx）",
        description="按印发的原文导入规定：识别章、条、款、项和文号、发文机关、日期，"
        "与范本逐条比较；条款结构与认定规则一致时可用于认定，否则只能登记案件。",
    )
    importing.add_argument("file", type=Path, metavar="文件", help="规定原文（.txt 或 .docx）")
    importing.add_argument("--version", metavar="编号", help="版本编号（默认：文号的 年份-序号）")
    importing.add_argument("--effective-date", metavar="YYYY-MM-DD",
                           help="施行日期（默认：正文所载，否则成文日期）")
    importing.set_defaults(handler=run_import)
    options = actions.add_parser(
        "options",
        help="查看或修改条文未明确的规则选项",
        description="条文未明确的规则以选项保存并有可见的默认值；修改只影响此后记录的决定。",
    )
    options.add_argument(
        "--art10-leniency-is-tolerance", choices=("是", "否"), metavar="是|否",
        help="第十条第一款的从轻、减轻处理是否属于予以容错（第十四条；默认：是）",
    )
    options.add_argument(
        "--notify-all-outcomes", choices=("是", "否"), metavar="是|否",
        help="非容错决定是否也按第十三条期限告知并公开（默认：否）",
    )
    options.set_defaults(handler=run_options)


def run_list(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.services.regulations import list_versions

    db = open_cli_database(args, create=False)
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


def run_import(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.regulation_import import import_regulation, prepare_import

    effective = None
    if args.effective_date:
        try:
            effective = date.fromisoformat(args.effective_date.strip())
        except ValueError:
            raise ValidationError(
                [Problem("施行日期", f"“{args.effective_date}”无效，应为 YYYY-MM-DD")]
            ) from None
    preview = prepare_import(args.file, version=args.version, effective_date=effective)
    db = open_cli_database(args)
    try:
        regulation = import_regulation(db, preview, actor="命令行")
    finally:
        db.close()
    out = sys.stdout
    out.write(f"已导入规定版本 {regulation.version}\n")
    for line in preview.structure_lines():
        out.write(line + "\n")
    out.write(f"与范本（{preview.model.number}）比较：{preview.summary}\n")
    for diff in preview.diffs:
        if diff.change.value != "相同":
            out.write(f"    {diff.line()}\n")
    out.write(preview.state_line() + "\n")
    return 0


def run_options(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.rule_options import get_rule_options, set_rule_options

    db = open_cli_database(args)
    try:
        current = get_rule_options(db)
        changes = {
            name: value == "是"
            for name, value in (
                ("art10_leniency_is_tolerance", args.art10_leniency_is_tolerance),
                ("notify_all_outcomes", args.notify_all_outcomes),
            )
            if value is not None
        }
        if changes:
            current = replace(current, **changes)
            set_rule_options(db, current, actor="命令行")
    finally:
        db.close()
    yes = {True: "是", False: "否"}
    sys.stdout.write(
        f"第十条第一款的从轻、减轻处理属于予以容错（第十四条）：{yes[current.art10_leniency_is_tolerance]}\n"
        f"非容错决定也按第十三条期限告知并公开：{yes[current.notify_all_outcomes]}\n"
    )
    return 0
