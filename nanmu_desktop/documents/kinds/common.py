"""What every builder shares: dates, citations and names in words, header, signature and 版记."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from nanmu_desktop.documents.context import (
    CaseInfo,
    DecisionInfo,
    DocumentContext,
    PrintedOfficer,
)
from nanmu_desktop.documents.notice_model import (
    Appendix,
    Colophon,
    Header,
    Notice,
    Signature,
    Table,
)
from nanmu_desktop.documents.templates import (
    Fill,
    Wording,
    compose,
    compose_note,
    load_template,
    load_wording,
)
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.township import TownshipWording, wording_for
from nanmu_desktop.errors import ConflictError

T = TypeVar("T")

_ARTICLE = re.compile(r"^(第[〇一二三四五六七八九十百]+条)(.*)$")
_END_PUNCTUATION = tuple("。！？；…）”")


def sentence(text: str) -> str:
    """A user-entered clause as a finished sentence (adds 。 unless it already ends one)."""
    text = text.strip().rstrip("，,;；")
    if not text:
        return ""
    return text if text.endswith(_END_PUNCTUATION) else text + "。"


def join_citations(basis: Sequence[str]) -> str:
    """Citations as one phrase; later parts of the same article drop the article:
    (第十条第一款第（四）项, 第十条第二款第（一）项)
    → 第十条第一款第（四）项及第二款第（一）项."""
    groups: list[tuple[str, list[str]]] = []
    for citation in basis:
        match = _ARTICLE.match(citation)
        article, rest = (match.group(1), match.group(2)) if match else (citation, "")
        if groups and groups[-1][0] == article and rest:
            groups[-1][1].append(rest)
        else:
            groups.append((article, [rest]))
    return "、".join(article + "及".join(rests) for article, rests in groups)


def names(officers: Iterable[PrintedOfficer]) -> str:
    return "、".join(unique(o.name for o in officers))


def unique(values: Iterable[T]) -> list[T]:
    """Values in first-seen order without repeats (and without empty strings)."""
    seen: list[T] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def departments(officers: Iterable[PrintedOfficer]) -> list[str]:
    return unique(o.department for o in officers)


def need_case(ctx: DocumentContext) -> CaseInfo:
    if ctx.case is None:
        raise ConflictError("此文书须依附于一个容错纠错案件，请先选择案件。")
    return ctx.case


def need_decision(ctx: DocumentContext) -> DecisionInfo:
    if ctx.decision is None:
        raise ConflictError("该案件尚未记录党委研究决定（第十三条），不能生成此文书。")
    return ctx.decision


def need(value: T | None, message: str) -> T:
    if value is None:
        raise ConflictError(message)
    return value


def base_values(ctx: DocumentContext) -> dict[str, str]:
    """Placeholders every template may use: the authority, the regulation, the dates."""
    head = ctx.letterhead
    values = {
        "authority": head.authority,
        "regulation": f"《{head.regulation_title}》（{head.regulation_number}）",
        "regulation_title": f"《{head.regulation_title}》",
        "issue_date": chinese_date(ctx.issue_date),
    }
    values.update(township_wording(ctx).placeholders())
    if ctx.case is not None:
        values.update(case_values(ctx.case))
    if ctx.decision is not None:
        values.update(decision_values(ctx.decision, load_wording()))
        values["publication_scope"] = (
            ctx.decision.publication_scope or township_wording(ctx).publication_board
        )
    return values


def township_wording(ctx: DocumentContext) -> TownshipWording:
    """乡党委 / 镇党委 / 本街道 …: the township's words for itself, from its type."""
    return wording_for(ctx.letterhead.township_type)


def case_values(case: CaseInfo) -> dict[str, str]:
    officer_lines = [
        o.name
        + (f"（{o.department}{o.post}，执法证号：{o.badge_number}）" if o.badge_number else "")
        for o in case.officers
    ]
    return {
        "case_number": case.number,
        "source": case.source,
        "enforcement_type": case.enforcement_type,
        "field": case.field,
        "occurred_on": chinese_date(case.occurred_on),
        "reported_on": chinese_date(case.reported_on),
        "description": sentence(case.description),
        "loss": sentence(case.loss) or "未造成明显损失。",
        "impact": sentence(case.impact) or "未造成明显不良影响。",
        "remedial_actions": sentence(case.remedial_actions) or "无。",
        "officer_names": names(case.officers),
        "officer_details": "、".join(officer_lines),
        "departments": "、".join(departments(case.officers)) or "相关科室",
    }


def decision_values(decision: DecisionInfo, wording: Wording) -> dict[str, str]:
    deadline = decision.notification_deadline
    return {
        "meeting_date": chinese_date(decision.meeting_date),
        "outcome_label": wording.outcome.get(decision.outcome, decision.outcome),
        "basis": join_citations(decision.basis),
        "leniency_label": wording.leniency.get(decision.leniency or "", ""),
        "measure": decision.measure,
        "notification_days": str(decision.notification_days),
        "notification_deadline": chinese_date(deadline) if deadline else "",
        "day_rule": decision.day_rule,
        "publication_scope": decision.publication_scope,
        "attendees": "、".join(decision.attendees),
        "decision_reason": sentence(decision.reason),
    }


def decision_flags(decision: DecisionInfo) -> set[str]:
    flags = {decision.outcome, f"ground_{decision.ground}"}
    if decision.tolerated:
        flags.add("tolerated")
    if decision.basis:
        flags.add("has_basis")
    if decision.measure:
        flags.add("has_measure")
    if decision.reason:
        flags.add("departure")
    if decision.notification_deadline is not None:
        flags.add("has_deadline")
    return flags


def red_header(ctx: DocumentContext) -> Header:
    return Header(mark=f"{ctx.letterhead.authority}文件", mongolian=ctx.letterhead.mongolian)


def signature(ctx: DocumentContext) -> Signature:
    return Signature(authority=ctx.letterhead.authority, date=ctx.issue_date, sealed=True)


def colophon(ctx: DocumentContext) -> Colophon:
    head = ctx.letterhead
    return Colophon(printed_by=head.printed_by, printed_on=ctx.issue_date, cc=head.cc)


def official_notice(
    ctx: DocumentContext,
    fill: Fill,
    recipients: Sequence[str],
    sources: dict[str, str] | None = None,
) -> Notice:
    """A red-header document from the kind's template: the shape of every letter and decision,
    with the template's 附注 (7.3.6) when it has one."""
    template = load_template(ctx.kind)
    title, body, fixed_recipients = compose(template, fill)
    return Notice(
        header=red_header(ctx),
        title=title,
        body=body,
        recipients=tuple(unique([*recipients, *fixed_recipients])),
        signature=signature(ctx),
        note=compose_note(template, fill),
        colophon=colophon(ctx),
        sources=sources or {},
    )


def with_appendices(notice: Notice, appendices: Sequence[Appendix]) -> Notice:
    """Attachment pages and the 附件说明 naming them, in the same order (7.3.4, 7.3.7)."""
    return replace(notice, appendices=tuple(appendices),
                   attachments=tuple(a.title for a in appendices))


def evidence_appendix(ctx: DocumentContext) -> list[Appendix]:
    """The case's evidence list (its attachments) as the decision's 附件, if it has any."""
    if not ctx.evidence:
        return []
    rows = tuple((str(i), item) for i, item in enumerate(ctx.evidence, start=1))
    table = Table(("序号", "证据材料"), rows, (18.0, 138.0))
    return [Appendix("案件证据材料清单", (table,))]


def as_letter(notice: Notice) -> Notice:
    """The 信函 format (GB/T 9704 10.1) for a letter to a person: the mark is the name alone,
    double red lines, no 印发 line in the 版记 — so without 抄送 there is no 版记 at all."""
    colophon = notice.colophon if notice.colophon is not None and notice.colophon.cc else None
    return replace(notice, format="letter", colophon=colophon)


def addressed_to_party(ctx: DocumentContext) -> bool:
    """The document goes to one party in person (a case officer), not to units."""
    if ctx.recipient is None or ctx.case is None:
        return False
    return ctx.recipient.strip() in {o.name for o in ctx.case.officers}


def case_sources(ctx: DocumentContext) -> dict[str, str]:
    """Where user-entered texts came from, so a missing glyph names the field to fix."""
    out: dict[str, str] = {ctx.letterhead.authority: "单位名称（设置）"}
    if ctx.letterhead.mongolian:
        out[ctx.letterhead.mongolian] = "蒙古文名称（设置）"
    if ctx.case is not None:
        for officer in ctx.case.officers:
            out[officer.name] = "执法人员姓名"
            if officer.department:
                out[officer.department] = "执法人员所在科室"
        out[ctx.case.description] = "案件基本情况"
    return out


def context_names(ctx: DocumentContext) -> tuple[str, ...]:
    """People the document may name (officers, attendees, parties, the reporter): the page
    engine never breaks a line inside one."""
    found: list[str] = []
    if ctx.case is not None:
        found += [o.name for o in ctx.case.officers]
    if ctx.decision is not None:
        found += list(ctx.decision.attendees)
    if ctx.petition is not None:
        found += [o.name for o in ctx.petition.accused] + [ctx.petition.reporter_name]
    if ctx.risk_warning is not None:
        found += [n for c in ctx.risk_warning.cases for n in c.officers.split("、")]
    return tuple(unique(found))
