"""Document subcommands: `notice` (draft or `--issue`), `documents`, `document show|void`,
`ledger` and `fonts`. Heavy imports stay inside the handlers; nothing here imports Qt."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nanmu_desktop.errors import Problem, ValidationError
from nanmu_desktop.files import write_atomically

if TYPE_CHECKING:
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.storage.db import Database

KIND_HELP = (
    "determination-worksheet、exemption-decision、mitigation-decision、duty-fulfilled-decision、"
    "non-tolerance-decision、notification、rectification-order、extension-reply、report-feedback、"
    "report-explanation、clarification、risk-warning（也可用中文名称）"
)


def register(subparsers: Any) -> None:
    notice = subparsers.add_parser(
        "notice",
        help="生成文书：默认为草稿（带“草稿”水印、无文号），加 --issue 则签发编号",
        description="为案件或信访举报生成一份文书 PDF。",
    )
    notice.add_argument("--case", metavar="案件", help="案件编号（如 RC-2026-001）或数据库序号")
    notice.add_argument("--petition", type=int, metavar="序号", help="信访举报的数据库序号")
    notice.add_argument("--kind", required=True, metavar="种类", help=KIND_HELP)
    notice.add_argument("-o", "--output", required=True, type=Path, metavar="文件.pdf")
    notice.add_argument("--to", metavar="对象", help="只主送这一单位或当事人（如告知书逐一送达）")
    notice.add_argument("--issue", action="store_true", help="签发：取下一个文号并存档，不可更改")
    notice.add_argument("--date", metavar="YYYY-MM-DD", help="成文日期（默认今天）")
    notice.add_argument(
        "--preprinted", action="store_true",
        help="套打：用于已印好红头的公文纸，不印发文机关标志、蒙古文和红线（仅草稿）",
    )
    notice.add_argument(
        "--admin-reason",
        default="",
        metavar="理由",
        help="管理员理由：成文日期不在本年度或早于党委决定日期时必填（记入审计日志）",
    )
    notice.set_defaults(handler=run_notice)

    listing = subparsers.add_parser("documents", help="列出已签发的文书")
    listing.add_argument("--case", metavar="案件", help="只列出该案件的文书")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=run_documents)

    document = subparsers.add_parser("document", help="查看或作废一份已签发的文书")
    actions = document.add_subparsers(title="操作", dest="action", metavar="操作", required=True)
    show = actions.add_parser("show", help="按文号导出存档的 PDF（与签发时逐字节相同）")
    show.add_argument("number", metavar="文号")
    show.add_argument("-o", "--output", required=True, type=Path, metavar="文件.pdf")
    show.add_argument(
        "--preprinted", action="store_true",
        help="套打版：用于已印好红头的公文纸（须与签发文件逐字节一致地重排，否则拒绝）",
    )
    show.add_argument(
        "--archival", action="store_true",
        help="导出长期保存用的 PDF/A-2b 副本（由签发文件生成，内容相同，签发文件不变）",
    )
    show.set_defaults(handler=run_show)
    void = actions.add_parser("void", help="作废文书：文号保留在登记簿中并记下理由")
    void.add_argument("number", metavar="文号")
    void.add_argument("--reason", required=True, metavar="理由")
    void.set_defaults(handler=run_void)

    ledger = subparsers.add_parser("ledger", help="导出容错纠错工作台账（.xlsx 或 .pdf）")
    ledger.add_argument("-o", "--output", required=True, type=Path, metavar="文件")
    ledger.set_defaults(handler=run_ledger)

    fonts = subparsers.add_parser("fonts", help="列出公文各字体角色所用的字体文件")
    fonts.set_defaults(handler=run_fonts)


def run_notice(args: argparse.Namespace) -> int:
    from nanmu_desktop.services.documents import draft_pdf
    from nanmu_desktop.services.issuing import issue_document

    _check_pdf_path(args.output)
    on = _parse_date(args.date)
    db = _open(args)
    try:
        target = _target(db, args)
        if args.issue and args.preprinted:
            raise ValidationError([Problem("--preprinted", "签发时保存的是正式文件；套打请签发后用 "
                                          "document show 文号 --preprinted")])
        if args.issue:
            # The PDF is on disk (beside -o, synced) before the number is committed.
            info = issue_document(
                db, target, on=on, admin_reason=args.admin_reason, output=args.output
            )
        elif args.preprinted:
            from nanmu_desktop.services.preprinted import preprinted_draft

            pdf = preprinted_draft(db, target, on=on)
        else:
            pdf = draft_pdf(db, target, on=on)
    finally:
        db.close()
    if args.issue:
        if info.found_again:
            sys.stderr.write(f"该文书此前已签发为 {info.number}（未取新文号），已重新导出。\n")
        sys.stdout.write(f"{info.number}\n")
        return 0
    write_atomically(args.output, pdf)
    sys.stdout.write(f"已生成草稿：{args.output}\n")
    return 0


def run_documents(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import print_json
    from nanmu_desktop.services.issuing import list_documents

    db = _open(args, create=False)
    try:
        case_id = _case_id(db, args.case) if args.case else None
        documents = list_documents(db, case_id)
    finally:
        db.close()
    if args.json:
        print_json(
            [
                {
                    "number": d.number,
                    "kind": d.kind,
                    "kind_label": d.kind_label,
                    "title": d.title,
                    "case_number": d.case_number or None,
                    "recipient": d.recipient,
                    "signer": d.signer,
                    "issued_at": d.issued_at.isoformat(),
                    "issued_by": d.issued_by,
                    "voided_by": d.voided_by or None,
                    "sha256": d.sha256,
                    "voided": d.voided,
                    "void_reason": d.void_reason or None,
                }
                for d in documents
            ]
        )
        return 0
    if not documents:
        sys.stdout.write("尚未签发任何文书。\n")
        return 0
    sys.stdout.write("文号\t种类\t案件\t签发日期\t状态\t标题\n")
    for d in documents:
        status = f"已作废（{d.void_reason}）" if d.voided else "有效"
        day = d.issued_at.astimezone().date().isoformat()
        sys.stdout.write(
            f"{d.number}\t{d.kind_label}\t{d.case_number or '—'}\t{day}\t{status}\t{d.title}\n"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from nanmu_desktop.services.archival import archival_pdf
    from nanmu_desktop.services.issuing import document_pdf

    _check_pdf_path(args.output)
    if args.archival and args.preprinted:
        raise ValidationError([Problem("--preprinted", "存档副本与套打版只能选一种")])
    db = _open(args, create=False)
    try:
        info, pdf = (archival_pdf if args.archival else document_pdf)(db, args.number)
        if args.preprinted:
            from nanmu_desktop.services.preprinted import preprinted_issued

            pdf = preprinted_issued(db, args.number)
    finally:
        db.close()
    write_atomically(args.output, pdf)
    state = "（已作废）" if info.voided else ""
    copy = "（PDF/A-2b 存档副本）" if args.archival else ("（套打版）" if args.preprinted else "")
    sys.stdout.write(f"{info.number}{state}{copy}：{info.title} → {args.output}\n")
    return 0


def run_void(args: argparse.Namespace) -> int:
    from nanmu_desktop.services.issuing import void_document

    db = _open(args)
    try:
        info = void_document(db, args.number, args.reason)
    finally:
        db.close()
    sys.stdout.write(f"已作废：{info.number}（理由：{info.void_reason}）\n")
    return 0


def run_ledger(args: argparse.Namespace) -> int:
    from nanmu_desktop.services.ledger import export_ledger

    _check_writable(args.output)
    db = _open(args, create=False)
    try:
        count = export_ledger(db, args.output)
    finally:
        db.close()
    sys.stdout.write(f"已导出台账：{count} 件案件 → {args.output}\n")
    return 0


def run_fonts(args: argparse.Namespace) -> int:
    from nanmu_desktop.documents.fonts import describe_fonts
    from nanmu_desktop.services.font_choice import fonts_for

    db = _open(args, create=False)
    try:
        fonts = fonts_for(db)  # what 设置 chose for this database, else automatic
    finally:
        db.close()
    for font in describe_fonts(fonts):
        notes = "，".join(n for n in ("替代字体" if font.substitute else "", font.stand_in) if n)
        note = f"（{notes}）" if notes else ""
        sys.stdout.write(f"{font.label}\t{font.family}{note}\t{font.source}\t{font.path}\n")
    if fonts.stand_in_note:
        sys.stdout.write(fonts.stand_in_note + "\n")
    return 0


def _open(args: argparse.Namespace, *, create: bool = True) -> Database:
    from nanmu_desktop.cli.support import open_cli_database

    return open_cli_database(args, create=create)


def _target(db: Database, args: argparse.Namespace) -> DocumentTarget:
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.documents import DocumentTarget, parse_kind

    kind = parse_kind(args.kind)
    if args.case is None and args.petition is None:
        raise ValidationError(
            [Problem("--case", "请用 --case 指定案件（信访举报文书可用 --petition）")]
        )
    if args.to is not None and kind is not DocumentKind.notification:
        raise ValidationError([Problem("--to", "只有容错认定结果告知书可以逐一指定告知对象")])
    case_id = _case_id(db, args.case) if args.case is not None else None
    return DocumentTarget(kind, case_id=case_id, petition_id=args.petition, recipient=args.to)


def _case_id(db: Database, text: str) -> int:
    """A case by its register number (RC-2026-001) or its database id."""
    from nanmu_desktop.services.cases import find_case

    return find_case(db, text).id


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError([Problem("--date", f"“{text}”不是 YYYY-MM-DD 格式的日期")]) from None


def _check_pdf_path(path: Path) -> None:
    """Checked before anything is issued, so a number is never drawn for a file never written."""
    if path.suffix.lower() != ".pdf":
        raise ValidationError([Problem("-o", "输出文件应以 .pdf 结尾")])
    _check_writable(path)


def _check_writable(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError([Problem("-o", f"输出目录不存在：{folder}")])
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ValidationError([Problem("-o", f"没有写入权限：{path}")])

