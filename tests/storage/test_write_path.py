"""The one write path under load (on each engine): threads and processes writing one database
at once fail only
with explicit conflicts, lose nothing, and leave numbers gapless; the change listeners hear
what each operation changed; a stale form names who changed the case."""

from __future__ import annotations

from pathlib import Path

import pytest

from nanmu_desktop.services.case_conflicts import StaleEditError, compare_text
from nanmu_desktop.services.cases import get_case, update_case
from nanmu_desktop.storage.db import OpChanges, open_database

from .write_workload import case_input, prepare, run_mixed, verdict

SECONDS = 4.0


def test_threads_and_processes_write_mixed_operations_without_failures(
    new_location: Path | str,
) -> None:
    path = new_location
    tally = run_mixed(path, threads=8, processes=4, seconds=SECONDS)
    result = verdict(path, tally)
    assert result.failed == []
    assert result.lost == []
    assert result.check_problems == []
    assert tally.done["register"] >= 12  # every worker got through at least once
    assert tally.done["issue"] >= 1


def test_a_stale_form_names_who_changed_what_and_saves_nothing(new_location: Path | str) -> None:
    path = new_location
    officer_id, case_id = prepare(path)
    db = open_database(path)
    try:
        seen = get_case(db, case_id)
        update_case(db, case_id, case_input(officer_id, "乙先保存"), actor="乙",
                    expected_version=seen.version)
        with pytest.raises(StaleEditError, match="由 乙 修改（案情）") as caught:
            update_case(db, case_id, case_input(officer_id, "甲后保存"), actor="甲",
                        expected_version=seen.version)
        assert "乙先保存" in compare_text(caught.value)
        assert "乙先保存" in get_case(db, case_id).description
    finally:
        db.close()


def test_listeners_hear_what_each_operation_changed(new_location: Path | str) -> None:
    path = new_location
    officer_id, case_id = prepare(path)
    db = open_database(path)
    heard: list[OpChanges] = []
    db.add_change_listener(heard.append)
    try:
        update_case(db, case_id, case_input(officer_id, "改"))
    finally:
        db.close()
    assert [(c.entities, c.ids("case")) for c in heard] == [({"case"}, {str(case_id)})]
