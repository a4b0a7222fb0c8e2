"""The committee's decision through the service: forbidden departures refused with nothing
written, corrections audited, the 告知 deadline stored once, and 第十五条's order at once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import get_case
from nanmu_desktop.services.decisions import DecisionInput, correct_decision, record_decision
from nanmu_desktop.services.determinations import current_determination, save_proposal
from nanmu_desktop.services.document_context import DocumentTarget
from nanmu_desktop.services.documents import draft_notice
from nanmu_desktop.services.issuing import issue_document, void_document
from nanmu_desktop.services.notices import NotificationInput, record_notification
from nanmu_desktop.services.rectification import OrderInput, issue_order
from nanmu_desktop.services.rule_options import RuleOptions, set_rule_options
from nanmu_desktop.services.settings import ProfileInput, update_profile
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import AuditEntry

from .conftest import J1_FACTS, audit_count

MEETING = date(2026, 3, 10)  # a Tuesday; 7 days later is a working day
NO_GROUNDS: dict[str, object] = {}


def _proposed(db: Database, case: CaseDetail, facts: dict[str, object]) -> None:
    save_proposal(db, case.id, facts, made_on=date(2026, 3, 9))


def test_a_forbidden_departure_is_refused_with_its_article_and_writes_nothing(
    db: Database, case: CaseDetail
) -> None:
    _proposed(db, case, NO_GROUNDS)
    before = audit_count(db)
    with pytest.raises(ConflictError, match=r"^第九条至第十一条：.*认定向导"):
        record_decision(db, case.id, DecisionInput(
            MEETING, ("乌力吉",), outcome="exempt", reason="党委认为可以免责"))
    assert audit_count(db) == before
    detail = get_case(db, case.id)
    assert (detail.status, detail.outcome) == ("determining", None)


def test_no_grounds_decision_cites_no_article_anywhere(db: Database, case: CaseDetail) -> None:
    update_profile(db, ProfileInput(name_zh="南木乡"))
    _proposed(db, case, NO_GROUNDS)
    info = record_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)))
    assert info.basis == () and info.decided_basis == ()
    notice = draft_notice(db, DocumentTarget(DocumentKind.non_tolerance_decision, case.id))
    text = "".join(getattr(b, "text", "") for b in notice.body)
    assert "依据第" not in text and "不符合第九条规定的履职尽责情形" in text


def test_a_meeting_before_registration_is_refused(db: Database, case: CaseDetail) -> None:
    _proposed(db, case, J1_FACTS)
    with pytest.raises(ValidationError, match="登记日期"):
        record_decision(db, case.id, DecisionInput(date(2026, 1, 15), ("乌力吉",)))


def test_the_deadline_is_stored_once_and_settings_never_move_it(
    db: Database, case: CaseDetail
) -> None:
    _proposed(db, case, J1_FACTS)
    recorded = record_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)))
    assert recorded.notification_deadline == date(2026, 3, 17)
    update_profile(db, ProfileInput(name_zh="南木乡", day_counting="working"))
    again = current_determination(db, case.id)
    assert again is not None and again.notification_deadline == date(2026, 3, 17)
    assert "自然日" in again.day_counting_label  # the rule it was computed under
    notice = record_notification(db, case.id, NotificationInput("关永军", date(2026, 3, 18)))
    assert notice.deadline == date(2026, 3, 17) and notice.late


def test_only_tolerance_decisions_start_the_clock_unless_the_setting_says_all(
    db: Database, case: CaseDetail
) -> None:
    _proposed(db, case, {"exclusion": {"abuse_of_power": True, "harmed_rights": True}})
    info = record_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)))
    assert info.decided_basis == ("第十二条",) and info.notification_deadline is None
    correct_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)), reason="补记参会人员")
    set_rule_options(db, RuleOptions(notify_all_outcomes=True))
    corrected = correct_decision(
        db, case.id, DecisionInput(MEETING, ("乌力吉", "刘晓伟")), reason="补记参会人员"
    )
    assert corrected.notification_deadline == date(2026, 3, 17)


def test_a_correction_is_audited_and_needs_the_issued_decision_voided_first(
    db: Database, case: CaseDetail
) -> None:
    update_profile(db, ProfileInput(name_zh="南木乡", signer="刘晓伟"))
    _proposed(db, case, J1_FACTS)
    record_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)))
    lenient = DecisionInput(MEETING, ("乌力吉",), outcome="mitigated", leniency="从轻",
                            measure="批评教育", reason="未及时报告")
    with pytest.raises(ValidationError, match="更正理由"):
        correct_decision(db, case.id, lenient, reason=" ")
    issued = issue_document(db, DocumentTarget(DocumentKind.exemption_decision, case.id),
                            on=date(2026, 3, 11))
    with pytest.raises(ConflictError, match="作废"):
        correct_decision(db, case.id, lenient, reason="党委复议")
    again = issue_document(db, DocumentTarget(DocumentKind.exemption_decision, case.id),
                           on=date(2026, 3, 11))  # a retry finds the document, no new number
    assert (again.number, again.found_again) == (issued.number, True)
    with pytest.raises(ConflictError, match="已有有效的决定文书"):
        issue_document(db, DocumentTarget(DocumentKind.exemption_decision, case.id),
                       on=date(2026, 3, 12))
    void_document(db, issued.number, "党委复议，决定更正")
    info = correct_decision(db, case.id, lenient, reason="党委复议")
    assert (info.decided_outcome, info.leniency, info.correction_reason) == (
        "mitigated", "lighter", "党委复议")
    assert info.decided_basis == ("第十条第一款第（四）项",)
    with db.session() as session:
        row = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "correct")
        ).one()
        assert '"decided":"exempt"' in (row.before_json or "")
        assert '"correction_reason":"党委复议"' in (row.after_json or "")
    reissued = issue_document(db, DocumentTarget(DocumentKind.mitigation_decision, case.id),
                              on=date(2026, 3, 12))
    assert reissued.number != issued.number


def test_article_15_order_may_be_issued_with_the_decision(
    db: Database, case: CaseDetail
) -> None:
    _proposed(db, case, J1_FACTS)
    record_decision(db, case.id, DecisionInput(MEETING, ("乌力吉",)))
    order = OrderInput("查封前未核验许可", ("修订核验流程",), "提交报告", MEETING, 30)
    info = issue_order(db, case.id, order)
    assert info.ordered_on == MEETING
    assert get_case(db, case.id).status == "decided"  # 告知 is still to be done
    with pytest.raises(ValidationError, match="党委会议日期"):
        issue_order(db, case.id, OrderInput("x", ("y",), "z", date(2026, 3, 9), 30))
    with pytest.raises(ValidationError, match="1 至 365"):
        issue_order(db, case.id, OrderInput("x", ("y",), "z", MEETING, 400))
