"""Importing cases with their officers and facts from the JSON of docs/import-format.md.

Everything is checked before anything is written: every problem comes back at once with its
path (`cases[1].officers[0].badge_number`), and then all cases go in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import Problem, ValidationError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.cases import check_case_fields, insert_case
from nanmu_desktop.services.common import DEFAULT_ACTOR, parse_yuan
from nanmu_desktop.services.determinations import insert_proposal
from nanmu_desktop.services.officers import OfficerInput, check_officer_input, insert_officer
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.backends import backend_of
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Department, Officer
from nanmu_desktop.storage.search_index import FTS_TABLE

_CASE_KEYS = {
    "source",
    "enforcement_type",
    "field",
    "occurred_on",
    "reported_on",
    "title",
    "description",
    "loss",
    "loss_amount",
    "impact",
    "remedial_actions",
    "officers",
    "facts",
}
# What an import fills, re-analysed after it so the case list plans for the new rows.
_IMPORTED_TABLES = ("cases", "case_officers", "officers", FTS_TABLE)
_OFFICER_KEYS = {"name", "badge_number", "department", "ethnicity", "post"}
_TEXT_KEYS = ("title", "description", "loss", "impact", "remedial_actions")


@dataclass(frozen=True)
class ImportResult:
    case_ids: tuple[int, ...]
    case_numbers: tuple[str, ...]
    officers_created: int
    proposals: int


@dataclass(frozen=True)
class _PlannedCase:
    data: CaseInput
    officers: tuple[OfficerInput, ...]
    facts: Facts | None


def import_cases(db: Database, document: object, *, actor: str = DEFAULT_ACTOR) -> ImportResult:
    """Validate the whole document, then register every case (and its proposal) at once."""
    require(db, Operation.register)
    with db.write_session() as session:
        planned = _plan(session, document)
        result = _write(session, planned, actor)
        session.flush()
        backend_of(session).refresh_statistics(session.connection(), _IMPORTED_TABLES)
        return result


def _plan(session: Session, document: object) -> list[_PlannedCase]:
    problems = Problems()
    if not isinstance(document, Mapping) or not isinstance(document.get("cases"), list):
        raise ValidationError([Problem("cases", '文件应为 {"cases": [...]} 形式的 JSON 对象')])
    for key in document:
        if key != "cases":
            problems.add(str(key), "未知字段")
    if not document["cases"]:
        problems.add("cases", "没有任何案件")
    departments = {d.name: d.id for d in session.scalars(select(Department))}
    badges_seen: dict[str, tuple[str, str]] = {}
    planned = []
    for i, entry in enumerate(document["cases"]):
        path = f"cases[{i}]"
        if not isinstance(entry, Mapping):
            problems.add(path, "应为对象")
            continue
        planned.append(_plan_case(session, entry, path, departments, badges_seen, problems))
    problems.raise_if_any()
    return planned


def _plan_case(
    session: Session,
    entry: Mapping[str, Any],
    path: str,
    departments: dict[str, int],
    badges_seen: dict[str, tuple[str, str]],
    problems: Problems,
) -> _PlannedCase:
    for key in entry:
        if key not in _CASE_KEYS:
            problems.add(f"{path}.{key}", "未知字段")
    texts = {k: _string(entry.get(k, ""), f"{path}.{k}", problems) for k in _TEXT_KEYS}
    amount = None
    if entry.get("loss_amount") is not None:
        amount = parse_yuan(entry["loss_amount"])
        if amount is None or isinstance(entry["loss_amount"], str):
            problems.add(f"{path}.loss_amount", "应为数字（单位：元）")
            amount = None
    officer_inputs = _plan_officers(entry.get("officers"), path, departments, badges_seen, problems)
    facts = None
    if entry.get("facts") is not None:
        try:
            facts = Facts.from_dict(entry["facts"])
        except ValidationError as err:
            problems.extend(err.problems, prefix=f"{path}.facts")
    data = CaseInput(
        source=_string(entry.get("source"), f"{path}.source", problems),
        enforcement_type=_string(
            entry.get("enforcement_type"), f"{path}.enforcement_type", problems
        ),
        field=_string(entry.get("field"), f"{path}.field", problems),
        occurred_on=problems.day(entry.get("occurred_on"), f"{path}.occurred_on"),
        reported_on=problems.day(entry.get("reported_on"), f"{path}.reported_on"),
        description=texts["description"],
        officer_ids=(),
        title=texts["title"],
        loss_text=texts["loss"],
        loss_amount=amount,
        impact=texts["impact"],
        remedial_actions=texts["remedial_actions"],
    )
    check_case_fields(data, f"{path}.", problems)
    return _PlannedCase(data, officer_inputs, facts)


def _plan_officers(
    value: object,
    path: str,
    departments: dict[str, int],
    badges_seen: dict[str, tuple[str, str]],
    problems: Problems,
) -> tuple[OfficerInput, ...]:
    if not isinstance(value, list) or not value:
        problems.add(f"{path}.officers", "至少列出一名执法人员")
        return ()
    found = []
    for j, entry in enumerate(value):
        opath = f"{path}.officers[{j}]"
        if not isinstance(entry, Mapping):
            problems.add(opath, "应为对象")
            continue
        for key in entry:
            if key not in _OFFICER_KEYS:
                problems.add(f"{opath}.{key}", "未知字段")
        fields = {k: _string(entry.get(k, ""), f"{opath}.{k}", problems) for k in _OFFICER_KEYS}
        department_id = None
        if fields["department"]:
            department_id = departments.get(fields["department"])
            if department_id is None:
                names = "、".join(departments) or "（尚未设置科室）"
                problems.add(
                    f"{opath}.department", f"科室“{fields['department']}”不存在，可选：{names}"
                )
        officer = OfficerInput(
            name=fields["name"],
            department_id=department_id,
            badge_number=fields["badge_number"] or None,
            ethnicity=fields["ethnicity"] or None,
            post=fields["post"],
        )
        check_officer_input(officer, f"{opath}.", problems)
        badge = fields["badge_number"]
        if badge:
            seen = badges_seen.setdefault(badge, (fields["name"], opath))
            if seen[0] != fields["name"]:
                problems.add(
                    f"{opath}.badge_number", f"执法证号 {badge} 在 {seen[1]} 中属于“{seen[0]}”"
                )
        found.append(officer)
    return tuple(found)


def _write(session: Session, planned: list[_PlannedCase], actor: str) -> ImportResult:
    created = 0
    problems = Problems()
    rows = []
    for i, plan in enumerate(planned):
        officer_ids = []
        for j, officer in enumerate(plan.officers):
            existing = _existing_officer(session, officer)
            if existing is not None and existing.name != officer.name.strip():
                problems.add(
                    f"cases[{i}].officers[{j}].badge_number",
                    f"执法证号 {officer.badge_number} 已登记给“{existing.name}”",
                )
                continue
            if existing is None:
                existing = insert_officer(
                    session, officer, actor, field_prefix=f"cases[{i}].officers[{j}]."
                )
                created += 1
            officer_ids.append(existing.id)
        problems.raise_if_any()
        data = replace(plan.data, officer_ids=tuple(officer_ids))
        case = insert_case(session, data, actor, prefix=f"cases[{i}].")
        if plan.facts is not None:
            insert_proposal(session, case, plan.facts, actor)
        rows.append(case)
    return ImportResult(
        case_ids=tuple(c.id for c in rows),
        case_numbers=tuple(c.number for c in rows),
        officers_created=created,
        proposals=sum(1 for p in planned if p.facts is not None),
    )


def _existing_officer(session: Session, officer: OfficerInput) -> Officer | None:
    if officer.badge_number:
        return session.scalar(select(Officer).where(Officer.badge_number == officer.badge_number))
    return session.scalar(
        select(Officer)
        .where(Officer.name == officer.name.strip(), Officer.department_id == officer.department_id)
        .limit(1)
    )


def _string(value: object, field: str, problems: Problems) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.add(field, "应为文字")
        return ""
    return value.strip()
