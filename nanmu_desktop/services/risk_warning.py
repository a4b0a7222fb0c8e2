"""第十七条's 易错风险 for a warning: the citation of a case that recurs most in its field over
the six months up to it, with the cases behind it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.documents.context import RiskCase, RiskWarningInfo
from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.choices import label
from nanmu_desktop.services.statistics import DEFAULT_MIN_COUNT
from nanmu_desktop.storage.models import Case, Determination

# 第十七条: cases of one field citing the same item within this period make a risk point when
# there are at least `statistics.DEFAULT_MIN_COUNT` of them (the statistics page's threshold).
RISK_PERIOD_DAYS = 183


def risk_warning_info(session: Session, case: Case, regulation: Regulation) -> RiskWarningInfo:
    """The most recurring citation of `case` in its field over the six months up to it."""
    start = case.occurred_on - timedelta(days=RISK_PERIOD_DAYS)
    rows = session.execute(
        select(Case, Determination.citations)
        .join(Determination, Determination.case_id == Case.id)
        .where(Case.field == case.field, Case.occurred_on.between(start, case.occurred_on))
        .order_by(Determination.id)
    ).all()
    # Later determinations of a case replace earlier ones; 第十条第二款 (the conditions every
    # exemption cites) says nothing about where errors happen.
    latest: dict[int, tuple[Case, list[str]]] = {c.id: (c, list(cites or ())) for c, cites in rows}
    own = [c for c in latest.get(case.id, (case, []))[1] if not c.startswith("第十条第二款")]
    counted = [
        (citation, [c for c, cites in latest.values() if citation in cites]) for citation in own
    ]
    if not counted or max(len(cases) for _, cases in counted) < DEFAULT_MIN_COUNT:
        raise ConflictError(
            f"近六个月内{label('field', case.field)}领域援引同一条款的案件"
            f"不足{DEFAULT_MIN_COUNT}件，尚未形成需要警示提醒的易错风险点（第十七条）。"
        )
    citation, cases = max(counted, key=lambda pair: len(pair[1]))
    cases.sort(key=lambda c: (c.occurred_on, c.id))
    unit = regulation.resolve(Citation.parse(citation))
    text = unit[0].text if isinstance(unit, tuple) else regulation.text_of(Citation.parse(citation))
    officers = [link.officer for c in cases for link in c.officer_links]
    return RiskWarningInfo(
        field=label("field", case.field),
        citation=citation,
        citation_text=text.rstrip("；;。"),
        period_start=start,
        period_end=case.occurred_on,
        cases=tuple(
            RiskCase(
                number=c.number,
                occurred_on=c.occurred_on,
                officers="、".join(link.officer.name for link in c.officer_links),
                summary=c.title or _first_sentence(c.description),
            )
            for c in cases
        ),
        recipients=tuple(
            dict.fromkeys(o.department.name for o in officers if o.department is not None)
        ),
    )


def _first_sentence(text: str) -> str:
    """A case's description up to its first full stop, whole: the table cell wraps it (a
    warning that cut the facts short with …… would not tell what happened)."""
    return text.strip().split("。", 1)[0]
