"""Compile Designer forms (forms/*.ui) to nanmu_desktop/ui/forms/ui_<name>.py with pyside6-uic.

    .venv/bin/python scripts/compile_forms.py          # (re)write every compiled form
    .venv/bin/python scripts/compile_forms.py --check  # exit 1 naming forms that are stale

Forms are compiled ahead of time (never loadUiType at run time) and the output is committed;
tests/ui/test_forms_current.py runs `--check`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
OUT_DIR = ROOT / "nanmu_desktop" / "ui" / "forms"


def uic_executable() -> str:
    """pyside6-uic beside this interpreter (the project venv), else on PATH."""
    bin_dir = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (bin_dir / name).is_file():
            return str(bin_dir / name)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("找不到 pyside6-uic：请先安装 PySide6（scripts/bootstrap.sh）。")
    return found


def compiled_path(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def compile_form(uic: str, ui_file: Path) -> str:
    result = subprocess.run(
        [uic, "--generator", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale compiled forms")
    args = parser.parse_args(argv)
    uic = uic_executable()
    stale: list[str] = []
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        code = compile_form(uic, ui_file)
        target = compiled_path(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == code:
            continue
        if args.check:
            stale.append(f"{ui_file.relative_to(ROOT)} → {target.relative_to(ROOT)}")
        else:
            target.write_text(code, encoding="utf-8")
            print(f"compiled {target.relative_to(ROOT)}")
    orphans = sorted(
        p for p in OUT_DIR.glob("ui_*.py") if not (FORMS_DIR / f"{p.stem[3:]}.ui").exists()
    )
    for orphan in orphans:
        stale.append(f"{orphan.relative_to(ROOT)} has no forms/{orphan.stem[3:]}.ui")
    if stale:
        print("stale compiled forms:\n  " + "\n  ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
