"""The four decision documents, one per outcome of the Party committee's decision (第十三条)."""

from __future__ import annotations

from collections.abc import Callable

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds.common import (
    base_values,
    case_sources,
    decision_flags,
    departments,
    evidence_appendix,
    need_case,
    need_decision,
    official_notice,
    with_appendices,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.templates import Fill, load_wording
from nanmu_desktop.errors import ConflictError

Builder = Callable[[DocumentContext], Notice]


def decision_builder(outcome: str) -> Builder:
    """The builder of the decision document for `outcome`; it refuses any other decided outcome."""

    def build(ctx: DocumentContext) -> Notice:
        case = need_case(ctx)
        decision = need_decision(ctx)
        wording = load_wording()
        if decision.outcome != outcome:
            raise ConflictError(
                f"党委决定的结论为“{wording.outcome.get(decision.outcome, decision.outcome)}”，"
                f"不能生成“{wording.outcome.get(outcome, outcome)}”的决定文书。"
            )
        flags = decision_flags(decision)
        if outcome == "mitigated" and decision.leniency not in wording.leniency:
            raise ConflictError("党委决定未载明从轻还是减轻处理，请先补记后再生成决定书。")
        recipients = [o.name for o in case.officers] + departments(case.officers)
        fill = Fill(values=base_values(ctx), flags=frozenset(flags))
        notice = official_notice(ctx, fill, recipients, case_sources(ctx))
        return with_appendices(notice, evidence_appendix(ctx))

    return build


build_exemption_decision = decision_builder("exempt")
build_mitigation_decision = decision_builder("mitigated")
build_duty_fulfilled_decision = decision_builder("duty_fulfilled")
build_non_tolerance_decision = decision_builder("not_tolerated")
