"""容错认定结果告知书: the decided outcome told to each related unit and party (第十三条)."""

from __future__ import annotations

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds.common import (
    addressed_to_party,
    as_letter,
    base_values,
    case_sources,
    decision_flags,
    departments,
    need_case,
    need_decision,
    official_notice,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.templates import Fill
from nanmu_desktop.errors import ConflictError


def build_notification(ctx: DocumentContext) -> Notice:
    case = need_case(ctx)
    decision = need_decision(ctx)
    values = base_values(ctx)
    # 从轻或者减轻 is settled by the committee: say which one when it was recorded.
    outcome_text = values["outcome_label"]
    if decision.outcome == "mitigated" and values["leniency_label"]:
        outcome_text = f"{values['leniency_label']}处理"
    values["outcome_text"] = outcome_text
    flags = decision_flags(decision)
    # 第十三条 tells each related unit and party: one letter to all, or one per addressee.
    recipients = [o.name for o in case.officers] + departments(case.officers)
    if ctx.recipient is not None:
        if not ctx.recipient.strip():
            raise ConflictError("告知对象不能为空。")
        recipients = [ctx.recipient.strip()]
    notice = official_notice(
        ctx, Fill(values=values, flags=frozenset(flags)), recipients, case_sources(ctx)
    )
    # To a party in person it is a letter (信函, GB/T 9704 10.1), if the township so chooses;
    # to units, or to everyone at once, a 文件.
    if addressed_to_party(ctx) and ctx.notification_to_party_as_letter:
        return as_letter(notice)
    return notice
