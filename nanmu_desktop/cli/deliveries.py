"""`case deliver` and `case deliveries`: 送达 of the decision (第十三条) to each unit and party."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from nanmu_desktop.domain.service_of_notice import DELIVERY_METHODS
from nanmu_desktop.errors import Problem, ValidationError


def register_case_actions(actions: Any) -> None:
    """`case deliver` and `case deliveries`, added to the `case` command's actions."""
    deliver = actions.add_parser(
        "deliver",
        help="登记决定的送达（告知，第十三条）",
        description="登记一次送达：送达对象（所在单位或当事人）、方式、日期、送达人，可附送达回证。"
        "所有应送达对象都登记后，案件转入“告知公开”。",
    )
    deliver.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    deliver.add_argument(
        "--to", required=True, metavar="unit|party|other",
        help="对象类别：unit（所在单位）、party（当事人）、other（其他），也可用中文",
    )
    deliver.add_argument("--name", required=True, metavar="名称", help="单位名称或当事人姓名")
    deliver.add_argument(
        "--method", default=DELIVERY_METHODS[0], metavar="方式",
        help="送达方式（默认直接送达）：" + "、".join(DELIVERY_METHODS),
    )
    deliver.add_argument("--on", required=True, metavar="日期", help="送达日期 YYYY-MM-DD")
    deliver.add_argument("--by", default="", metavar="送达人", help="送达人姓名")
    deliver.add_argument("--receipt", type=Path, metavar="文件", help="送达回证的扫描件或照片")
    deliver.add_argument("--notes", default="", metavar="备注", help="备注")
    deliver.set_defaults(handler=run_deliver)
    listing = actions.add_parser(
        "deliveries",
        help="列出案件的应送达对象和送达记录",
        description="列出案件的应送达对象（所在单位、当事人）及是否已送达，以及每次送达记录。",
    )
    listing.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_deliveries)


def run_deliver(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, terminal_line
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.deliveries import service_status
    from nanmu_desktop.services.notices import NotificationInput, Receipt, record_notification

    day = _date(args.on, "--on")
    receipt = Receipt(args.receipt.name, args.receipt.read_bytes()) if args.receipt else None
    db = open_cli_database(args)
    try:
        case = find_case(db, args.case_ref)
        data = NotificationInput(
            recipient=args.name, done_on=day, method=args.method, notes=args.notes,
            role=args.to, delivered_by=args.by, receipt=receipt,
        )
        info = record_notification(db, case.id, data, actor="命令行")
        status = service_status(db, case.id)
    finally:
        db.close()
    late = "（逾期）" if info.late else ""
    line = (
        f"{case.number} 已登记送达：{info.recipient_role_label}{info.recipient}，"
        f"{info.method}，{info.done_on.isoformat()}{late}"
    )
    if info.receipt_file_name:
        line += f"，送达回证：{info.receipt_file_name}"
    sys.stdout.write(terminal_line(line) + "\n")
    if status.complete:
        sys.stdout.write("应送达对象均已送达，告知完成。\n")
    else:
        missing = "、".join(r.label for r in status.missing)
        sys.stdout.write(terminal_line(f"尚未送达：{missing}") + "\n")
    return 0


def run_deliveries(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json
    from nanmu_desktop.cli.table import format_table
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.deliveries import service_status
    from nanmu_desktop.services.notices import list_notices

    db = open_cli_database(args, create=False)
    try:
        case = find_case(db, args.case_ref)
        status = service_status(db, case.id)
        rows = [n for n in list_notices(db, case.id) if n.kind == "notification"]
    finally:
        db.close()
    if args.json:
        print_json({
            "case": case.number,
            "decided": status.decided,
            "deadline": status.deadline,
            "complete": status.complete,
            "recipients": [
                {
                    "role": r.role, "role_label": r.role_label, "name": r.name,
                    "delivered": r.delivered, "delivered_on": r.delivered_on, "method": r.method,
                }
                for r in status.recipients
            ],
            "deliveries": [
                {
                    "id": n.id, "role": n.recipient_role, "name": n.recipient, "method": n.method,
                    "delivered_on": n.done_on, "delivered_by": n.delivered_by,
                    "receipt": n.receipt_file_name or None, "deadline": n.deadline,
                    "late": n.late, "notes": n.notes,
                }
                for n in rows
            ],
        })
        return 0
    if not status.decided:
        sys.stdout.write(f"{case.number} 尚无党委决定，无需送达。\n")
        return 0
    deadline = f"，告知期限 {status.deadline.isoformat()}" if status.deadline else ""
    state = "告知已完成" if status.complete else f"尚有 {len(status.missing)} 个对象未送达"
    sys.stdout.write(f"{case.number} 应送达对象（{state}{deadline}）：\n")
    table = [
        [r.role_label, r.name or "（未登记单位名称）", "已送达" if r.delivered else "未送达",
         r.delivered_on.isoformat() if r.delivered_on else "", r.method]
        for r in status.recipients
    ]
    headers = ("类别", "名称", "状态", "送达日期", "方式")
    sys.stdout.write(_terminal_block(format_table(headers, table)) + "\n")
    if rows:
        sys.stdout.write("\n送达记录：\n")
        records = [
            [n.recipient_role_label or "—", n.recipient, n.method, n.done_on.isoformat()
             + ("（逾期）" if n.late else ""), n.delivered_by, n.receipt_file_name]
            for n in rows
        ]
        columns = ("类别", "对象", "方式", "日期", "送达人", "送达回证")
        sys.stdout.write(_terminal_block(format_table(columns, records)) + "\n")
    return 0


def _terminal_block(text: str) -> str:
    """Each line of a table made safe for the terminal (names are the user's own input)."""
    from nanmu_desktop.cli.support import terminal_line

    return "\n".join(terminal_line(line) for line in text.split("\n"))


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError([Problem(option, f"日期格式应为 YYYY-MM-DD：{text}")]) from None
