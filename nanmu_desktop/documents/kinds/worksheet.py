"""容错纠错认定审批表: the internal one-page A4 form the committee signs — the case facts, the
questions and answers with their articles, the proposal with its basis and warnings, the
decision, and boxes with room to write for 经办人意见 / 审核意见 / 党委研究意见 / 签发.
No red header and no 文号: issuing it draws no number from the 发文 register (its reference
is the case number). Its dates are the proposal's and the meeting's, never the print day."""

from __future__ import annotations

import re

from nanmu_desktop.documents.context import Answer, DocumentContext
from nanmu_desktop.documents.kinds.common import (
    base_values,
    case_sources,
    cn_date,
    join_citations,
    need,
    need_case,
)
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.documents.templates import Fill, compose, load_template, load_wording

_PENDING = "（待党委研究决定）"
_ITEM = re.compile(r"第（[〇一二三四五六七八九十]+）项$")
_MARKS = "①②③④⑤⑥⑦⑧⑨"
_PLAIN = ("是", "否")
# The engine's trace says a step "继续审查" (the examination goes on to the next article):
# on the signed form each step states its finding only.
_TRACE_TAIL = "，继续审查。"


def _finding(step: str) -> str:
    return step.removesuffix(_TRACE_TAIL) + "。" if step.endswith(_TRACE_TAIL) else step


def build_worksheet(ctx: DocumentContext) -> Notice:
    case = need_case(ctx)
    determination = need(ctx.determination, "该案件尚未完成研判认定，不能生成容错纠错认定审批表。")
    wording = load_wording()
    values = base_values(ctx)
    case_rows = (
        ("适用制度", values["regulation"]),
        ("案件编号", f"{case.number}（内部审批用表，不占发文字号）"),
        ("来源及类别", f"{case.source}；{case.field}领域{case.enforcement_type}；"
                      f"{values['occurred_on']}发生，{values['reported_on']}受理"),
        ("当事执法人员", values["officer_details"] or "—"),
        ("基本事实", values["description"]),
        ("损失和影响", values["loss"] + values["impact"]),
        ("补救措施", values["remedial_actions"]),
        ("调查核实", _investigation(ctx)),
    )
    answers = _grouped(determination.answers)
    proposal = (
        ("研判建议", wording.outcome.get(determination.outcome, determination.outcome)),
        ("建议依据", join_citations(determination.basis) or "无（不援引条款）"),
        *_accountability(determination.accountability),
        ("研判理由", "".join(_finding(s) for s in determination.explanation)),
        ("提示事项", "".join(determination.warnings) or "无"),
        ("研判日期", cn_date(determination.made_on)),
    )
    fill = Fill(
        values=values,
        tables={
            "case": case_rows,
            "answers": answers,
            "proposal": proposal + _decision_rows(ctx, values),
            # Four boxes side by side with room to write (six lines each), signed and dated.
            "opinions": (("", "", "", ""),),
        },
    )
    title, body, recipients = compose(load_template(ctx.kind), fill)
    return Notice(
        header=None, title=title, body=body, recipients=recipients, sources=case_sources(ctx)
    )


def _investigation(ctx: DocumentContext) -> str:
    """Who investigated, when, what was found and on what evidence; its absence is said here
    and warned of under 提示事项 (a determination without it is not blocked)."""
    found = ctx.investigation
    if found is None:
        return "未录入"
    text = (f"{cn_date(found.started_on)}至{cn_date(found.ended_on)}，"
            f"调查人员：{'、'.join(found.investigators)}。查明：{found.findings.rstrip('。')}。")
    if found.evidence:
        text += "证据：" + "；".join(
            f"{_MARKS[n] if n < len(_MARKS) else f'{n + 1}.'}{item}"
            for n, item in enumerate(found.evidence)
        ) + "。"
    return text


def _accountability(citations: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """第十一条 in a 第十二条 case: beside the basis, never in it."""
    if not citations:
        return ()
    return (("追责情节", f"{join_citations(citations)}：追究责任时可以从轻或者减轻，"
                         "不作为容错依据，不改变不予容错的结论"),)


def _grouped(answers: tuple[Answer, ...]) -> tuple[tuple[str, str, str], ...]:
    """One row per unit of the text: the three elements of 第十二条, or the three conditions
    of 第十条第二款, share a row with their answers in order (是／否／是), so the form stays on
    one page; an item found (第十条第一款第（四）项 …) keeps its own row."""
    groups: list[list[Answer]] = []
    for answer in answers:
        last = groups[-1][-1] if groups else None
        if (last is not None and _unit(last) == _unit(answer)
                and last.answer in _PLAIN and answer.answer in _PLAIN):
            groups[-1].append(answer)
        else:
            groups.append([answer])
    out = []
    for group in groups:
        if len(group) == 1:
            out.append((group[0].citation, group[0].question, group[0].answer))
        else:
            listed = "；".join(f"{_MARKS[i]}{a.question}" for i, a in enumerate(group))
            out.append((_unit(group[0]), listed, "／".join(a.answer for a in group)))
    return tuple(out)


def _unit(answer: Answer) -> str:
    """The article or 款 an answer's item belongs to (第十条第二款第（一）项 → 第十条第二款)."""
    return _ITEM.sub("", answer.citation)


def _decision_rows(ctx: DocumentContext, values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    decision = ctx.decision
    if decision is None:
        return (
            ("党委决定", _PENDING),
            ("告知期限", "作出容错决定后按第十三条规定的期限告知相关单位及当事人"),
        )
    outcome = values["outcome_label"]
    if decision.outcome == "mitigated" and values["leniency_label"]:
        outcome = f"{values['leniency_label']}处理"
        if decision.measure:
            outcome += f"（处理措施：{decision.measure}）"
    if decision.notification_deadline is None:
        notice = "非容错决定，不适用第十三条的告知期限，及时告知相关单位及当事人。"
    else:
        notice = (
            f"第十三条：{decision.notification_days}日内告知相关单位及当事人，"
            f"应于{values['notification_deadline']}前告知。"
            + (decision.day_rule_text or f"期限按{decision.day_rule}计算。")
        )
    rows = [
        ("党委会议", values["meeting_date"] + (f"（参会：{values['attendees']}）"
                                              if values["attendees"] else "")),
        ("党委决定", outcome),
        ("决定依据", join_citations(decision.basis) or "无（不援引条款）"),
    ]
    if values["decision_reason"]:
        rows.append(("与建议不一致的理由", values["decision_reason"]))
    rows.append(("告知期限", notice))
    return tuple(rows)
