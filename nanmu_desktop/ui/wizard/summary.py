"""A saved determination (proposal and decision) as rich text for the 认定向导 page.

Citations become `cite:` links carrying the citation text, parsed back on click.
"""

from __future__ import annotations

from datetime import date
from html import escape

from nanmu_desktop.domain import interview
from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.investigation import NO_INVESTIGATION
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.services.determinations import DeterminationInfo
from nanmu_desktop.services.investigations import InvestigationInfo
from nanmu_desktop.ui.wizard.answers import Answers
from nanmu_desktop.ui.wizard.question_page import questions_for


def chinese_date(day: date) -> str:
    """2026年1月10日: official Chinese style, without leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def citation_link(text: str) -> str:
    return f"<a href='cite:{escape(text)}'>{escape(text)}</a>"


def citation_from_link(target: str) -> Citation | None:
    """The citation of a `cite:` link's target, or None for anything else."""
    try:
        return Citation.parse(target)
    except ValueError:
        return None


def _list(title: str, lines: tuple[str, ...], ordered: bool = False) -> str:
    if not lines:
        return ""
    tag = "ol" if ordered else "ul"
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f"<h4>{escape(title)}</h4><{tag}>{items}</{tag}>"


def facts_html(facts: dict[str, object], regulation: Regulation) -> str:
    """The facts found, step by step, worded as the wizard asked them, with reasons and evidence."""
    answers = Answers.from_facts_dict(facts)
    parsed = Facts.from_dict(dict(facts))
    lines: list[str] = []
    for step in interview.STEPS:
        title = interview.wording(step, parsed)[0]
        for question in questions_for(step, regulation):
            if question.key not in answers.checked:
                continue
            line = f"{escape(title)}：{escape(question.marker + question.text)}"
            for label, notes in (("理由", answers.reasons), ("证据", answers.evidence)):
                if notes.get(question.key, "").strip():
                    line += f"<br/>　{label}：{escape(notes[question.key].strip())}"
            lines.append(f"<li>{line}</li>")
    body = f"<ul>{''.join(lines)}</ul>" if lines else "<p>未认定任何情形。</p>"
    return f"<h4>认定事实</h4>{body}"


def investigation_html(found: InvestigationInfo | None) -> str:
    """调查核实 as recorded, or the warning that it is not (a determination is not blocked)."""
    if found is None:
        return (f"<h3>调查核实</h3><p style='color:#8a5a00'>{escape(NO_INVESTIGATION)}"
                "点击“调查核实”录入。</p>")
    rows = [
        ("调查人员", escape(found.names)),
        ("调查日期", f"{chinese_date(found.started_on)}至{chinese_date(found.ended_on)}"),
        ("查明的事实", escape(found.findings).replace("\n", "<br/>")),
    ]
    if found.evidence:
        rows.append(("证据", "<br/>".join(f"{n}. {escape(e)}"
                                          for n, e in enumerate(found.evidence, 1))))
    if found.attachments:
        rows.append(("附件", escape("、".join(a.file_name for a in found.attachments))))
    cells = "".join(f"<tr><td><b>{k}：</b></td><td>{v}</td></tr>" for k, v in rows)
    warnings = "".join(f"<p style='color:#8a5a00'>提示：{escape(w)}</p>" for w in found.warnings)
    return f"<h3>调查核实</h3><table cellspacing='4'>{cells}</table>{warnings}"


def proposal_html(info: DeterminationInfo, regulation: Regulation) -> str:
    basis = "、".join(citation_link(b) for b in info.basis)
    made = f"{info.made_at.astimezone():%Y-%m-%d %H:%M}（{escape(info.made_by)}）"
    version = escape(f"{regulation.title}（{regulation.number}）")
    return "".join(
        [
            f"<h3>认定建议：{escape(info.outcome_label)}</h3>",
            f"<p><b>依据：</b>{basis}</p>" if basis else "<p><b>依据：</b>不援引条款</p>",
            facts_html(info.facts, regulation),
            _list("认定理由", info.explanation, ordered=True),
            _list("追责情节（第十一条，追究责任时可以从轻或者减轻，不改变不予容错的结论）",
                  info.accountability),
            _list("未认定更有利结果的原因", info.why_not),
            _list("请注意", info.warnings),
            f"<p style='color:#555'>提出时间：{made}；条文版本：{version}</p>",
        ]
    )


def decision_html(info: DeterminationInfo) -> str:
    if not info.decided:
        return "<h3>党委决定</h3><p>尚未记录。党委研究后，点击“记录党委决定”。</p>"
    outcome = escape(info.decided_outcome_label)
    if info.leniency_label:
        outcome += f"（{escape(info.leniency_label)}）"
    same = info.decided_outcome == info.outcome
    basis = "、".join(citation_link(b) for b in info.decided_basis) or "不援引条款"
    rows = [
        ("决定结果", outcome + ("　与认定建议一致" if same else "　<b>与认定建议不同</b>")),
        ("决定依据", basis),
        ("会议日期", chinese_date(info.meeting_date) if info.meeting_date else ""),
        ("参会人员", escape("、".join(info.attendees))),
    ]
    if info.measure:
        rows.append(("处理措施", escape(info.measure)))
    if info.differing_reason:
        rows.append(("决定理由", escape(info.differing_reason)))
    if info.correction_reason:
        rows.append(("更正理由", escape(info.correction_reason)))
    if info.notification_deadline is not None:
        due = info.notification_deadline
        rule = escape(info.day_counting_label)
        rows.append(
            (
                "告知期限",
                f"{chinese_date(due)}前（第十三条，决定记录时计算，不随设置变化）"
                f"<br/><span style='color:#555'>{rule}</span>",
            )
        )
    cells = "".join(f"<tr><td><b>{k}：</b></td><td>{v}</td></tr>" for k, v in rows)
    return f"<h3>党委决定</h3><table cellspacing='4'>{cells}</table>"
