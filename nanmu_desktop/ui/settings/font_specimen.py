"""A specimen of a font file as Qt draws it: the fonts page shows what each role will print."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from nanmu_desktop.documents.fonts import FontRole

SPECIMEN_TEXT = (
    "关于对张某某同志予以容错免责的决定\n〔2026〕1号　第十条第一款第（四）项　0123456789"
)
SPECIMEN_POINT_SIZE = 16


def specimen_text(role: FontRole, mongolian_name: str) -> str:
    if role == FontRole.MONGOLIAN:
        return mongolian_name or "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ"  # "Mongolian script": no township's name
    return SPECIMEN_TEXT


@cache
def _family(path: str) -> str | None:
    font_id = QFontDatabase.addApplicationFont(path)
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def specimen_font(path: Path, point_size: int = SPECIMEN_POINT_SIZE) -> QFont | None:
    """A QFont of the file at `path` (loaded once per file); None when Qt cannot read it."""
    family = _family(str(path))
    if family is None:
        return None
    font = QFont(family)
    font.setPointSize(point_size)
    return font
