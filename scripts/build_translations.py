"""Compile our Qt translations (resources/translations/*.ts) to .qm with pyside6-lrelease.

    .venv/bin/python scripts/build_translations.py          # (re)write every .qm
    .venv/bin/python scripts/build_translations.py --check  # exit 1 naming stale .qm files

They hold the few strings of Qt's own dialogs that Qt's zh_CN translation lacks; the .qm files
are committed (the app and the bundle load them) and tests/ui/test_qt_dialogs_chinese.py runs
`--check`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease_executable() -> str:
    """pyside6-lrelease beside this interpreter (the project venv), else on PATH."""
    bin_dir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (bin_dir / name).is_file():
            return str(bin_dir / name)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("找不到 pyside6-lrelease：请先安装 PySide6（scripts/bootstrap.sh）。")
    return found


def compile_ts(lrelease: str, ts_file: Path, qm_file: Path) -> None:
    subprocess.run([lrelease, "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="编译 Qt 翻译文件")
    parser.add_argument("--check", action="store_true", help="只检查 .qm 是否为最新")
    args = parser.parse_args()
    lrelease = lrelease_executable()
    stale: list[str] = []
    for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
        qm_file = ts_file.with_suffix(".qm")
        if not args.check:
            compile_ts(lrelease, ts_file, qm_file)
            continue
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / qm_file.name
            compile_ts(lrelease, ts_file, fresh)
            if not qm_file.is_file() or fresh.read_bytes() != qm_file.read_bytes():
                stale.append(qm_file.name)
    if stale:
        print("需要重新编译：" + "、".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
