"""待办's start-up reader (plain sqlite3) gives what the ORM path gives, from one definition."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from nanmu_desktop.domain.roles import Role
from nanmu_desktop.services.due import list_due
from nanmu_desktop.services.due_light import list_due_light
from nanmu_desktop.services.due_queries import GENERATED, generated_module
from nanmu_desktop.services.users import add_user
from nanmu_desktop.storage.db import Database


def _sqlite(db: Database) -> Path:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the start-up reader reads SQLite files only")
    return db.path


def test_generated_sql_is_what_the_statements_compile_to() -> None:
    assert GENERATED.read_text(encoding="utf-8") == generated_module()


def test_light_reader_equals_the_orm_path(demo: Database) -> None:
    path = _sqlite(demo)
    items = list_due(demo, date.today(), include_later=True)
    kinds = {i.obligation.step for i in items}
    assert len(kinds) >= 3  # the demo has notices, orders, documents, petitions due
    for shift in (-400, -30, 0, 3, 30, 400):
        today = date.today() + timedelta(days=shift)
        for later in (False, True):
            assert list_due_light(path, today, include_later=later) == list_due(
                demo, today, include_later=later
            )


def test_light_reader_loads_no_sqlalchemy(demo: Database) -> None:
    path = _sqlite(demo)
    code = (
        "import sys, datetime\n"
        "from pathlib import Path\n"
        "from nanmu_desktop.services.due_light import list_due_light\n"
        f"assert list_due_light(Path({str(path)!r}), datetime.date.today()) is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_old_foreign_or_missing_file_falls_back(demo: Database, tmp_path: Path) -> None:
    path = _sqlite(demo)
    assert list_due_light(tmp_path / "missing.sqlite3", date.today()) is None
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).close()
    assert list_due_light(other, date.today()) is None  # no alembic_version: not ours
    demo.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    assert list_due_light(path, date.today()) is None


def test_start_page_first_only_without_login_or_wizard(demo: Database, tmp_path: Path) -> None:
    from nanmu_desktop.services.due_light import opens_without_dialogs

    path = _sqlite(demo)
    assert opens_without_dialogs(path)  # the demo: set up, no users
    assert not opens_without_dialogs(tmp_path / "missing.sqlite3")
    add_user(demo, "王管理", frozenset({Role.admin}), "Nanmu-2024-pass")
    assert not opens_without_dialogs(path)  # the login comes before any data is shown
    with demo.write_session() as session:
        session.execute(text("DELETE FROM users"))
    assert opens_without_dialogs(path)
    demo.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE township_profile SET first_run_done = 0")
    assert not opens_without_dialogs(path)
