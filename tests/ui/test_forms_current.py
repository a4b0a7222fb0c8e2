"""The compiled Designer forms in nanmu_desktop/ui/forms match forms/*.ui exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_form_has_a_compiled_module() -> None:
    forms = sorted(p.stem for p in (ROOT / "forms").glob("*.ui"))
    assert forms, "no Designer forms found"
    compiled = ROOT / "nanmu_desktop" / "ui" / "forms"
    missing = [f for f in forms if not (compiled / f"ui_{f}.py").is_file()]
    assert missing == []


def test_compiled_forms_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_forms.py"), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
