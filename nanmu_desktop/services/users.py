"""Accounts of the office: add, list, change password or roles, and log in with lock-out.

The first account of a database is made without login (first-run wizard or `user add`) and
must be a 管理员; after that, managing users needs the 管理员 role (a user may change their own
password). Five wrong passwords in a row lock an account for 15 minutes, audited.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.roles import (
    Actor,
    Operation,
    PermissionDeniedError,
    Role,
    roles_text,
)
from nanmu_desktop.errors import NanmuError, NotFoundError, Problem, ValidationError
from nanmu_desktop.services.access import SESSION_USER, has_users, require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.passwords import hash_password, password_problem, verify_password
from nanmu_desktop.storage import Database
from nanmu_desktop.storage.audit import record
from nanmu_desktop.storage.models import User, utc_now

MAX_FAILURES = 5
LOCK_MINUTES = 15
SYSTEM_ACTOR = "系统"


class LoginError(NanmuError):
    """Wrong name or password, or a locked account (`locked_until` says until when)."""

    def __init__(self, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


@dataclass(frozen=True)
class UserInfo:
    name: str
    roles: frozenset[Role]
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime

    @property
    def roles_text(self) -> str:
        return roles_text(self.roles)

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def list_users(db: Database) -> list[UserInfo]:
    with db.session() as session:
        return [_info(row) for row in session.scalars(select(User).order_by(User.id))]


def add_user(
    db: Database, name: str, roles: frozenset[Role], password: str, *, actor: str = DEFAULT_ACTOR
) -> UserInfo:
    """A new account. The first one needs no login but must hold 管理员."""
    name = _checked_name(name)
    _check_new_password(password)
    if not roles:
        raise ValidationError([Problem("roles", "至少要指定一个角色。")])
    with db.write_session() as session:
        first = not has_users(session)
        if first and Role.admin not in roles:
            raise ValidationError([Problem("roles", "第一个用户必须具有“管理员”角色。")])
        if not first:
            require(db, Operation.users)
        if session.scalars(select(User.id).where(User.name == name)).first() is not None:
            raise ValidationError([Problem("name", f"用户“{name}”已存在。")])
        row = User(name=name, roles=_codes(roles), password_hash=hash_password(password))
        session.add(row)
        session.flush()
        if first:  # the first administrator names its own creation
            session.info[SESSION_USER] = Actor(name, roles)
        audit(session, actor, "create", "user", name, None, {"name": name, "roles": _codes(roles)})
        return _info(row)


def set_password(db: Database, name: str, password: str, *, actor: str = DEFAULT_ACTOR) -> None:
    """A user changes their own password, or a 管理员 sets anyone's; this also lifts a lock."""
    _check_new_password(password)
    if db.user is None or db.user.name != name:
        require(db, Operation.users)
    with db.write_session() as session:
        row = _user(session, name)
        row.password_hash = hash_password(password)
        row.failed_attempts = 0
        row.locked_until = None
        audit(session, actor, "set_password", "user", name, None, None)


def set_roles(
    db: Database, name: str, roles: frozenset[Role], *, actor: str = DEFAULT_ACTOR
) -> UserInfo:
    require(db, Operation.users)
    if not roles:
        raise ValidationError([Problem("roles", "至少要指定一个角色。")])
    with db.write_session() as session:
        row = _user(session, name)
        before = row.roles
        row.roles = _codes(roles)
        session.flush()
        admins = [u for u in session.scalars(select(User)) if Role.admin.value in u.roles]
        if not admins:
            raise ValidationError([Problem("roles", "至少要保留一名管理员。")])
        audit(session, actor, "set_roles", "user", name, {"roles": before}, {"roles": row.roles})
        return _info(row)


def authenticate(db: Database, name: str, password: str, *, now: datetime | None = None) -> Actor:
    """The user as an Actor when the password is right; LoginError otherwise (failures count,
    the fifth in a row locks the account for LOCK_MINUTES and is audited)."""
    now = now or utc_now()
    error: LoginError | None = None
    with db.write_session() as session:  # the failure count must not race another login
        row = session.scalars(select(User).where(User.name == name.strip())).first()
        if row is None:
            raise LoginError("用户名或密码不正确。")
        if not row.active:
            raise LoginError(f"账户“{row.name}”已停用，请联系管理员。")
        if row.locked_until is not None and row.locked_until > now:
            raise LoginError(_locked_message(row.locked_until), row.locked_until)
        if verify_password(password, row.password_hash):
            if row.failed_attempts or row.locked_until is not None:
                row.failed_attempts = 0
                row.locked_until = None
            return Actor(row.name, _roles(row.roles))
        row.failed_attempts += 1
        if row.failed_attempts >= MAX_FAILURES:
            row.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            row.failed_attempts = 0
            record(session, SYSTEM_ACTOR, "lock", "user", row.name, None,
                   {"locked_until": row.locked_until.isoformat(), "failures": MAX_FAILURES})
            error = LoginError(_locked_message(row.locked_until), row.locked_until)
        else:
            left = MAX_FAILURES - row.failed_attempts
            error = LoginError(f"用户名或密码不正确（再错 {left} 次将锁定 {LOCK_MINUTES} 分钟）。")
    raise error  # after the commit, so the failure count is kept


def log_in(db: Database, name: str, password: str) -> Actor:
    """Authenticate and make the user the session user of this open database."""
    db.user = authenticate(db, name, password)
    return db.user


def create_first_admin(db: Database, name: str, roles: frozenset[Role], password: str) -> Actor:
    """The first-run wizard's account: created (once, even if saving the profile is retried)
    and logged in, so the wizard's own writes carry its name."""
    if db.user is None or db.user.name != name.strip():
        add_user(db, name, roles | {Role.admin}, password)
        log_in(db, name.strip(), password)
    assert db.user is not None
    return db.user


def _locked_message(until: datetime) -> str:
    return f"该账户因多次密码错误已锁定，请于 {until.astimezone():%H:%M} 后重试。"


def _check_new_password(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise ValidationError([Problem("password", problem)])


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 50:
        raise ValidationError([Problem("name", "用户名须为 1 至 50 个字符。")])
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValidationError([Problem("name", "用户名不能含控制字符。")])
    return name


def _user(session: Session, name: str) -> User:
    row = session.scalars(select(User).where(User.name == name)).first()
    if row is None:
        raise NotFoundError(f"找不到用户“{name}”")
    return row


def _codes(roles: frozenset[Role]) -> str:
    return ",".join(role.value for role in Role if role in roles)


def _roles(codes: str) -> frozenset[Role]:
    return frozenset(Role(code) for code in codes.split(",") if code)


def _info(row: User) -> UserInfo:
    return UserInfo(row.name, _roles(row.roles), row.failed_attempts, row.locked_until,
                    row.created_at)


__all__ = [
    "LOCK_MINUTES",
    "MAX_FAILURES",
    "LoginError",
    "PermissionDeniedError",
    "UserInfo",
    "add_user",
    "authenticate",
    "create_first_admin",
    "list_users",
    "log_in",
    "set_password",
    "set_roles",
]
