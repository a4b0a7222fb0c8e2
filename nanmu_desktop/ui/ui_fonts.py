"""A Chinese UI font everywhere: on a bare Linux (no CJK font installed) the bundled one is used."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication


def system_has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def bundled_ui_font_family() -> str | None:
    """Register the bundled 黑体-role font with Qt; its family name, or None if unusable."""
    # Imported here: documents.fonts pulls in reportlab, which start-up need not pay for
    # on machines that already have a Chinese font.
    from nanmu_desktop.documents.fonts import BUNDLED, FontRole, fonts_dir

    path = fonts_dir() / BUNDLED[FontRole.HEITI][0]
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def ensure_chinese_font(app: QApplication) -> str | None:
    """Make Chinese render: keep the system font when it covers Chinese, else use the bundled one.

    Returns the family set as the application font, or None when the system one is kept
    (or the bundled file is missing, in which case Qt's own fallback is all there is).
    """
    if system_has_chinese_font():
        return None
    family = bundled_ui_font_family()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family])
    app.setFont(font)
    return family
