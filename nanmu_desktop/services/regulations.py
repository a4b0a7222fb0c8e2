"""Regulation versions as the office holds them: the bundled files and the copies kept in the
database (a version once used is stored, so old cases stay printable without its file).

The version for a case is the one in force on its reference date (the conduct date unless the
clerk set another); a determination keeps its version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.regulation import Regulation
from nanmu_desktop.domain.regulation_loader import (
    available_versions,
    in_force,
    load_regulation,
    load_regulation_text,
    regulations_dir,
)
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.rulebook import PARAMETER_LABELS
from nanmu_desktop.errors import ConflictError, NotFoundError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case, Determination, RegulationVersion


@dataclass(frozen=True)
class VersionInfo:
    version: str
    title: str
    number: str
    issue_date: date
    effective_date: date
    source: str  # 内置文件 / 数据库 / 内置文件和数据库
    cases: int  # determinations made under it
    usable: bool  # its rulebook fits: determinations allowed
    problems: tuple[str, ...]
    parameters: tuple[tuple[str, str], ...]  # (label, "7（自2024-10-29）")


def reference_date(case: Case) -> date:
    """The date that selects the version in force: the conduct date unless set otherwise."""
    return case.reference_date or case.occurred_on


def version_in_force(session: Session, on: date) -> Regulation:
    return in_force(_all_versions(session).values(), on)


def load_version(session: Session, version: str) -> Regulation:
    """A version by id: the copy kept in the database first (what old cases were decided
    under), else the bundled file."""
    row = session.get(RegulationVersion, version)
    if row is not None:
        return _from_row(row)
    return load_regulation(version)


def case_regulation(session: Session, case: Case) -> Regulation:
    """The version a case is handled under: its determination's, else the one in force."""
    version = session.scalar(
        select(Determination.regulation_version)
        .where(Determination.case_id == case.id)
        .order_by(Determination.id.desc())
        .limit(1)
    )
    if version is not None:
        return load_version(session, version)
    return version_in_force(session, reference_date(case))


def get_version_in_force(db: Database, on: date) -> Regulation:
    with db.session() as session:
        return version_in_force(session, on)


def get_version(db: Database, version: str) -> Regulation:
    with db.session() as session:
        return load_version(session, version)


def add_version(db: Database, text: str, source: Path, *, actor: str = DEFAULT_ACTOR) -> Regulation:
    """Keep a version given as its JSON text (checked as a file would be), audited."""
    require(db, Operation.settings)
    regulation = load_regulation_text(text, source)
    with db.write_session() as session:
        if regulation.version in _all_versions(session):
            raise ConflictError(f"规定版本“{regulation.version}”已存在")
        session.add(RegulationVersion(
            version=regulation.version, content=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        ))
        audit(session, actor, "add", "regulation_version", regulation.version, None,
              {"title": regulation.title, "number": regulation.number,
               "effective_date": regulation.effective_date})
    return regulation


def keep_version(session: Session, regulation: Regulation) -> None:
    """Store the version's text in the database the first time a case uses it."""
    if session.get(RegulationVersion, regulation.version) is not None:
        return
    text = (regulations_dir() / f"{regulation.version}.json").read_text(encoding="utf-8")
    session.add(RegulationVersion(
        version=regulation.version, content=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    ))
    session.flush()


def list_versions(db: Database) -> list[VersionInfo]:
    with db.session() as session:
        stored = set(session.scalars(select(RegulationVersion.version)))
        used: dict[str, int] = {
            version: count for version, count in session.execute(
                select(Determination.regulation_version, func.count()).group_by(
                    Determination.regulation_version)
            )
        }
        bundled = set(available_versions())
        out = []
        for version, regulation in sorted(
            _all_versions(session).items(), key=lambda kv: kv[1].effective_date
        ):
            places = (("内置文件", version in bundled), ("数据库", version in stored))
            source = "、".join(name for name, holds in places if holds)
            out.append(VersionInfo(
                version=version, title=regulation.title, number=regulation.number,
                issue_date=regulation.issue_date, effective_date=regulation.effective_date,
                source=source, cases=used.get(version, 0), usable=regulation.rulebook is not None,
                problems=regulation.structure_problems, parameters=_parameters(regulation),
            ))
        return out


def _parameters(regulation: Regulation) -> tuple[tuple[str, str], ...]:
    if regulation.rulebook is None:
        return ()
    return tuple(
        (PARAMETER_LABELS[name], "；".join(
            f"{v.value}（自{v.start.isoformat()}）" for v in parameter.values))
        for name, parameter in regulation.rulebook.parameters.items()
    )


def _all_versions(session: Session) -> dict[str, Regulation]:
    versions = {v: load_regulation(v) for v in available_versions()}
    for row in session.scalars(select(RegulationVersion)):
        versions[row.version] = _from_row(row)
    if not versions:
        raise NotFoundError("未找到任何规定版本")
    return versions


def _from_row(row: RegulationVersion) -> Regulation:
    return _parse_stored(row.version, row.sha256, row.content)


@lru_cache(maxsize=16)
def _parse_stored(version: str, sha256: str, content: str) -> Regulation:
    # Keyed by the digest too: a database holds each version's text once, never edited.
    return load_regulation_text(content, Path(f"{version}.json"))
