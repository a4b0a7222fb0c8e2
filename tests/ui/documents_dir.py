"""Point the user's documents folder (QStandardPaths, XDG user dirs) into a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest


def documents_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A not-yet-existing 文档 folder under `tmp_path`, as this test's documents folder."""
    config = tmp_path / "xdg-config"
    config.mkdir()
    folder = tmp_path / "文档"
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return folder
