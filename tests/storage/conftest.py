"""Storage fixtures: a real database file per test, and small builders of realistic rows."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from db_backends import create_database, drop_database, new_database_name, raw_execute

from nanmu_desktop.storage import Database, open_database
from nanmu_desktop.storage.models import Case, CaseOfficer, Department, Officer


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "nanmu.sqlite3"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database upgraded to head; tests get copies (migrating each time is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "nanmu.sqlite3"
    open_database(path).close()
    # Storage tests build their own rows: start without the starter departments (0004_people).
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM departments")
    con.close()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The same on the PostgreSQL server: a database at head, without departments."""
    name = new_database_name("storage_template")
    database = open_database(create_database(name))
    raw_execute(database, "DELETE FROM departments")
    database.close()
    yield name
    drop_database(name)


@pytest.fixture
def new_location(backend: str, tmp_path: Path) -> Iterator[Path | str]:
    """Where a new, empty database goes on each backend: a file path, or a server URL."""
    if backend == "postgresql":
        name = new_database_name("new")
        yield create_database(name)
        drop_database(name)
        return
    yield tmp_path / "office.sqlite3"


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, db_path: Path) -> Iterator[Database]:
    """A fresh database at head on each backend (SQLite: a file copied from the template)."""
    if backend == "postgresql":
        name = new_database_name("storage")
        database = open_database(create_database(name, request.getfixturevalue("pg_template")))
        yield database
        database.close()
        drop_database(name)
        return
    db_path.parent.mkdir(parents=True)
    shutil.copyfile(request.getfixturevalue("migrated_template"), db_path)
    database = open_database(db_path)
    yield database
    database.close()


def make_case(
    number: str,
    description: str,
    *,
    officers: tuple[Officer, ...] = (),
    reported_on: date = date(2026, 3, 10),
    status: str = "registered",
    outcome: str | None = None,
    source: str = "个人申请",
    field: str = "林业和草原",
) -> Case:
    case = Case(
        number=number,
        source=source,
        enforcement_type="行政检查",
        field=field,
        occurred_on=reported_on,
        reported_on=reported_on,
        title=f"{field}执法案件",
        description=description,
        status=status,
        outcome=outcome,
    )
    case.officer_links = [
        CaseOfficer(officer=officer, role="party", position=i) for i, officer in enumerate(officers)
    ]
    return case


def make_officer(name: str, department: Department, badge: str | None = None) -> Officer:
    return Officer(name=name, department=department, badge_number=badge, post="执法队员")
