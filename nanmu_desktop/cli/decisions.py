"""`case determine`, `case reference`, `decision record|correct`: the proposal and the
committee's decision from the command line, through the same services as the desktop app."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from nanmu_desktop.errors import Problem, ValidationError

_DECISION_OPTIONS = (
    ("--outcome", "结果", "决定结果：exempt/mitigated/duty_fulfilled/not_tolerated 或其中文名称"),
    ("--meeting-date", "日期", "党委会议日期 YYYY-MM-DD"),
    ("--attendees", "名单", "参会人员，以逗号或顿号分隔"),
    ("--reason", "理由", "决定与认定建议不一致时的理由"),
    ("--leniency", "从轻|减轻", "从轻或减轻（从轻或减轻处理时必填）"),
    ("--measure", "措施", "所减轻的处理措施（从轻或减轻处理时必填）"),
    ("--notes", "备注", "备注"),
)


def register_case_actions(actions: Any) -> None:
    """`case determine` and `case reference`, added to the `case` command's actions."""
    determine = actions.add_parser(
        "determine",
        help="对案件形成认定建议（研判认定）",
        description="按事实文件（缺省时用案件已有的事实）对案件重新运行认定，保存为认定建议。"
        "案件沿用其规定版本；--version 明确换用另一版本。",
    )
    determine.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    determine.add_argument("--facts", metavar="文件", help="事实 JSON 文件，“-” 表示标准输入")
    determine.add_argument(
        "--version", metavar="版本", help="明确换用的规定版本（见 regulation list）"
    )
    determine.add_argument(
        "--date", metavar="日期", help="认定建议的形成日期 YYYY-MM-DD（补录时用，默认今天）"
    )
    determine.add_argument("--json", action="store_true", help="以 JSON 输出")
    determine.set_defaults(handler=run_case_determine)
    reference = actions.add_parser(
        "reference",
        help="修改案件的参照日期",
        description="参照日期决定适用的规定版本，默认为行为发生日期；修改须写明理由。",
    )
    reference.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    reference.add_argument("--date", required=True, metavar="日期", help="YYYY-MM-DD")
    reference.add_argument("--reason", required=True, metavar="理由", help="修改理由")
    reference.set_defaults(handler=run_case_reference)


def register(subparsers: Any) -> None:
    decision = subparsers.add_parser(
        "decision", help="记录或更正党委研究决定", description="记录或更正党委研究决定。"
    )
    actions = decision.add_subparsers(
        title="操作", dest="decision_action", metavar="操作", required=True
    )
    record = actions.add_parser("record", help="记录党委决定", description="记录党委研究决定。")
    record.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    for flag, metavar, text in _DECISION_OPTIONS:
        record.add_argument(flag, metavar=metavar, help=text, required=flag == "--meeting-date")
    record.set_defaults(handler=run_record)
    correct = actions.add_parser(
        "correct",
        help="更正已记录的党委决定",
        description="更正已记录的党委决定；未给出的选项沿用原记录。已签发的决定文书须先作废。",
    )
    correct.add_argument("case_ref", metavar="案件", help="案件编号或序号")
    correct.add_argument("--reason", required=True, metavar="理由", help="更正理由（必填）")
    for flag, metavar, text in _DECISION_OPTIONS:
        if flag == "--reason":  # here --reason is the correction's own reason
            flag, text = "--departure-reason", "决定与认定建议不一致时的理由"
        correct.add_argument(flag, metavar=metavar, help=text)
    correct.set_defaults(handler=run_correct)


def run_case_determine(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database, print_json, read_json_source
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.determinations import current_determination, save_proposal

    facts = read_json_source(args.facts) if args.facts else None
    made_on = _date(args.date, "--date") if args.date else None
    db = open_cli_database(args)
    try:
        case = find_case(db, args.case_ref)
        if facts is None:
            current = current_determination(db, case.id)
            if current is None:
                raise ValidationError([Problem("--facts", "该案件尚无认定事实，请用 --facts 给出")])
            facts = current.facts
        if not isinstance(facts, dict):
            raise ValidationError([Problem("--facts", "认定事实应为 JSON 对象")])
        info = save_proposal(
            db, case.id, facts, version=args.version, made_on=made_on, actor="命令行"
        )
    finally:
        db.close()
    if args.json:
        print_json(info.proposal_dict() | {"warnings": list(info.warnings)})
    else:
        basis = "、".join(info.basis) or "不援引条款"
        sys.stdout.write(f"{case.number} 认定建议：{info.outcome_label}（依据：{basis}）\n")
        for warning in info.warnings:
            sys.stdout.write(f"提示：{warning}\n")
    return 0


def run_case_reference(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.cases import find_case, set_reference_date

    day = _date(args.date, "--date")
    db = open_cli_database(args)
    try:
        case = find_case(db, args.case_ref)
        set_reference_date(db, case.id, day, args.reason, actor="命令行")
    finally:
        db.close()
    sys.stdout.write(f"{case.number} 参照日期已改为 {day.isoformat()}\n")
    return 0


def run_record(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.decisions import record_decision

    db = open_cli_database(args)
    try:
        case = find_case(db, args.case_ref)
        decision = _decision_input(args, None, departure_reason=args.reason)
        info = record_decision(db, case.id, decision, actor="命令行")
    finally:
        db.close()
    _report(case.number, info)
    return 0


def run_correct(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.decisions import correct_decision
    from nanmu_desktop.services.determinations import current_determination

    db = open_cli_database(args)
    try:
        case = find_case(db, args.case_ref)
        current = current_determination(db, case.id)
        decision = _decision_input(args, current, departure_reason=args.departure_reason)
        info = correct_decision(db, case.id, decision, reason=args.reason, actor="命令行")
    finally:
        db.close()
    _report(case.number, info)
    return 0


def _decision_input(
    args: argparse.Namespace, current: Any, *, departure_reason: str | None
) -> Any:
    """The options as a DecisionInput; for a correction, missing options keep the record."""
    from nanmu_desktop.services.decisions import DecisionInput

    def pick(value: str | None, recorded: Any) -> Any:
        return value if value is not None else recorded

    decided = current if current is not None and current.decided else None
    meeting = (
        _date(args.meeting_date, "--meeting-date") if args.meeting_date
        else (decided.meeting_date if decided else None)
    )
    attendees = (
        tuple(a for a in _split(args.attendees)) if args.attendees is not None
        else (decided.attendees if decided else ())
    )
    return DecisionInput(
        meeting_date=meeting,
        attendees=attendees,
        outcome=pick(args.outcome, decided.decided_outcome if decided else None),
        leniency=pick(args.leniency, decided.leniency if decided else None),
        measure=pick(args.measure, decided.measure if decided else "") or "",
        reason=pick(departure_reason, decided.differing_reason if decided else "") or "",
        notes=pick(args.notes, decided.decision_notes if decided else "") or "",
    )


def _split(text: str) -> list[str]:
    import re

    return [part.strip() for part in re.split(r"[,，、;；]+", text) if part.strip()]


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError([Problem(option, f"日期格式应为 YYYY-MM-DD：{text}")]) from None


def _report(number: str, info: Any) -> None:
    basis = "、".join(info.decided_basis) or "不援引条款"
    line = f"{number} 党委决定：{info.decided_outcome_label}"
    if info.leniency_label:
        line += f"（{info.leniency_label}）"
    sys.stdout.write(f"{line}，依据：{basis}\n")
    if info.notification_deadline:
        sys.stdout.write(f"告知期限：{info.notification_deadline.isoformat()}\n")
