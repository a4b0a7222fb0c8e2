"""Service fixtures: a real database file per test (copied from one migrated template),
officers and cases made through the services, and a way to count audit rows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from db_backends import create_database, drop_database, new_database_name
from sqlalchemy import func, select

from nanmu_desktop.services.case_types import CaseDetail, CaseInput
from nanmu_desktop.services.cases import register_case
from nanmu_desktop.services.officers import (
    OfficerInfo,
    OfficerInput,
    add_officer,
    ensure_default_departments,
)
from nanmu_desktop.storage.db import Database, open_database
from nanmu_desktop.storage.models import AuditEntry

J1_FACTS = {
    "art10": [4],
    "art10_conditions": {"not_prohibited": True, "no_major_loss": True, "remedied": True},
}


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("services-template") / "nanmu.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = new_database_name("services_template")
    open_database(create_database(name)).close()
    yield name
    drop_database(name)


def _copy(
    request: pytest.FixtureRequest, backend: str, template: str, pg_template: str, path: Path
) -> Iterator[Database]:
    """A database of one's own on `backend`, copied from a session template fixture."""
    if backend == "postgresql":
        name = new_database_name("services")
        database = open_database(create_database(name, request.getfixturevalue(pg_template)))
        yield database
        database.close()
        drop_database(name)
        return
    shutil.copyfile(request.getfixturevalue(template), path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Database]:
    yield from _copy(request, backend, "template_db", "pg_template", tmp_path / "nanmu.sqlite3")


@pytest.fixture
def officer(db: Database) -> OfficerInfo:
    departments = ensure_default_departments(db)
    return add_officer(
        db, OfficerInput("关永军", departments[1].id, "15-0783-00112", "鄂伦春族", "执法队员")
    )


def case_input(officer_ids: tuple[int, ...], **changes: object) -> CaseInput:
    values: dict[str, object] = {
        "source": "个人申请",
        "enforcement_type": "行政检查",
        "field": "林业和草原",
        "occurred_on": date(2026, 1, 14),
        "reported_on": date(2026, 1, 20),
        "description": "暴雪天气下查封木材堆放场，后查明许可有效，已当即解封并致歉。",
        "officer_ids": officer_ids,
    }
    values.update(changes)
    return CaseInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def case(db: Database, officer: OfficerInfo) -> CaseDetail:
    return register_case(db, case_input((officer.id,)))


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data set, filled once through the services."""
    from nanmu_desktop.services.demo import fill_demo

    path = tmp_path_factory.mktemp("services-demo") / "demo.sqlite3"
    db = open_database(path)
    fill_demo(db)
    db.close()
    return path


@pytest.fixture(scope="session")
def pg_demo_file() -> Iterator[str]:
    from nanmu_desktop.services.demo import fill_demo

    name = new_database_name("services_demo")
    db = open_database(create_database(name))
    fill_demo(db)
    db.close()
    yield name
    drop_database(name)


@pytest.fixture
def demo(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo database of one's own (tests may write)."""
    yield from _copy(request, backend, "demo_file", "pg_demo_file", tmp_path / "demo.sqlite3")


def audit_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def audit_actions(db: Database, entity: str) -> list[str]:
    with db.session() as session:
        query = select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return list(session.scalars(query))


@pytest.fixture
def empty_server_db() -> Iterator[str]:
    """The URL of a new, empty database on the test server (skipped without one)."""
    name = new_database_name("empty")
    yield create_database(name)
    drop_database(name)
