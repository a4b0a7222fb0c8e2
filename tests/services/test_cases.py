"""Cases: registering, editing, lifecycle moves, attachments, lookup, the list."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from db_backends import raw_execute

from nanmu_desktop.errors import ConflictError, NotFoundError, ValidationError
from nanmu_desktop.services.case_list import CaseQuery, count_cases, list_cases
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.services.cases import (
    add_attachment,
    attachment_bytes,
    change_status,
    find_case,
    get_case,
    register_case,
    remove_attachment,
    update_case,
)
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.storage.db import Database

from .conftest import audit_actions, audit_count, case_input


def test_register_returns_plain_detail_with_number_labels_and_audit(
    db: Database, officer: OfficerInfo
) -> None:
    before = audit_count(db)
    detail = register_case(db, case_input((officer.id,), loss_amount=Decimal("6000.50")))
    assert detail.number == "RC-2026-001"
    assert (detail.status, detail.status_label) == ("registered", "登记")
    assert (detail.source, detail.source_label) == ("personal_application", "个人申请")
    assert detail.field_label == "林业和草原"
    assert detail.loss_amount == Decimal("6000.50")
    assert [o.officer.name for o in detail.officers] == ["关永军"]
    assert detail.allowed_statuses == ("investigating",)
    assert audit_count(db) == before + 1
    second = register_case(db, case_input((officer.id,)))
    assert second.number == "RC-2026-002"


def test_invalid_case_lists_every_problem_and_writes_nothing(
    db: Database, officer: OfficerInfo
) -> None:
    before = audit_count(db)
    bad = case_input(
        (),
        source="随便",
        description=" ",
        occurred_on=date(2026, 2, 1),
        reported_on=date(2026, 1, 20),
        loss_amount=Decimal(-1),
    )
    with pytest.raises(ValidationError) as err:
        register_case(db, bad)
    fields = {p.field for p in err.value.problems}
    assert fields == {"来源", "情况描述", "发生日期", "损失金额", "当事执法人员"}
    assert "个人申请" in str(err.value)
    assert audit_count(db) == before
    assert count_cases(db) == 0


def test_update_keeps_number_and_audits_before_and_after(
    db: Database, case: CaseDetail, officer: OfficerInfo
) -> None:
    updated = update_case(db, case.id, case_input((officer.id,), field="自然资源"))
    assert updated.number == case.number
    assert updated.field == "natural_resources"
    assert audit_actions(db, "case") == ["create", "update"]


def test_status_follows_the_lifecycle(db: Database, case: CaseDetail) -> None:
    moved = change_status(db, case.id, "investigating")
    assert moved.status_label == "调查核实"
    before = audit_count(db)
    with pytest.raises(ConflictError, match="不能"):
        change_status(db, case.id, "closed")
    assert get_case(db, case.id).status == "investigating"
    determining = change_status(db, case.id, "研判认定")  # the Chinese label works too
    assert determining.allowed_statuses == ("investigating",)  # 党委决定 only via the decision
    with pytest.raises(ConflictError, match="记录党委决定"):
        change_status(db, case.id, "decided")
    assert audit_count(db) == before + 1


def test_attachment_kept_with_sha256_read_back_and_removed(db: Database, case: CaseDetail) -> None:
    content = "县林草局数据延迟说明".encode() * 100
    info = add_attachment(db, case.id, "延迟说明.pdf", content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.mime_type == "application/pdf"
    again, data = attachment_bytes(db, info.id)
    assert data == content and again == info
    assert [a.file_name for a in get_case(db, case.id).attachments] == ["延迟说明.pdf"]
    remove_attachment(db, info.id)
    assert get_case(db, case.id).attachments == ()
    assert audit_actions(db, "case")[-2:] == ["add_attachment", "remove_attachment"]
    with pytest.raises(NotFoundError):
        attachment_bytes(db, info.id)


def test_empty_attachment_refused(db: Database, case: CaseDetail) -> None:
    with pytest.raises(ValidationError, match="空"):
        add_attachment(db, case.id, "a.txt", b"")


def test_find_case_by_number_or_id(db: Database, case: CaseDetail) -> None:
    assert find_case(db, "rc-2026-001").id == case.id
    assert find_case(db, str(case.id)).number == case.number
    with pytest.raises(NotFoundError, match="RC-2026-999"):
        find_case(db, "RC-2026-999")


def test_list_filters_search_and_counts(db: Database, officer: OfficerInfo) -> None:
    register_case(db, case_input((officer.id,), description="暴雪天气查封容错案例"))
    register_case(
        db,
        case_input(
            (officer.id,),
            field="市场监管",
            description="检查食杂店时店主隐瞒后仓过期食品",
            reported_on=date.today() - timedelta(days=1),
        ),
    )
    page = list_cases(db)
    assert page.total == 2
    assert page.rows[0].field_label == "市场监管"  # newest first
    assert page.rows[0].department == "综合行政执法办公室"
    found = list_cases(db, CaseQuery(text="容错"))
    assert [r.summary for r in found.rows] == ["暴雪天气查封容错案例"]
    assert count_cases(db, CaseQuery(statuses=("closed",))) == 0


def test_attachment_whose_bytes_changed_is_reported(db: Database, case: CaseDetail) -> None:
    info = add_attachment(db, case.id, "记录.txt", "查封记录".encode())
    tampered = "篡改过的记录".encode()
    raw_execute(
        db, "UPDATE attachments SET content = %(c)s, size = %(s)s WHERE id = %(i)s"
        if db.backend.name == "postgresql"
        else "UPDATE attachments SET content = :c, size = :s WHERE id = :i",
        {"c": tampered, "s": len(tampered), "i": info.id},
    )
    with pytest.raises(ConflictError, match="校验值不符"):
        attachment_bytes(db, info.id)
