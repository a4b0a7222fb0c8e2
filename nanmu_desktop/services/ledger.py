"""The 台账 of every case (J6): rows read in a few set-based queries, written as Excel or PDF."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from nanmu_desktop.documents.kinds.common import join_citations
from nanmu_desktop.documents.ledger_model import LedgerRow
from nanmu_desktop.domain.decisions import Leniency
from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.plain_text import printable
from nanmu_desktop.errors import Problem, ValidationError
from nanmu_desktop.files import write_atomically
from nanmu_desktop.services.choices import label
from nanmu_desktop.services.rectification import ORDER_STATUS_LABELS, order_status
from nanmu_desktop.services.rule_options import not_an_error, read_rule_options
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    Case,
    CaseOfficer,
    Department,
    Determination,
    DocumentVoid,
    IssuedDocument,
    Officer,
    RectificationOrder,
)

SUMMARY_CHARS = 60


def ledger_rows(db: Database, today: date | None = None) -> list[LedgerRow]:
    """One row per case, oldest registration first."""
    day = today or date.today()
    with db.session() as session:
        cases = session.execute(
            select(
                Case.id,
                Case.number,
                Case.reported_on,
                Case.source,
                Case.field,
                Case.enforcement_type,
                Case.occurred_on,
                Case.title,
                func.substr(Case.description, 1, SUMMARY_CHARS + 1),
                Case.status,
                Case.outcome,
            ).order_by(Case.reported_on, Case.id)
        ).all()
        people: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for case_id, name, department in session.execute(
            select(CaseOfficer.case_id, Officer.name, Department.name)
            .join(Officer, Officer.id == CaseOfficer.officer_id)
            .outerjoin(Department, Department.id == Officer.department_id)
            .order_by(CaseOfficer.case_id, CaseOfficer.position)
        ):
            people[case_id].append((name, department or ""))
        latest = select(func.max(Determination.id)).group_by(Determination.case_id)
        decisions = {
            row.case_id: row
            for row in session.execute(
                select(
                    Determination.case_id,
                    Determination.leniency,
                    Determination.measure,
                    Determination.basis,
                    Determination.outcome,
                    Determination.decided_basis,
                    Determination.decided_ground,
                    Determination.meeting_date,
                ).where(Determination.id.in_(latest.scalar_subquery()))
            )
        }
        options = read_rule_options(session)
        orders: dict[int, str] = {}
        for order in session.scalars(select(RectificationOrder).order_by(RectificationOrder.id)):
            orders[order.case_id] = ORDER_STATUS_LABELS[order_status(order, day)]
        documents: dict[int | None, list[str]] = defaultdict(list)
        for doc_case, number, voided in session.execute(
            select(IssuedDocument.case_id, IssuedDocument.number, DocumentVoid.id)
            .outerjoin(DocumentVoid, DocumentVoid.document_id == IssuedDocument.id)
            .where(IssuedDocument.case_id.is_not(None))
            .order_by(IssuedDocument.id)
        ):
            documents[doc_case].append(number + ("（已作废）" if voided else ""))
    rows = []
    for (
        case_id,
        number,
        reported,
        source,
        field,
        etype,
        occurred,
        title,
        text,
        status,
        code,
    ) in cases:
        decision = decisions.get(case_id)
        outcome = Outcome(code) if code else None  # the case mirrors the committee's outcome
        outcome_text, basis = "", ""
        if outcome is not None and decision is not None:  # the decision, never the proposal
            outcome_text = outcome.label
            if outcome is Outcome.mitigated and decision.leniency:
                outcome_text = f"{Leniency(decision.leniency).label}处理"
                if decision.measure:
                    outcome_text += f"（{decision.measure}）"
            basis = join_citations(decision.decided_basis or ()) or "不援引条款"
        elif decision is not None:  # undecided: the proposal, labelled as such
            outcome_text = f"建议：{Outcome(decision.outcome).label}"
            proposed = decision.basis.split("、") if decision.basis else ()
            basis = "建议：" + (join_citations(proposed) or "不援引条款")
        summary = title or (text[:SUMMARY_CHARS] + ("…" if len(text) > SUMMARY_CHARS else ""))
        summary = printable(summary)  # text stored before the input checks may hold controls
        names = [(printable(n), printable(d)) for n, d in people.get(case_id, [])]
        rows.append(
            LedgerRow(
                number=number,
                reported_on=reported,
                source=label("source", source),
                officers="、".join(dict.fromkeys(n for n, _ in names)),
                departments="、".join(dict.fromkeys(d for _, d in names if d)),
                field=label("field", field),
                enforcement_type=label("enforcement_type", etype),
                occurred_on=occurred,
                summary=summary,
                status=CaseStatus(status).label,
                outcome=outcome_text,
                basis=basis,
                meeting_date=decision.meeting_date if decision and outcome else None,
                rectification=orders.get(case_id, ""),
                documents="、".join(documents.get(case_id, ())),
                tolerated=not_an_error(
                    options, code, decision.decided_ground if decision else None
                ),
            )
        )
    return rows


def export_ledger(db: Database, path: Path, today: date | None = None) -> int:
    """Write the ledger to `path` (.xlsx or .pdf, by its suffix); returns the number of cases."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError([Problem("输出文件", "台账只能导出为 .xlsx 或 .pdf 文件")])
    rows = ledger_rows(db, today)
    if suffix == ".xlsx":
        from nanmu_desktop.documents.ledger_xlsx import ledger_xlsx

        data = ledger_xlsx(rows)
    else:
        from nanmu_desktop.documents.ledger_pdf import ledger_pdf
        from nanmu_desktop.services.font_choice import fonts_for

        data = ledger_pdf(rows, today or date.today(), fonts_for(db))
    write_atomically(path, data)
    return len(rows)

