"""Automatic backups: one a day when due, one on each exit, the oldest dropped beyond the
retention count; each a complete database that restores."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from nanmu_desktop.services.auto_backup import (
    auto_backup,
    automatic_backups,
    daily_due,
    default_folder,
)
from nanmu_desktop.services.case_types import CaseDetail
from nanmu_desktop.storage.db import Database


@pytest.mark.sqlite_only  # a server database is backed up with pg_dump (README)
def test_daily_when_due_and_the_oldest_dropped_beyond_the_count(
    db: Database, case: CaseDetail
) -> None:
    folder = default_folder(db.path)
    start = datetime(2026, 11, 2, 9, 0)
    assert daily_due(folder, start)
    for day in range(5):
        moment = start + timedelta(days=day)
        assert auto_backup(db, folder, keep=3, now=moment, only_if_due=True) is not None
        assert auto_backup(db, folder, keep=3, now=moment, only_if_due=True) is None  # not due
    kept = automatic_backups(folder)
    assert [p.name[-23:-15] for p in kept] == ["20261104", "20261105", "20261106"]
    on_exit = auto_backup(db, folder, keep=3, now=start + timedelta(days=4, hours=8))
    assert on_exit is not None and len(automatic_backups(folder)) == 3
    with sqlite3.connect(on_exit.path) as copy:
        assert copy.execute("SELECT number FROM cases").fetchone() == (case.number,)
