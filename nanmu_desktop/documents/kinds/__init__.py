"""One builder per document kind: `build_notice(ctx)` composes the `Notice` for `ctx.kind`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds.common import context_names, unique
from nanmu_desktop.documents.kinds.decisions import (
    build_duty_fulfilled_decision,
    build_exemption_decision,
    build_mitigation_decision,
    build_non_tolerance_decision,
)
from nanmu_desktop.documents.kinds.notification import build_notification
from nanmu_desktop.documents.kinds.petitions import (
    build_clarification,
    build_report_explanation,
    build_report_feedback,
)
from nanmu_desktop.documents.kinds.rectification import (
    build_extension_reply,
    build_rectification_order,
)
from nanmu_desktop.documents.kinds.risk_warning import build_risk_warning
from nanmu_desktop.documents.kinds.worksheet import build_worksheet
from nanmu_desktop.documents.notice_model import Notice, Provenance
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import NanmuError

BUILDERS: dict[str, Callable[[DocumentContext], Notice]] = {
    "determination-worksheet": build_worksheet,
    "exemption-decision": build_exemption_decision,
    "mitigation-decision": build_mitigation_decision,
    "duty-fulfilled-decision": build_duty_fulfilled_decision,
    "non-tolerance-decision": build_non_tolerance_decision,
    "notification": build_notification,
    "rectification-order": build_rectification_order,
    "extension-reply": build_extension_reply,
    "report-feedback": build_report_feedback,
    "report-explanation": build_report_explanation,
    "clarification": build_clarification,
    "risk-warning": build_risk_warning,
}


def build_notice(ctx: DocumentContext) -> Notice:
    """The `Notice` of `ctx.kind`: issued when `ctx.number` is set, else a draft (草稿)."""
    builder = BUILDERS.get(str(ctx.kind))
    if builder is None:
        raise NanmuError(f"不支持的文书种类：{ctx.kind}")
    notice = builder(ctx)
    provenance = Provenance(ctx.letterhead.authority, DocumentKind(ctx.kind).label, ctx.issue_date)
    return replace(notice, number=ctx.number, draft=ctx.number is None,
                   names=tuple(unique([*notice.names, *context_names(ctx)])),
                   provenance=provenance)
