"""Departments (科室) and enforcement officers (执法人员)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.vocabulary import DEFAULT_DEPARTMENTS
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch, lookup
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Department, Officer

_BADGE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{2,29}$")


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    sort_order: int
    active: bool


@dataclass(frozen=True)
class OfficerInput:
    name: str
    department_id: int | None
    badge_number: str | None = None  # 执法证号, e.g. 15-0783-00112
    ethnicity: str | None = None
    post: str = ""
    badge_valid_until: date | None = None  # 执法证有效期至


@dataclass(frozen=True)
class OfficerInfo:
    id: int
    name: str
    ethnicity: str | None
    department_id: int | None
    department_name: str
    post: str
    badge_number: str | None
    active: bool  # False: retired (停用), off the pickers, still on its cases
    badge_valid_until: date | None = None

    def badge_expired(self, on: date) -> bool:
        return self.badge_valid_until is not None and self.badge_valid_until < on

    @property
    def display_name(self) -> str:
        return f"{self.name}（{self.badge_number}）" if self.badge_number else self.name


def department_info(row: Department) -> DepartmentInfo:
    return DepartmentInfo(row.id, row.name, row.sort_order, row.active)


def officer_info(row: Officer) -> OfficerInfo:
    return OfficerInfo(
        id=row.id,
        name=row.name,
        ethnicity=row.ethnicity,
        department_id=row.department_id,
        department_name=row.department.name if row.department else "",
        post=row.post,
        badge_number=row.badge_number,
        active=row.active,
        badge_valid_until=row.badge_valid_until,
    )


def list_departments(db: Database, *, active_only: bool = False) -> list[DepartmentInfo]:
    """In the starter list's order; `active_only` for pickers (retired ones left out)."""
    with db.session() as session:
        query = select(Department).order_by(Department.sort_order, Department.id)
        if active_only:
            query = query.where(Department.active.is_(True))
        return [department_info(r) for r in session.scalars(query)]


def add_department(db: Database, name: str, *, actor: str = DEFAULT_ACTOR) -> DepartmentInfo:
    require(db, Operation.register)
    problems = Problems()
    clean = problems.text(name, "科室名称", max_len=100)
    problems.raise_if_any()
    with db.write_session() as session:
        return department_info(_insert_department(session, clean, actor))


def ensure_default_departments(db: Database, *, actor: str = DEFAULT_ACTOR) -> list[DepartmentInfo]:
    """Create the township's six departments that are missing; returns all departments."""
    with db.write_session() as session:
        existing = set(session.scalars(select(Department.name)))
        for name in DEFAULT_DEPARTMENTS:
            if name not in existing:
                _insert_department(session, name, actor)
    return list_departments(db)


def _insert_department(session: Session, name: str, actor: str) -> Department:
    if session.scalar(select(Department.id).where(Department.name == name)) is not None:
        raise ConflictError(f"科室“{name}”已存在")
    count = len(session.scalars(select(Department.id)).all())
    row = Department(name=name, sort_order=count + 1)
    session.add(row)
    session.flush()
    audit(session, actor, "create", "department", row.id, None, {"name": name})
    return row


def list_officers(db: Database, *, include_inactive: bool = False) -> list[OfficerInfo]:
    """In pinyin order of their names (the order of the UI's QCollator)."""
    with db.session() as session:
        query = select(Officer).order_by(Officer.id)
        if not include_inactive:
            query = query.where(Officer.active.is_(True))
        rows = [officer_info(r) for r in session.scalars(query)]
    return sorted(rows, key=lambda o: (pinyin_key(o.name), o.id))


def get_officer(db: Database, officer_id: int) -> OfficerInfo:
    with db.session() as session:
        return officer_info(fetch(session, Officer, officer_id, "执法人员"))


def find_officer_by_badge(db: Database, badge_number: str) -> OfficerInfo | None:
    with db.session() as session:
        row = session.scalar(select(Officer).where(Officer.badge_number == badge_number.strip()))
        return officer_info(row) if row else None


def add_officer(db: Database, data: OfficerInput, *, actor: str = DEFAULT_ACTOR) -> OfficerInfo:
    require(db, Operation.register)
    with db.write_session() as session:
        return officer_info(insert_officer(session, data, actor))


def update_officer(
    db: Database, officer_id: int, data: OfficerInput, *, actor: str = DEFAULT_ACTOR
) -> OfficerInfo:
    require(db, Operation.register)
    with db.write_session() as session:
        row = fetch(session, Officer, officer_id, "执法人员")
        _check_officer(session, data, "", exclude_id=officer_id).raise_if_any()
        before = asdict(officer_info(row))
        _apply(row, data)
        session.flush()
        after = officer_info(row)
        audit(session, actor, "update", "officer", row.id, before, asdict(after))
        return after


def insert_officer(
    session: Session, data: OfficerInput, actor: str, *, field_prefix: str = ""
) -> Officer:
    """Validate and add one officer inside the caller's transaction."""
    _check_officer(session, data, field_prefix).raise_if_any()
    row = Officer()
    _apply(row, data)
    session.add(row)
    session.flush()
    audit(session, actor, "create", "officer", row.id, None, asdict(officer_info(row)))
    return row


def check_officer_input(data: OfficerInput, prefix: str, problems: Problems) -> None:
    """The checks that need no database: name, 执法证号 shape, lengths."""
    problems.text(data.name, f"{prefix}name" if prefix else "姓名", max_len=50)
    badge_field = f"{prefix}badge_number" if prefix else "执法证号"
    if data.badge_number and not _BADGE.match(data.badge_number.strip()):
        problems.add(badge_field, "执法证号只能由数字、字母和“-”组成（如 15-0783-00112）")
    problems.text(
        data.ethnicity, f"{prefix}ethnicity" if prefix else "民族", required=False, max_len=20
    )
    problems.text(data.post, f"{prefix}post" if prefix else "职务", required=False, max_len=50)


def _check_officer(
    session: Session, data: OfficerInput, prefix: str, exclude_id: int | None = None
) -> Problems:
    problems = Problems()
    check_officer_input(data, prefix, problems)
    if data.department_id is not None and lookup(session, Department, data.department_id) is None:
        problems.add(f"{prefix}department" if prefix else "科室", "所选科室不存在")
    badge = (data.badge_number or "").strip()
    if badge:
        other = session.scalar(select(Officer.id).where(Officer.badge_number == badge))
        if other is not None and other != exclude_id:
            problems.add(
                f"{prefix}badge_number" if prefix else "执法证号",
                f"执法证号 {badge} 已登记给其他人员",
            )
    return problems


def _apply(row: Officer, data: OfficerInput) -> None:
    row.name = data.name.strip()
    row.department_id = data.department_id
    row.badge_number = (data.badge_number or "").strip() or None
    row.ethnicity = (data.ethnicity or "").strip() or None
    row.post = data.post.strip()
    row.badge_valid_until = data.badge_valid_until
