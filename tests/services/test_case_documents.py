"""Which kinds a case may draft, read from the rules; the decision set issued as one."""

from __future__ import annotations

import pytest
from db_backends import raw_rows

from nanmu_desktop.domain.numbering import parse_number
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.case_documents import allowed_kinds, case_documents
from nanmu_desktop.services.decision_set import issue_decision_set, plan_decision_set
from nanmu_desktop.services.documents import document_choices
from nanmu_desktop.services.issuing import list_documents, void_document
from nanmu_desktop.storage.db import Database


def _case_ids(db: Database, where: str = "1 = 1") -> list[int]:
    return [i for (i,) in raw_rows(db, f"SELECT id FROM cases WHERE {where} ORDER BY id")]


def _register_rows(db: Database) -> int:
    return int(raw_rows(db, "SELECT count(*) FROM number_register")[0][0])


def test_rules_agree_with_composing_except_kinds_already_issued(demo: Database) -> None:
    for case_id in _case_ids(demo):
        valid = {DocumentKind(d.kind) for d in list_documents(demo, case_id) if not d.voided}
        built = {c.kind: c for c in document_choices(demo, case_id)}
        for choice in allowed_kinds(demo, case_id):
            expected = built[choice.kind].ready and choice.kind not in valid
            if choice.kind in (DocumentKind.rectification_order, DocumentKind.extension_reply):
                expected = expected or (built[choice.kind].ready and choice.ready)
            assert choice.ready == expected, (case_id, choice)
            if not choice.ready:
                assert choice.reason


def test_an_issued_kind_is_offered_again_only_after_voiding(demo: Database) -> None:
    documents = [d for d in list_documents(demo) if d.kind == "exemption-decision"]
    issued = documents[0]
    assert issued.case_id is not None
    offered = {c.kind: c for c in allowed_kinds(demo, issued.case_id)}
    assert not offered[DocumentKind.exemption_decision].ready
    assert issued.number in offered[DocumentKind.exemption_decision].reason
    void_document(demo, issued.number, "文字有误，重新签发")
    offered = {c.kind: c for c in allowed_kinds(demo, issued.case_id)}
    assert offered[DocumentKind.exemption_decision].ready
    listed = case_documents(demo, issued.case_id).issued
    assert [d.status_label for d in listed if d.number == issued.number] == ["已作废"]


def test_decision_set_takes_consecutive_numbers_in_one_go(demo: Database) -> None:
    case_id = _case_ids(demo, "status = 'decided'")[0]
    plan = plan_decision_set(demo, case_id)
    issued = issue_decision_set(demo, case_id)
    assert [i.number for i in issued] == [p.number for p in plan]
    assert [i.kind for i in issued] == [
        "determination-worksheet", "exemption-decision", "notification"]
    # The 审批表 is filed under its case; the 决定书 and 告知书 take consecutive 文号.
    assert issued[0].number.endswith("审批表")
    serials = [parse_number(i.number).serial for i in issued[1:]]
    assert serials == [serials[0], serials[0] + 1]
    before = _register_rows(demo)
    with pytest.raises(ConflictError, match="作废"):
        issue_decision_set(demo, case_id)
    assert _register_rows(demo) == before


def test_decision_set_refused_whole_for_an_undecided_case(demo: Database) -> None:
    case_id = _case_ids(demo, "status = 'determining'")[0]
    before = _register_rows(demo)
    with pytest.raises(ConflictError):
        issue_decision_set(demo, case_id)
    assert _register_rows(demo) == before
