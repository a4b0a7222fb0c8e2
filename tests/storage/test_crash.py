"""kill -9 during every kind of write (a short run; bench/crash_trials.py runs ≥ 200): no
committed write is lost, no number is taken without its document, `check` passes."""

from __future__ import annotations

from pathlib import Path

from .crash_trials import run_trials

TRIALS = 8


def test_kill_9_loses_no_committed_write_and_takes_no_number_without_a_document(
    tmp_path: Path,
) -> None:
    report = run_trials(tmp_path, TRIALS)
    assert report.trials == TRIALS
    assert report.lost == []
    assert report.orphan_numbers == []
    assert report.check_problems == []
