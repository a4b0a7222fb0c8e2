"""Where files the clerk saves go by default: the documents folder, never the home folder."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not allowed in a Windows file name


def documents_folder() -> Path:
    """The user's documents folder (文档 / Documents), made if missing (a file dialog would
    fall back to the working folder); home only when the system names none or it cannot be
    made."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not location:
        return Path.home()
    folder = Path(location)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def suggested_path(name: str) -> Path:
    """`name` (e.g. a document's title plus suffix) in the documents folder, made safe."""
    return documents_folder() / _UNSAFE.sub("_", name).strip()
