"""Answers to a 信访举报 (第十八条): feedback to a real-name reporter, an explanation for an
anonymous report, and the clarification of a falsely accused officer. Whether the answer fits the
report is `domain/petition_rules`; a builder refuses with its reason.

Only the feedback letter, which goes to the reporter, ever uses the reporter's identity.
"""

from __future__ import annotations

from dataclasses import replace

from nanmu_desktop.documents.context import DocumentContext, PrintedPetition
from nanmu_desktop.documents.kinds.common import (
    as_letter,
    base_values,
    colophon,
    departments,
    names,
    need,
    official_notice,
    sentence,
    township_wording,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.templates import Fill, load_wording
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.petition_rules import PetitionFacts, response_rule
from nanmu_desktop.errors import ConflictError


def _petition(ctx: DocumentContext, response: str) -> PrintedPetition:
    """The petition, refused unless 第十八条 allows `response` for it."""
    petition = need(ctx.petition, "请先登记信访举报及其调查结论，再生成此文书。")
    linked = (Outcome(petition.linked[0]), Ground(petition.linked[1])) if petition.linked else None
    conclusion = petition.conclusion or None
    facts = PetitionFacts(conclusion, petition.real_name, petition.malicious, linked,
                          petition.art10_leniency_is_tolerance)
    rule = response_rule(facts, response)
    if not rule.allowed:
        raise ConflictError(f"不能生成此文书：{rule.reason}。")
    return petition


def _values(ctx: DocumentContext, petition: PrintedPetition) -> tuple[dict[str, str], set[str]]:
    wording = load_wording()
    if petition.conclusion not in wording.conclusion:
        raise ConflictError("该信访举报尚未作出调查结论，不能生成此文书。")
    values = base_values(ctx) | {
        "received_on": chinese_date(petition.received_on),
        "channel": petition.channel,
        "accused_names": names(petition.accused),
        "allegations": sentence(petition.allegations),
        "findings": sentence(petition.findings),
        "conclusion_label": wording.conclusion[petition.conclusion],
        "scope": petition.scope or township_wording(ctx).staff_meeting,
    }
    flags = {"tolerated"} if petition.conclusion == "tolerated" else set()
    return values, flags


def _sources(petition: PrintedPetition) -> dict[str, str]:
    out = {petition.allegations: "举报反映的问题", petition.findings: "调查结果"}
    out |= {o.name: "被举报人姓名" for o in petition.accused}
    return out


def build_report_feedback(ctx: DocumentContext) -> Notice:
    petition = _petition(ctx, "feedback")
    need(petition.reporter_name.strip() or None, "该实名举报未登记举报人姓名，不能出具反馈函。")
    values, flags = _values(ctx, petition)
    sources = _sources(petition) | {petition.reporter_name: "举报人姓名"}
    notice = official_notice(
        ctx, Fill(values=values, flags=frozenset(flags)), [petition.reporter_name], sources
    )
    # The letter goes to the reporter alone: no 抄送 that would spread their name. A letter to
    # a person: the 信函 format (GB/T 9704 10.1).
    return as_letter(_without_cc(ctx, notice))


def build_report_explanation(ctx: DocumentContext) -> Notice:
    petition = _petition(ctx, "explanation")
    values, flags = _values(ctx, petition)
    recipients = departments(petition.accused)
    return official_notice(
        ctx, Fill(values=values, flags=frozenset(flags)), recipients, _sources(petition)
    )


def build_clarification(ctx: DocumentContext) -> Notice:
    petition = _petition(ctx, "clarification")
    values, flags = _values(ctx, petition)
    return official_notice(ctx, Fill(values=values, flags=frozenset(flags)), [], _sources(petition))


def _without_cc(ctx: DocumentContext, notice: Notice) -> Notice:
    plain = colophon(ctx)
    return replace(notice, colophon=replace(plain, cc=()))
