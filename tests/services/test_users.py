"""Users, passwords, lock-out and the role checks every writing service makes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from db_backends import raw_rows

from nanmu_desktop.domain.roles import Actor, PermissionDeniedError, Role
from nanmu_desktop.errors import NotFoundError, ValidationError
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.determinations import save_proposal
from nanmu_desktop.services.officers import OfficerInfo
from nanmu_desktop.services.passwords import hash_password, verify_password
from nanmu_desktop.services.reviews import case_reviews, review_case
from nanmu_desktop.services.users import (
    LOCK_MINUTES,
    MAX_FAILURES,
    LoginError,
    add_user,
    authenticate,
    list_users,
    set_password,
    set_roles,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import utc_now

from .conftest import J1_FACTS, audit_count, case_input

PASSWORD = "nanmu-2026"


def counts(db: Database) -> tuple[int, int, int]:
    row = tuple(
        raw_rows(db, f"SELECT count(*) FROM {table}")[0][0]
        for table in ("cases", "audit_log", "case_reviews")
    )
    return row  # type: ignore[return-value]


def office(db: Database) -> dict[str, Actor]:
    """An administrator, a clerk, a reviewer and a signer, each logged in."""
    add_user(db, "王管理", frozenset({Role.admin}), PASSWORD)
    db.user = authenticate(db, "王管理", PASSWORD)
    for name, role in (("张经办", Role.clerk), ("李审核", Role.reviewer), ("赵签发", Role.signer)):
        add_user(db, name, frozenset({role}), PASSWORD)
    db.user = None
    return {name: authenticate(db, name, PASSWORD)
            for name in ("王管理", "张经办", "李审核", "赵签发")}


def test_scrypt_hashes_are_salted_and_carry_their_parameters() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second
    scheme, n, r, p, salt, key = first.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(key)) == 32
    assert verify_password(PASSWORD, first) and not verify_password("nanmu-2025", first)
    assert not verify_password(PASSWORD, "garbage")


def test_the_first_user_must_be_an_administrator_then_only_one_adds_users(db: Database) -> None:
    with pytest.raises(ValidationError, match="管理员"):
        add_user(db, "张经办", frozenset({Role.clerk}), PASSWORD)
    add_user(db, "王管理", frozenset({Role.admin}), PASSWORD)
    with pytest.raises(PermissionDeniedError, match="登录"):
        add_user(db, "张经办", frozenset({Role.clerk}), PASSWORD)
    db.user = authenticate(db, "王管理", PASSWORD)
    add_user(db, "张经办", frozenset({Role.clerk}), PASSWORD)
    with pytest.raises(ValidationError, match="已存在"):
        add_user(db, "张经办", frozenset({Role.clerk}), PASSWORD)
    with pytest.raises(ValidationError, match="密码"):
        add_user(db, "短密码", frozenset({Role.clerk}), "123")
    assert [(u.name, u.roles_text) for u in list_users(db)] == [
        ("王管理", "管理员"), ("张经办", "经办")
    ]
    with pytest.raises(ValidationError, match="管理员"):
        set_roles(db, "王管理", frozenset({Role.clerk}))
    db.user = authenticate(db, "张经办", PASSWORD)
    with pytest.raises(PermissionDeniedError, match="管理员"):
        add_user(db, "赵签发", frozenset({Role.signer}), PASSWORD)


def test_five_failures_lock_the_account_for_fifteen_minutes_audited(db: Database) -> None:
    add_user(db, "王管理", frozenset({Role.admin}), PASSWORD)
    for attempt in range(1, MAX_FAILURES):
        with pytest.raises(LoginError, match=f"再错 {MAX_FAILURES - attempt} 次"):
            authenticate(db, "王管理", "wrong-password")
    with pytest.raises(LoginError, match="已锁定") as locked:
        authenticate(db, "王管理", "wrong-password")
    until = locked.value.locked_until
    assert until is not None
    assert timedelta(minutes=LOCK_MINUTES - 1) < until - utc_now() <= timedelta(
        minutes=LOCK_MINUTES
    )
    # Even the right password is refused while locked, with the time to retry.
    with pytest.raises(LoginError, match=f"{until.astimezone():%H:%M} 后重试"):
        authenticate(db, "王管理", PASSWORD)
    lock_rows = raw_rows(db, "SELECT actor, entity_id FROM audit_log WHERE action = 'lock'")
    assert lock_rows == [("系统", "王管理")]
    later = until + timedelta(seconds=1)
    assert authenticate(db, "王管理", PASSWORD, now=later).name == "王管理"
    with pytest.raises(LoginError, match="用户名或密码不正确"):
        authenticate(db, "无此人", PASSWORD)


def test_a_password_change_lifts_the_lock(db: Database) -> None:
    users = office(db)
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginError):
            authenticate(db, "张经办", "wrong-password")
    db.user = users["张经办"]
    with pytest.raises(PermissionDeniedError):
        set_password(db, "赵签发", "new-password")  # only one's own, unless 管理员
    db.user = users["王管理"]
    set_password(db, "张经办", "new-password")
    with pytest.raises(NotFoundError):
        set_password(db, "无此人", "new-password")
    assert authenticate(db, "张经办", "new-password").name == "张经办"


def test_without_login_or_role_services_refuse_and_write_nothing(
    db: Database, officer: OfficerInfo
) -> None:
    users = office(db)
    before = counts(db)
    with pytest.raises(PermissionDeniedError, match="先登录"):
        register_case(db, case_input((officer.id,)))
    db.user = users["赵签发"]
    with pytest.raises(PermissionDeniedError, match="无权登记案件"):
        register_case(db, case_input((officer.id,)))
    assert counts(db) == before
    db.user = users["张经办"]
    case = register_case(db, case_input((officer.id,)))
    save_proposal(db, case.id, J1_FACTS)
    actors = {r[0] for r in raw_rows(
        db, "SELECT actor FROM audit_log WHERE entity IN ('case', 'determination')"
    )}
    made_by = raw_rows(db, "SELECT made_by FROM determinations")[0][0]
    assert actors == {"张经办"} and made_by == "张经办"


def test_a_review_is_recorded_by_a_reviewer_and_a_return_needs_comments(
    db: Database, officer: OfficerInfo
) -> None:
    case = register_case(db, case_input((officer.id,)))
    save_proposal(db, case.id, J1_FACTS)
    users = office(db)
    db.user = users["张经办"]
    before = counts(db)
    with pytest.raises(PermissionDeniedError, match="审核"):
        review_case(db, case.id, "approve")
    db.user = users["李审核"]
    with pytest.raises(ValidationError, match="意见"):
        review_case(db, case.id, "return")
    assert counts(db) == before
    review_case(db, case.id, "return", "事实部分请补充许可数据延迟的证明")
    reviews = case_reviews(db, case.id)
    assert [(r.verdict, r.reviewer) for r in reviews] == [("return", "李审核")]
    assert counts(db)[1] == before[1] + 1


def test_a_database_without_users_works_as_before(db: Database, officer: OfficerInfo) -> None:
    before = audit_count(db)
    register_case(db, case_input((officer.id,)))
    assert audit_count(db) == before + 1


def test_an_issue_date_outside_the_rule_needs_the_administrator(
    db: Database, officer: OfficerInfo
) -> None:
    from datetime import date

    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.decisions import DecisionInput, record_decision
    from nanmu_desktop.services.document_context import DocumentTarget
    from nanmu_desktop.services.issuing import issue_document
    from nanmu_desktop.services.settings import ProfileInput, update_profile

    users = office(db)
    db.user = users["王管理"]
    update_profile(db, ProfileInput(name_zh="南木乡", signer="刘晓伟"))
    db.user = users["张经办"]
    case = register_case(db, case_input((officer.id,)))
    save_proposal(db, case.id, J1_FACTS, made_on=date(2026, 3, 9))
    record_decision(db, case.id, DecisionInput(date(2026, 3, 10), ("乌力吉",)))
    target = DocumentTarget(DocumentKind.exemption_decision, case.id)
    db.user = users["赵签发"]
    before = counts(db)
    with pytest.raises(PermissionDeniedError, match="管理员"):
        issue_document(db, target, on=date(2025, 12, 30), admin_reason="补登上年度文书")
    assert counts(db) == before
    db.user = Actor("王管理", frozenset({Role.admin, Role.signer}))
    issued = issue_document(db, target, on=date(2025, 12, 30), admin_reason="补登上年度文书")
    assert issued.number.endswith("〔2025〕1号")
