"""第十七条's 易错风险警示提醒: the pattern the clerk selected on the 统计分析 page (citation,
field, period, threshold), counted by `domain/risk_patterns` exactly as the page counted it.

Asked for from a case alone (文书 page, CLI), the memo takes the case's field and the most
recurring of its own citations over the version's period up to the case, at its threshold.

第十四条: a case decided as 容错 (or 履职尽责) is not an enforcement error and must not count
against its officers anywhere. Such a case is still a risk point of its field, so it is counted
in the pattern and listed, but its officers are never named: the column says so, their names
are taken out of its summary, and the memo states how many cases are listed unnamed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from nanmu_desktop.documents.context import RiskCase, RiskWarningInfo
from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.risk_patterns import (
    RiskPattern,
    RiskSelection,
    most_recurring_of,
    period_ending,
    selected_pattern,
)
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.choices import label
from nanmu_desktop.services.decided import decision_of
from nanmu_desktop.services.determinations import current_row
from nanmu_desktop.services.rule_options import not_an_error, read_rule_options
from nanmu_desktop.services.statistics import decided_rows, ignored_on, risk_defaults_on
from nanmu_desktop.storage.models import Case

UNNAMED = "（不具名）"  # the 执法人员 column of a tolerated case (第十四条)


def risk_warning_info(
    session: Session, case: Case | None, regulation: Regulation, selection: RiskSelection | None
) -> RiskWarningInfo:
    """The memo's pattern: `selection` as chosen on the statistics page, else `case`'s own."""
    if selection is None:
        if case is None:
            raise ConflictError("请在统计分析中选择一个达到提醒阈值的易错条款，或指定案件。")
        selection = _selection_of_case(session, case)
    rows = decided_rows(session, selection.start, selection.end)
    pattern = selected_pattern(rows, selection, ignored_on(session, selection.end))
    where = f"{label('field', selection.field)}领域" if selection.field else "各领域"
    if pattern is None or not pattern.flagged:
        count = pattern.count if pattern else 0
        raise ConflictError(
            f"{selection.start.isoformat()}至{selection.end.isoformat()}，{where}援引"
            f"{selection.citation}的已决定案件{count}件，不足{selection.min_count}件，"
            "尚未形成需要警示提醒的易错风险点（第十七条）。"
        )
    return _info(session, pattern, selection, regulation)


def _selection_of_case(session: Session, case: Case) -> RiskSelection:
    settings = risk_defaults_on(session, case.occurred_on)
    start, end = period_ending(case.occurred_on, settings.period_days)
    rows = decided_rows(session, start, end)
    chosen = most_recurring_of(
        rows, case.id, start, end, settings.min_count, ignored_on(session, end)
    )
    if chosen is None:
        raise ConflictError(
            f"案件“{case.number}”尚无党委决定援引的条款，不能据以生成易错风险警示提醒（第十七条）。"
        )
    return chosen


def _info(
    session: Session, pattern: RiskPattern, selection: RiskSelection, regulation: Regulation
) -> RiskWarningInfo:
    cases = [session.get(Case, case_id) for case_id in pattern.case_ids]
    listed: list[RiskCase] = []
    unnamed = 0
    for case in cases:
        assert case is not None
        names = [link.officer.name for link in case.officer_links]
        summary = case.title or _first_sentence(case.description)
        if _tolerated(session, case):
            unnamed += 1
            for name in names:  # a summary may name the officer too
                summary = summary.replace(name, "该执法人员")
            officers = UNNAMED
        else:
            officers = "、".join(names)
        listed.append(RiskCase(case.number, case.occurred_on, officers, summary))
    departments = (d for row in pattern.rows for d in row.departments)
    return RiskWarningInfo(
        field=label("field", pattern.field) if pattern.field else "各",
        citation=pattern.citation,
        citation_text=_text_of(regulation, pattern.citation),
        period_start=selection.start,
        period_end=selection.end,
        cases=tuple(listed),
        recipients=tuple(dict.fromkeys(departments)),
        unnamed=unnamed,
    )


def _tolerated(session: Session, case: Case) -> bool:
    """第十四条: the decision is not an enforcement error (容错, or 履职尽责)."""
    row = current_row(session, case.id)
    decision = decision_of(row) if row is not None else None
    if decision is None:
        return False
    return not_an_error(read_rule_options(session), decision.outcome, decision.ground)


def _text_of(regulation: Regulation, citation: str) -> str:
    parsed = Citation.parse(citation)
    unit = regulation.resolve(parsed)
    text = unit[0].text if isinstance(unit, tuple) else regulation.text_of(parsed)
    return text.rstrip("；;。")


def _first_sentence(text: str) -> str:
    """A case's description up to its first full stop, whole: the table cell wraps it (a
    warning that cut the facts short with …… would not tell what happened)."""
    return text.strip().split("。", 1)[0]
