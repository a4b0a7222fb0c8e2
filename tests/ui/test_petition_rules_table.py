"""第十八条 over every combination (conclusion × real name × malicious × the linked case's
decision): the service that records an answer, the document builder and the 回应 dialog agree
on which answers a report gets."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.decisions import DecisionInput, record_decision
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.documents import DocumentTarget, draft_notice
from nanmu_desktop.services.officers import OfficerInput, add_officer, ensure_default_departments
from nanmu_desktop.services.petitions import (
    FindingsInput,
    PetitionInput,
    ResponseInput,
    get_petition,
    record_findings,
    record_response,
    register_petition,
)
from nanmu_desktop.services.settings import ProfileInput, update_profile
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Petition
from nanmu_desktop.ui.petitions.dialogs import ResponseDialog, allowed_responses

CONDITIONS = {"not_prohibited": True, "no_major_loss": True, "remedied": True}
# The linked case: none, registered but undecided, or decided on these facts (with leniency).
LINKED: dict[str, tuple[dict[str, Any], str | None] | None] = {
    "no_case": None,
    "undecided": None,
    "exempt": ({"art10": [4], "art10_conditions": CONDITIONS}, None),
    "art10_lenient": ({"art10": [4]}, "lighter"),
    "art11_lenient": ({"art11": [1]}, "lighter"),
    "not_tolerated": ({}, None),
    "duty_fulfilled": ({"art9": [1]}, None),
}
CONCLUSIONS = (None, "unfounded", "no_evidence", "tolerated", "substantiated")
DOCUMENT = {
    "feedback": DocumentKind.report_feedback,
    "explanation": DocumentKind.report_explanation,
    "clarification": DocumentKind.clarification,
}


def _cases(db: Database, officer_id: int) -> dict[str, int | None]:
    ids: dict[str, int | None] = {"no_case": None}
    for name, spec in LINKED.items():
        if name == "no_case":
            continue
        case = register_case(db, CaseInput(
            source="信访举报", enforcement_type="行政检查", field="林业和草原",
            occurred_on=date(2026, 1, 14), reported_on=date(2026, 1, 20),
            description=f"案件（{name}）", officer_ids=(officer_id,),
        ))
        ids[name] = case.id
        if spec is not None:
            facts, leniency = spec
            save_proposal(db, case.id, facts)
            measure = "通报批评减为诫勉谈话" if leniency else ""
            record_decision(db, case.id, DecisionInput(
                date.today(), ("乌力吉",), leniency=leniency, measure=measure
            ))
    return ids


def _petition(db: Database, officer_id: int, case_id: int | None, conclusion: str | None,
              real_name: bool, malicious: bool) -> int:
    reporter = ("刘桂芬", "13904705528") if real_name else ("", "")
    petition_id = register_petition(db, PetitionInput(
        real_name, date(2026, 7, 2), "来信", "反映执法问题", (officer_id,), *reporter,
        case_id=case_id,
    )).id
    if conclusion is None:
        return petition_id
    try:
        record_findings(db, petition_id, FindingsInput("经调查核实", conclusion, malicious))
    except ValidationError:
        # Findings the service refuses may still be on file (recorded before the linked case's
        # decision changed, or imported): every answer must then be refused alike.
        with db.write_session() as session:
            row = session.get(Petition, petition_id)
            assert row is not None
            row.findings, row.conclusion, row.malicious = "经调查核实", conclusion, malicious
    return petition_id


def _service_allows(db: Database, petition_id: int, kind: str) -> bool:
    answer = ResponseInput(kind, date(2026, 8, 5), "机关全体", "会议", "答复内容")
    try:
        record_response(db, petition_id, answer)
    except ConflictError:
        return False
    return True


def _builder_allows(db: Database, petition_id: int, kind: str) -> bool:
    try:
        draft_notice(db, DocumentTarget(DOCUMENT[kind], petition_id=petition_id), date(2026, 8, 5))
    except ConflictError:
        return False
    return True


def test_service_builder_and_dialog_agree_on_every_combination(
    qtbot: QtBot, database: Database
) -> None:
    update_profile(database, ProfileInput(name_zh="扎兰屯市南木鄂伦春民族乡人民政府"))
    department = ensure_default_departments(database)[1]
    officer = add_officer(database, OfficerInput("关永军", department.id, "15-0783-00112"))
    cases = _cases(database, officer.id)
    table: dict[tuple[str | None, bool, bool, str], tuple[str, ...]] = {}
    for conclusion, real_name, malicious, linked in itertools.product(
        CONCLUSIONS, (True, False), (True, False), LINKED
    ):
        petition_id = _petition(
            database, officer.id, cases[linked], conclusion, real_name, malicious
        )
        info = get_petition(database, petition_id)
        dialog = ResponseDialog(info)
        qtbot.addWidget(dialog)
        offered = tuple(str(dialog.kind.itemData(i)) for i in range(dialog.kind.count()))
        assert list(offered) == allowed_responses(info)
        # The builder first (the service writes the answer when it allows it).
        built = tuple(k for k in DOCUMENT if _builder_allows(database, petition_id, k))
        served = tuple(k for k in DOCUMENT if _service_allows(database, petition_id, k))
        key = (conclusion, real_name, malicious, linked)
        assert offered == built == served, key
        table[key] = offered

    # A few rows read straight from 第十八条, so the agreement is not agreement on nothing.
    assert table[("unfounded", True, False, "no_case")] == ("feedback",)
    assert table[("no_evidence", False, True, "no_case")] == ("explanation", "clarification")
    assert table[("tolerated", False, False, "exempt")] == ("explanation",)
    assert table[("tolerated", True, False, "art10_lenient")] == ("feedback",)
    # 容错 needs a case decided as 容错: 第十一条's leniency, 不予容错 or no decision are not.
    for linked in ("no_case", "undecided", "art11_lenient", "not_tolerated", "duty_fulfilled"):
        assert table[("tolerated", True, False, linked)] == ()
    # The old disagreement: a tolerated officer is not "falsely accused", so no 澄清正名.
    assert table[("tolerated", False, True, "exempt")] == ()
    assert all(table[(None, r, m, link)] == () for r, m, link in itertools.product(
        (True, False), (True, False), LINKED))
    assert all(answers == () for key, answers in table.items() if key[0] == "substantiated")
