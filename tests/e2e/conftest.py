"""The frozen Linux bundle, built once per test run for the bundle and installer tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "nanmu-desktop-cli.exe" if os.name == "nt" else "nanmu-desktop-cli"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle folder: an existing build, else a fresh one from build_installer.spec."""
    existing = Path(os.environ.get("NANMU_BUNDLE_DIR", ROOT / "dist" / "nanmu-desktop"))
    if (existing / EXE_NAME).exists():
        return existing
    out = tmp_path_factory.mktemp("bundle")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
         str(ROOT / "build_installer.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    return out / "dist" / "nanmu-desktop"
