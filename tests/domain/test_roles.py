"""The one table of who may do what."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.roles import (
    OPERATION_LABELS,
    PERMISSIONS,
    Actor,
    Operation,
    Role,
    denial,
    parse_roles,
)

EXPECTED = {
    Role.clerk: {Operation.register, Operation.determine, Operation.record, Operation.draft},
    Role.reviewer: {Operation.review, Operation.correct},
    Role.signer: {Operation.issue, Operation.void},
    Role.admin: {Operation.users, Operation.settings, Operation.backup, Operation.backdate},
}


def test_every_operation_has_a_label_and_a_role() -> None:
    assert set(PERMISSIONS) == set(Operation) == set(OPERATION_LABELS)
    assert all(PERMISSIONS[op] for op in Operation)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_its_operations(role: Role) -> None:
    actor = Actor("某人", frozenset({role}))
    assert {op for op in Operation if actor.may(op)} == EXPECTED[role]


def test_one_account_with_every_role_may_do_everything() -> None:
    actor = Actor("一人办公室", frozenset(Role))
    assert all(actor.may(op) for op in Operation)
    assert actor.role_text == "经办、审核、签发、管理员"


def test_denials_are_chinese_and_name_the_needed_role() -> None:
    clerk = Actor("张三", frozenset({Role.clerk}))
    message = denial(clerk, Operation.issue)
    assert message is not None and "张三" in message and "签发" in message
    assert denial(clerk, Operation.register) is None
    anonymous = denial(None, Operation.register)
    assert anonymous is not None and "登录" in anonymous


def test_roles_parse_from_chinese_or_codes() -> None:
    assert parse_roles("经办，签发") == {Role.clerk, Role.signer}
    assert parse_roles("reviewer,admin") == {Role.reviewer, Role.admin}
    with pytest.raises(ValueError, match="未知角色"):
        parse_roles("局长")
    with pytest.raises(ValueError):
        parse_roles(" , ")
