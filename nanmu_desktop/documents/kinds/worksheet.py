"""容错纠错认定审批表: the form the committee signs — facts, questions and answers, the proposal,
the decision, the 7-day rule in force and the boxes for 经办 / 审核 / 签发. No red header."""

from __future__ import annotations

from nanmu_desktop.documents.context import DocumentContext
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


def build_worksheet(ctx: DocumentContext) -> Notice:
    case = need_case(ctx)
    determination = need(ctx.determination, "该案件尚未完成研判认定，不能生成容错纠错认定审批表。")
    wording = load_wording()
    values = base_values(ctx)
    case_rows = (
        ("审批表编号", ctx.number or "（签发时编号）"),
        ("案件编号", case.number),
        ("案件来源", case.source),
        ("执法类别", case.enforcement_type),
        ("执法领域", case.field),
        ("发生日期", values["occurred_on"]),
        ("受理日期", values["reported_on"]),
        ("当事执法人员", values["officer_details"]),
        ("基本事实", values["description"]),
        ("损失和影响", values["loss"] + values["impact"]),
        ("补救措施", values["remedial_actions"]),
    )
    answers = tuple((a.citation, a.question, a.answer) for a in determination.answers)
    proposal = (
        ("研判建议", wording.outcome.get(determination.outcome, determination.outcome)),
        ("适用条款", join_citations(determination.basis) or "无"),
        ("研判理由", "".join(determination.explanation)),
        ("研判日期", cn_date(determination.made_on)),
        ("制度版本", determination.regulation_version),
    )
    decision = ctx.decision
    if decision is None:
        decision_rows: tuple[tuple[str, str], ...] = (
            ("会议日期", _PENDING),
            ("决定结论", _PENDING),
            ("告知期限", "第十三条：认定结论作出后7日内告知相关单位及当事人"),
        )
    else:
        outcome = values["outcome_label"]
        if decision.outcome == "mitigated" and values["leniency_label"]:
            outcome = f"{values['leniency_label']}处理"
        deadline = values["notification_deadline"] or "—"
        decision_rows = (
            ("会议日期", values["meeting_date"]),
            ("参会人员", values["attendees"] or "—"),
            ("决定结论", outcome),
            ("决定依据", join_citations(decision.basis) or "无"),
            ("与研判建议不一致的理由", values["decision_reason"] or "无"),
            (
                "告知期限",
                f"第十三条：7日内告知相关单位及当事人，应于{deadline}前告知。"
                + (decision.day_rule_text or f"期限按{decision.day_rule}计算。"),
            ),
        )
    fill = Fill(
        values=values,
        tables={
            "case": case_rows,
            "answers": answers,
            "proposal": proposal,
            "decision": decision_rows,
            "signatures": (("签名：", "签名：", "签名："), ("年　月　日",) * 3),
        },
    )
    title, body, recipients = compose(load_template(ctx.kind), fill)
    return Notice(
        header=None, title=title, body=body, recipients=recipients, sources=case_sources(ctx)
    )
