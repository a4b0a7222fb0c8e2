"""`nanmu-desktop screenshots`: the real window, as a separate process, writes PNGs and exits 0."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "nanmu_desktop", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=180, check=False)


@pytest.mark.slow
def test_screenshots_of_every_page(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert _cli("--db", str(db), "demo").returncode == 0
    before = db.read_bytes()
    out = tmp_path / "shots"
    result = _cli("screenshots", "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "propagateSizeHints" not in result.stderr
    names = {p.stem for p in out.glob("*.png")}
    for page in ("main-due", "main-cases", "main-wizard", "main-articles", "main-documents",
                 "main-settings", "case-documents", "notice-preview", "first-run-01",
                 "first-run-06", "wizard-01", "settings-people", "settings-versions",
                 "statistics-charts", "investigation", "tracking-notices"):
        assert page in names
    assert _png_size(out / "main-cases.png") == (1366, 768)
    assert _png_size(out / "main-due.png") == (1366, 768)
    assert _png_size(out / "case-documents.png") == (1366, 768)
    assert _png_size(out / "tracking-notices.png") == (1366, 768)
    assert _png_size(out / "notice-preview.png") == (1366, 768)
    assert _png_size(out / "statistics-charts.png") == (1366, 768)
    assert f"共保存 {len(names)} 张截图" in result.stdout
    assert db.read_bytes() == before  # nothing written


def test_missing_database_is_one_chinese_line(tmp_path: Path) -> None:
    result = _cli("screenshots", "--db", str(tmp_path / "无.sqlite3"), "-o", str(tmp_path))
    assert result.returncode == 2
    assert "找不到数据库文件" in result.stderr and "Traceback" not in result.stderr
