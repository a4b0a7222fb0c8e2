"""易错风险警示提醒 (第十七条): a risk point that recurs in one field, with the cases behind it.

Cases decided as 容错 are listed without their officers' names (第十四条), and the memo says so.
"""

from __future__ import annotations

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds.common import (
    base_values,
    need,
    official_notice,
    sentence,
    with_appendices,
)
from nanmu_desktop.documents.notice_model import Appendix, Notice, Table
from nanmu_desktop.documents.templates import Fill
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.errors import ConflictError


def build_risk_warning(ctx: DocumentContext) -> Notice:
    risk = need(ctx.risk_warning, "没有可供警示提醒的易错风险点。")
    if not risk.cases:
        raise ConflictError("易错风险警示提醒须列明相关案件。")
    values = base_values(ctx) | {
        "field": risk.field,
        "citation": risk.citation,
        "risk_point": sentence(risk.citation_text.rstrip("。").removesuffix("的")),
        "period_start": chinese_date(risk.period_start),
        "period_end": chinese_date(risk.period_end),
        "case_count": str(len(risk.cases)),
        "unnamed_count": str(risk.unnamed),
    }
    rows = tuple((c.number, chinese_date(c.occurred_on), c.officers, c.summary) for c in risk.cases)
    flags = frozenset({"unnamed"} if risk.unnamed else ())
    fill = Fill(values=values, flags=flags)
    notice = official_notice(
        ctx, fill, risk.recipients, {c.summary: "案件简要情况" for c in risk.cases}
    )
    # The cases behind the risk point go on an attachment page (7.3.7), named in 附件说明.
    table = Table(("案件编号", "发生日期", "执法人员", "简要情况"), rows, (34.0, 39.0, 28.0, 55.0))
    return with_appendices(notice, [Appendix(f"{risk.field}领域易错风险相关案件清单", (table,))])
