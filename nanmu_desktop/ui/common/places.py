"""Where files the clerk saves go by default: the documents folder, never the home folder."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not allowed in a Windows file name


def documents_folder() -> Path:
    """The user's documents folder (文档 / Documents); home only when the system has none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def suggested_path(name: str) -> Path:
    """`name` (e.g. a document's title plus suffix) in the documents folder, made safe."""
    return documents_folder() / _UNSAFE.sub("_", name).strip()
