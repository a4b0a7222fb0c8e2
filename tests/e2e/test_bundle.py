"""The frozen one-folder bundle (PyInstaller) works without the source tree: demo data, a
notice rendered to PDF, screenshots offscreen, Qt kept out of the CLI's way.

Uses the bundle at dist/nanmu-desktop/ (or NANMU_BUNDLE_DIR) when one exists; otherwise builds
one with PyInstaller into a temporary folder first (about a minute), so the test run of CI
checks the installer build too. NANMU_SKIP_BUNDLE=1 skips these tests on a quick local run.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pdfplumber
import pytest

EXE_NAME = "nanmu-desktop-cli.exe" if os.name == "nt" else "nanmu-desktop-cli"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("NANMU_SKIP_BUNDLE") == "1", reason="NANMU_SKIP_BUNDLE=1"),
]


def _run(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Run from an empty folder with no PYTHONPATH: nothing of the checkout can leak in.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(bundle / EXE_NAME), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          check=False)


def test_bundle_renders_a_notice_and_takes_screenshots(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "bundle.sqlite3"
    demo = _run(bundle, "--db", str(db), "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr

    cases = json.loads(_run(bundle, "--db", str(db), "cases", "--json", cwd=tmp_path).stdout)
    decided = next(c for c in cases if c["number"] == "RC-2026-001")
    pdf_path = tmp_path / "决定书.pdf"
    notice = _run(bundle, "--db", str(db), "notice", "--case", decided["number"], "--kind",
                  "exemption-decision", "-o", str(pdf_path), cwd=tmp_path)
    assert notice.returncode == 0, notice.stderr
    with pdfplumber.open(pdf_path) as pdf:
        text = pdf.pages[0].extract_text()
        fonts = {char["fontname"] for char in pdf.pages[0].chars}
    assert "人民政府文件" in text and "容错免责" in text
    assert all("+" in name for name in fonts)  # bundled fonts embedded as subsets

    shots = tmp_path / "shots"
    taken = _run(bundle, "screenshots", "--db", str(db), "-o", str(shots), cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    assert {"main-cases", "main-documents", "notice-preview"} <= {p.stem for p in
                                                                   shots.glob("*.png")}


def test_bundle_reports_bad_input_in_chinese(bundle: Path, tmp_path: Path) -> None:
    not_sqlite = tmp_path / "坏.sqlite3"
    not_sqlite.write_text("not a database", encoding="utf-8")
    result = _run(bundle, "--db", str(not_sqlite), "cases", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_bundle_leaves_out_unused_qt(bundle: Path) -> None:
    names = {p.name for p in bundle.rglob("*")}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "Qt6Quick.dll", "Qt6Qml.dll",
                     "libqgtk3.so", "libqtvirtualkeyboardplugin.so", "libQt6WebEngineCore.so.6"):
        assert unwanted not in names
    assert any(n.startswith(("libQt6Pdf", "Qt6Pdf")) for n in names)
    assert (bundle / "_internal" / "resources" / "fonts").is_dir()
    assert (bundle / "_internal" / "resources" / "icons" / "nanmu-256.png").is_file()
    # Pillow's core only: no AVIF/WebP/colour-management/FreeType codecs
    assert not any(n.startswith(("_avif.", "_webp.", "_imagingcms.", "_imagingft.")) for n in names)
    assert not any(n.startswith(("libavif", "libwebp", "liblcms2")) for n in names)
    assert not any(n.startswith(("libqwayland", "libQt6WaylandClient", "libqtiff")) for n in names)


@pytest.mark.skipif(os.name == "nt", reason="on Windows the CLI is a small console launcher")
def test_both_names_run_one_program(bundle: Path) -> None:
    # One archive in the folder: the CLI name is a symlink to the desktop executable.
    cli = bundle / "nanmu-desktop-cli"
    assert cli.is_symlink() and cli.resolve() == (bundle / "nanmu-desktop").resolve()
    assert any(bundle.rglob("migrations/versions/*.py"))
