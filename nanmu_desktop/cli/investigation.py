"""`case investigate`: record the 调查核实 of a case from the command line, through the same
service as the desktop app (investigators by name or 执法证号 from the people list)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register_investigate(actions: Any) -> None:
    """`case investigate`, added to the `case` command's actions."""
    parser = actions.add_parser(
        "investigate",
        help="录入或修改案件的调查核实情况",
        description="录入（已有则修改）案件的调查核实：调查人员（人员名单中的姓名或执法证号，"
        "一般不少于两名）、起止日期、查明的事实和证据清单。未录入调查核实也可以认定，但会提示。",
    )
    parser.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    parser.add_argument("--investigator", action="append", required=True, metavar="姓名",
                        help="调查人员姓名或执法证号（可重复）")
    parser.add_argument("--from", dest="started_on", required=True, metavar="日期",
                        help="调查开始日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="ended_on", required=True, metavar="日期",
                        help="调查结束日期 YYYY-MM-DD")
    parser.add_argument("--findings", required=True, metavar="文字", help="查明的事实")
    parser.add_argument("--evidence", action="append", default=[], metavar="文字",
                        help="证据一项（可重复）")
    parser.add_argument("--attachment", action="append", default=[], type=int, metavar="编号",
                        help="属于调查核实的附件编号（见 case show --json，可重复）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(handler=run_investigate)


def run_investigate(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.decisions import _date
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.investigations import (
        InvestigationInput,
        officers_named,
        record_investigation,
    )

    started, ended = _date(args.started_on, "--from"), _date(args.ended_on, "--to")
    db = open_cli_database(args)
    try:
        case = find_case(db, args.case_ref)
        data = InvestigationInput(
            investigators=officers_named(db, args.investigator),
            started_on=started,
            ended_on=ended,
            findings=args.findings,
            evidence=tuple(args.evidence),
            attachment_ids=tuple(args.attachment),
        )
        info = record_investigation(db, case.id, data, actor="命令行")
    finally:
        db.close()
    if args.json:
        print_json(info.to_dict())
        return 0
    sys.stdout.write(f"{case.number} 调查核实：{info.period}，调查人员：{info.names}\n")
    for warning in info.warnings:
        sys.stdout.write(f"提示：{warning}\n")
    return 0


def investigation_lines(found: dict[str, Any] | None) -> list[str]:
    """The investigation in `case show`'s text."""
    if found is None:
        return ["调查核实：尚未录入"]
    names = "、".join(i["name"] for i in found["investigators"])
    lines = [f"调查核实：{found['started_on']} 至 {found['ended_on']}，调查人员：{names}",
             f"  查明的事实：{found['findings']}"]
    lines += [f"  证据{n}：{item}" for n, item in enumerate(found["evidence"], 1)]
    lines += [f"  附件：{a['file_name']}" for a in found["attachments"]]
    return lines
