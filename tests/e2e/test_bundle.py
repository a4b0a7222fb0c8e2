"""The frozen one-folder bundle (PyInstaller) works without the source tree: demo data, a
notice rendered to PDF, screenshots offscreen, Qt kept out of the CLI's way.

Runs only when a bundle exists at dist/nanmu-desktop/ or NANMU_BUNDLE_TEST=1 (then a missing
bundle fails). Build it with `bash scripts/build_bundle.sh`.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("NANMU_BUNDLE_DIR", ROOT / "dist" / "nanmu-desktop"))
CLI = BUNDLE / ("nanmu-desktop-cli.exe" if os.name == "nt" else "nanmu-desktop-cli")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CLI.exists() and os.environ.get("NANMU_BUNDLE_TEST") != "1",
        reason="no bundle built (bash scripts/build_bundle.sh) and NANMU_BUNDLE_TEST unset",
    ),
]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Run from an empty folder with no PYTHONPATH: nothing of the checkout can leak in.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(CLI), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, check=False)


def test_bundle_renders_a_notice_and_takes_screenshots(tmp_path: Path) -> None:
    assert CLI.exists(), f"no bundle at {BUNDLE}"
    db = tmp_path / "bundle.sqlite3"
    demo = _run("--db", str(db), "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr

    cases = json.loads(_run("--db", str(db), "cases", "--json", cwd=tmp_path).stdout)
    decided = next(c for c in cases if c["number"] == "RC-2026-001")
    pdf_path = tmp_path / "决定书.pdf"
    notice = _run("--db", str(db), "notice", "--case", decided["number"], "--kind",
                  "exemption-decision", "-o", str(pdf_path), cwd=tmp_path)
    assert notice.returncode == 0, notice.stderr
    with pdfplumber.open(pdf_path) as pdf:
        text = pdf.pages[0].extract_text()
        fonts = {char["fontname"] for char in pdf.pages[0].chars}
    assert "人民政府文件" in text and "容错免责" in text
    assert all("+" in name for name in fonts)  # bundled fonts embedded as subsets

    shots = tmp_path / "shots"
    taken = _run("screenshots", "--db", str(db), "-o", str(shots), cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    assert {"main-cases", "main-documents", "notice-preview"} <= {p.stem for p in
                                                                   shots.glob("*.png")}


def test_bundle_reports_bad_input_in_chinese(tmp_path: Path) -> None:
    not_sqlite = tmp_path / "坏.sqlite3"
    not_sqlite.write_text("not a database", encoding="utf-8")
    result = _run("--db", str(not_sqlite), "cases", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_bundle_leaves_out_unused_qt(tmp_path: Path) -> None:
    names = {p.name for p in BUNDLE.rglob("*")}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "Qt6Quick.dll", "Qt6Qml.dll",
                     "libqgtk3.so", "libqtvirtualkeyboardplugin.so", "libQt6WebEngineCore.so.6"):
        assert unwanted not in names
    assert any(n.startswith(("libQt6Pdf", "Qt6Pdf")) for n in names)
    assert (BUNDLE / "_internal" / "resources" / "fonts").is_dir()
    assert any(BUNDLE.rglob("migrations/versions/*.py"))
