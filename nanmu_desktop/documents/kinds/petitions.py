"""Answers to a 信访举报 (第十八条): feedback to a real-name reporter, an explanation for an
anonymous report, and the clarification of a falsely accused officer.

Only the feedback letter, which goes to the reporter, ever uses the reporter's identity.
"""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.context import DocumentContext, PrintedPetition
from nanmu_desktop.documents.kinds.common import (
    base_values,
    cn_date,
    colophon,
    departments,
    names,
    need,
    official_notice,
    sentence,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.templates import Fill, load_wording
from nanmu_desktop.errors import ConflictError

_CLEARED = frozenset({"unfounded", "no_evidence"})


def _petition(ctx: DocumentContext) -> PrintedPetition:
    return need(ctx.petition, "请先登记信访举报及其调查结论，再生成此文书。")


def _values(ctx: DocumentContext, petition: PrintedPetition) -> tuple[dict[str, str], set[str]]:
    wording = load_wording()
    if petition.conclusion not in wording.conclusion:
        raise ConflictError("该信访举报尚未作出调查结论，不能生成此文书。")
    values = base_values(ctx) | {
        "received_on": cn_date(petition.received_on),
        "channel": petition.channel,
        "accused_names": names(petition.accused),
        "allegations": sentence(petition.allegations),
        "findings": sentence(petition.findings),
        "conclusion_label": wording.conclusion[petition.conclusion],
        "scope": petition.scope,
    }
    flags = {"tolerated"} if petition.conclusion == "tolerated" else set()
    return values, flags


def _sources(petition: PrintedPetition) -> dict[str, str]:
    out = {petition.allegations: "举报反映的问题", petition.findings: "调查结果"}
    out |= {o.name: "被举报人姓名" for o in petition.accused}
    return out


def build_report_feedback(ctx: DocumentContext) -> Notice:
    petition = _petition(ctx)
    if not petition.real_name or not petition.reporter_name.strip():
        raise ConflictError("该举报为匿名举报，应出具信访举报情况说明，不能向举报人反馈。")
    if petition.conclusion == "substantiated":
        raise ConflictError("举报经查属实且未予容错，不属于第十八条规定的反馈情形。")
    values, flags = _values(ctx, petition)
    sources = _sources(petition) | {petition.reporter_name: "举报人姓名"}
    notice = official_notice(
        ctx, Fill(values=values, flags=frozenset(flags)), [petition.reporter_name], sources
    )
    # The letter goes to the reporter alone: no 抄送 that would spread their name.
    return _without_cc(ctx, notice)


def build_report_explanation(ctx: DocumentContext) -> Notice:
    petition = _petition(ctx)
    if petition.real_name:
        raise ConflictError("该举报为实名举报，应向举报人出具信访举报调查结果反馈函。")
    if petition.conclusion == "substantiated":
        raise ConflictError("举报经查属实且未予容错，不属于第十八条规定的说明情形。")
    values, flags = _values(ctx, petition)
    recipients = departments(petition.accused)
    return official_notice(
        ctx, Fill(values=values, flags=frozenset(flags)), recipients, _sources(petition)
    )


def build_clarification(ctx: DocumentContext) -> Notice:
    petition = _petition(ctx)
    if petition.conclusion not in _CLEARED or not petition.malicious:
        raise ConflictError(
            "只有经查不属实或查无实据、且认定为恶意中伤或诬告陷害的举报，才能为被举报人澄清正名。"
        )
    values, flags = _values(ctx, petition)
    return official_notice(ctx, Fill(values=values, flags=frozenset(flags)), [], _sources(petition))


def _without_cc(ctx: DocumentContext, notice: Notice) -> Notice:
    plain = colophon(ctx)
    return replace(notice, colophon=replace(plain, cc=()))
