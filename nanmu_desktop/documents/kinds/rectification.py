"""纠错整改通知书 and the 批复 to an application for more time (第十五条、第十六条)."""

from __future__ import annotations

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds.common import (
    base_values,
    case_sources,
    departments,
    need,
    need_case,
    official_notice,
    sentence,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.templates import Fill
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.errors import ConflictError


def build_rectification_order(ctx: DocumentContext) -> Notice:
    case = need_case(ctx)
    order = need(ctx.rectification, "该案件尚未登记纠错整改事项，不能生成纠错整改通知书。")
    if not order.items:
        raise ConflictError("纠错整改通知书至少应列明一项纠错事项。")
    values = base_values(ctx) | {
        "reasons": sentence(order.reasons),
        "requirements": sentence(order.requirements),
        "deadline": chinese_date(order.deadline),
    }
    items = [sentence(item).removesuffix("。") + "。" for item in order.items]
    recipients = [o.name for o in case.officers] + departments(case.officers)
    sources = case_sources(ctx) | {order.reasons: "纠错事由", order.requirements: "整改要求"}
    sources |= {item: "纠错事项" for item in order.items}
    fill = Fill(values=values, lists={"items": items})
    return official_notice(ctx, fill, recipients, sources)


def build_extension_reply(ctx: DocumentContext) -> Notice:
    case = need_case(ctx)
    order = need(ctx.rectification, "该案件尚未登记纠错整改事项，不能生成延期整改申请批复。")
    extension = need(
        ctx.extension, "该案件没有已作出批复意见的延期整改申请，请先记录同意或不同意。"
    )
    if not extension.approved and not extension.reply.strip():
        raise ConflictError("不同意延期的批复须写明理由。")
    values = base_values(ctx) | {
        "requested_on": chinese_date(extension.requested_on),
        "extension_reason": sentence(extension.reason),
        "deadline": chinese_date(order.deadline),
        "new_deadline": chinese_date(extension.new_deadline),
        "reply": sentence(extension.reply),
    }
    flags = frozenset({"approved"} if extension.approved else ())
    recipients = [o.name for o in case.officers] + departments(case.officers)
    sources = case_sources(ctx) | {extension.reason: "延期申请事由", extension.reply: "批复理由"}
    return official_notice(ctx, Fill(values=values, flags=flags), recipients, sources)
