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
        ("建议适用条款", join_citations(determination.basis) or "无（不援引条款）"),
        ("研判理由", "".join(determination.explanation)),
        ("提示事项", "".join(determination.warnings) or "无"),
        ("研判日期", cn_date(determination.made_on)),
        ("适用制度", values["regulation"]),
    )
    decision = ctx.decision
    if decision is None:
        decision_rows: tuple[tuple[str, str], ...] = (
            ("会议日期", _PENDING),
            ("决定结论", _PENDING),
            ("告知期限", "容错决定作出后按第十三条的期限告知相关单位及当事人"),
        )
    else:
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
        decision_rows = (
            ("会议日期", values["meeting_date"]),
            ("参会人员", values["attendees"] or "—"),
            ("决定结论", outcome),
            ("决定依据", join_citations(decision.basis) or "无（不援引条款）"),
            ("与研判建议不一致的理由", values["decision_reason"] or "无"),
            ("告知期限", notice),
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
