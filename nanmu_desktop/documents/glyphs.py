"""No missing glyphs: every character is drawn from its role's font or, failing that, from the
first font that has it (the role's own fallbacks, the other roles' fonts, the whole Noto Sans SC);
a character no font has stops the render with its field named."""

from __future__ import annotations

from dataclasses import dataclass

from nanmu_desktop.documents.fonts import FontFile, FontRole, FontSet
from nanmu_desktop.errors import NanmuError

# Characters that never need a glyph: zero-width controls, and variation selectors (an
# ideographic variation sequence is drawn with its base character's default form).
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
# Line breaks and tabs inside a paragraph are laid out as ordinary spaces.
_AS_SPACE = frozenset("\t\n\r\v\f")


class MissingGlyphError(NanmuError):
    """A character no available font can draw."""

    def __init__(self, char: str, field: str, searched: str = "所有可用字体") -> None:
        self.char = char
        self.field = field
        super().__init__(
            f"{field}中的字符“{char}”（U+{ord(char):04X}）在{searched}中都没有字形，"
            "无法生成公文。请改用规范字符，或在设置中指定含有该字的字体。"
        )


@dataclass(frozen=True)
class Run:
    """Consecutive characters drawn with one font."""

    font: FontFile
    text: str


def font_for_char(fonts: FontSet, role: FontRole, char: str) -> FontFile | None:
    primary = fonts.roles[role]
    if fonts.has_char(primary, char):
        return primary
    # The role's own fallbacks first (a light Song for 仿宋), so a rare character keeps the
    # weight of its neighbours rather than taking 小标宋's.
    for candidate in (*fonts.role_fallbacks.get(role, ()), *fonts.roles.values(),
                      *fonts.fallbacks):
        if candidate is not primary and fonts.has_char(candidate, char):
            return candidate
    return None


def split_runs(fonts: FontSet, role: FontRole, text: str, field: str) -> list[Run]:
    """Split `text` into runs per font; raise `MissingGlyphError` naming `field` if needed."""
    runs: list[Run] = []
    primary = fonts.roles[role]
    for char in text:
        if char in _INVISIBLE:
            continue
        if char in _AS_SPACE:
            char = " "
        font = primary if fonts.has_char(primary, char) else font_for_char(fonts, role, char)
        if font is None:
            raise MissingGlyphError(char, field)
        if runs and runs[-1].font == font:
            runs[-1] = Run(font, runs[-1].text + char)
        else:
            runs.append(Run(font, char))
    return runs
