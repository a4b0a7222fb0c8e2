"""Keeping departments (科室) and officers (执法人员) tidy: rename, retire, reinstate, merge.

A retired department or officer leaves the pickers (`active` False) but stays on its old cases.
Merging duplicates moves every case, petition and response of the dropped record to the kept
one, then removes the dropped record; the audit row lists what moved. Listings here are in
pinyin order (`domain.collation`), the order the UI gets from QCollator.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from nanmu_desktop.domain.collation import pinyin_key
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import ConflictError, NotFoundError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit, fetch
from nanmu_desktop.services.officers import (
    DepartmentInfo,
    OfficerInfo,
    add_department,
    department_info,
    list_officers,
    officer_info,
)
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import (
    CaseOfficer,
    Department,
    InvestigationOfficer,
    Officer,
    PetitionResponse,
    petition_officers,
)

__all__ = [
    "add_department",
    "department_by_name",
    "merge_departments",
    "merge_officers",
    "rename_department",
    "set_department_retired",
    "set_officer_retired",
    "sorted_departments",
    "sorted_officers",
]


def sorted_departments(db: Database, *, include_retired: bool = True) -> list[DepartmentInfo]:
    with db.session() as session:
        query = select(Department)
        if not include_retired:
            query = query.where(Department.active.is_(True))
        rows = [department_info(r) for r in session.scalars(query)]
    return sorted(rows, key=lambda d: (pinyin_key(d.name), d.id))


def sorted_officers(db: Database, *, include_retired: bool = True) -> list[OfficerInfo]:
    return list_officers(db, include_inactive=include_retired)


def department_by_name(db: Database, name: str) -> DepartmentInfo:
    with db.session() as session:
        return department_info(_department_named(session, name))


def _department_named(session: Session, name: str) -> Department:
    row = session.scalar(select(Department).where(Department.name == name.strip()))
    if row is None:
        raise NotFoundError(f"找不到科室“{name.strip()}”")
    return row


def rename_department(
    db: Database, department_id: int, new_name: str, *, actor: str = DEFAULT_ACTOR
) -> DepartmentInfo:
    require(db, Operation.settings)
    problems = Problems()
    clean = problems.text(new_name, "科室名称", max_len=100)
    problems.raise_if_any()
    with db.write_session() as session:
        row = fetch(session, Department, department_id, "科室")
        other = session.scalar(select(Department.id).where(Department.name == clean))
        if other is not None and other != row.id:
            raise ConflictError(f"科室“{clean}”已存在；如为重复科室，请使用合并")
        before = row.name
        row.name = clean
        session.flush()
        audit(session, actor, "rename", "department", row.id, {"name": before}, {"name": clean})
        return department_info(row)


def set_department_retired(
    db: Database, department_id: int, retired: bool, *, actor: str = DEFAULT_ACTOR
) -> DepartmentInfo:
    """Retire (停用) or reinstate; its officers and cases keep it."""
    require(db, Operation.settings)
    with db.write_session() as session:
        row = fetch(session, Department, department_id, "科室")
        _set_active(session, row, "department", f"科室“{row.name}”", retired, actor)
        return department_info(row)


def set_officer_retired(
    db: Database, officer_id: int, retired: bool, *, actor: str = DEFAULT_ACTOR
) -> OfficerInfo:
    """Retire (停用) or reinstate; retired officers leave the pickers but stay on old cases."""
    require(db, Operation.settings)
    with db.write_session() as session:
        row = fetch(session, Officer, officer_id, "执法人员")
        _set_active(session, row, "officer", f"执法人员“{row.name}”", retired, actor)
        return officer_info(row)


def _set_active(
    session: Session, row: Department | Officer, entity: str, what: str, retired: bool,
    actor: str,
) -> None:
    if row.active != retired:
        raise ConflictError(f"{what}{'已经停用' if retired else '未停用'}")
    row.active = not retired
    session.flush()
    audit(session, actor, "retire" if retired else "reinstate", entity, row.id,
          {"active": retired}, {"active": not retired})


def merge_departments(
    db: Database, keep_id: int, drop_id: int, *, actor: str = DEFAULT_ACTOR
) -> DepartmentInfo:
    """The dropped department's officers move to the kept one; the dropped one is removed."""
    require(db, Operation.settings)
    if keep_id == drop_id:
        raise ConflictError("不能把科室与其自身合并")
    with db.write_session() as session:
        keep = fetch(session, Department, keep_id, "科室")
        drop = fetch(session, Department, drop_id, "科室")
        moved = list(session.scalars(select(Officer.id).where(Officer.department_id == drop.id)))
        session.execute(
            update(Officer).where(Officer.department_id == drop.id).values(department_id=keep.id)
        )
        before = asdict(department_info(drop))
        session.delete(drop)
        session.flush()
        audit(session, actor, "merge", "department", keep.id, before,
              {"kept": keep.name, "officers_moved": moved})
        return department_info(keep)


def merge_officers(
    db: Database, keep_id: int, drop_id: int, *, actor: str = DEFAULT_ACTOR
) -> OfficerInfo:
    """Every case, petition and response of the dropped officer moves to the kept one; a badge
    or validity the kept record lacks is taken over; the dropped record is removed."""
    require(db, Operation.settings)
    if keep_id == drop_id:
        raise ConflictError("不能把执法人员与其自身合并")
    with db.write_session() as session:
        keep = fetch(session, Officer, keep_id, "执法人员")
        drop = fetch(session, Officer, drop_id, "执法人员")
        if keep.badge_number and drop.badge_number and keep.badge_number != drop.badge_number:
            raise ConflictError(
                f"两人的执法证号不同（{keep.badge_number}、{drop.badge_number}），不是同一人，不能合并"
            )
        before = asdict(officer_info(drop))
        cases = _move_case_links(session, keep.id, drop.id)
        petitions = _move_petition_links(session, keep.id, drop.id)
        _move_investigation_links(session, keep.id, drop.id)
        session.execute(update(PetitionResponse).where(PetitionResponse.officer_id == drop.id)
                        .values(officer_id=keep.id))
        badge, valid = drop.badge_number, drop.badge_valid_until
        session.delete(drop)
        session.flush()  # the badge is unique: free it before the kept record takes it
        if not keep.badge_number and badge:
            keep.badge_number, keep.badge_valid_until = badge, valid
        keep.ethnicity = keep.ethnicity or before["ethnicity"]
        keep.post = keep.post or before["post"]
        keep.department_id = keep.department_id or before["department_id"]
        session.flush()
        audit(session, actor, "merge", "officer", keep.id, before,
              {"kept": asdict(officer_info(keep)), "cases_moved": cases,
               "petitions_moved": petitions})
        return officer_info(keep)


def _move_case_links(session: Session, keep_id: int, drop_id: int) -> list[int]:
    links = list(session.scalars(select(CaseOfficer).where(CaseOfficer.officer_id == drop_id)))
    kept_cases = set(session.scalars(
        select(CaseOfficer.case_id).where(CaseOfficer.officer_id == keep_id)))
    moved = []
    for link in links:
        moved.append(link.case_id)
        if link.case_id in kept_cases:  # both were on the case: one person, one link
            session.delete(link)
        else:
            link.officer_id = keep_id
    session.flush()
    return moved


def _move_investigation_links(session: Session, keep_id: int, drop_id: int) -> None:
    """调查人员 too: one person, one place in each investigation."""
    links = session.scalars(
        select(InvestigationOfficer).where(InvestigationOfficer.officer_id == drop_id))
    for link in list(links):
        both = session.get(InvestigationOfficer, (link.investigation_id, keep_id))
        session.delete(link)
        session.flush()
        if both is None:
            session.add(InvestigationOfficer(investigation_id=link.investigation_id,
                                             officer_id=keep_id, position=link.position))
    session.flush()


def _move_petition_links(session: Session, keep_id: int, drop_id: int) -> list[int]:
    table = petition_officers
    of = table.c.officer_id
    dropped = list(session.scalars(select(table.c.petition_id).where(of == drop_id)))
    kept = set(session.scalars(select(table.c.petition_id).where(of == keep_id)))
    session.execute(delete(table).where(of == drop_id))
    for petition_id in dropped:
        if petition_id not in kept:
            session.execute(table.insert().values(petition_id=petition_id, officer_id=keep_id))
    return dropped
