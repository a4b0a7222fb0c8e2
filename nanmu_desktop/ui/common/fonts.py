"""A proper Simplified-Chinese UI font everywhere.

A machine may have some CJK font that is wrong for us: Droid Sans Fallback, for one, draws
、，（ centred as in Traditional Chinese or Japanese. So the UI uses a known Simplified-Chinese
UI family when the system has one (Microsoft YaHei on Chinese Windows), else the bundled one.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from nanmu_desktop.documents.font_roles import BUNDLED, FontRole, fonts_dir

# Simplified-Chinese UI families, in order of preference.
SYSTEM_UI_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "HarmonyOS Sans SC",
    "WenQuanYi Micro Hei",
)


def system_ui_family() -> str | None:
    """The first family of SYSTEM_UI_FAMILIES installed here, or None."""
    installed = set(QFontDatabase.families())
    return next((family for family in SYSTEM_UI_FAMILIES if family in installed), None)


def bundled_ui_font_family() -> str | None:
    """Register the bundled 黑体-role font with Qt; its family name, or None if unusable."""
    path = fonts_dir() / BUNDLED[FontRole.HEITI][0]
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def ensure_chinese_font(app: QApplication) -> str | None:
    """Set the application font to a Simplified-Chinese UI family; the family set, or None
    when neither a system family nor the bundled file is usable (Qt's fallback is all left)."""
    family = system_ui_family() or bundled_ui_font_family()
    if family is None:
        return None
    font = QFont(app.font())
    font.setFamilies([family])
    app.setFont(font)
    return family
