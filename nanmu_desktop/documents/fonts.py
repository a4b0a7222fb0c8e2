"""One font file per GB/T 9704 role: a licensed font on the machine, one chosen in settings, or
the bundled open fonts; registered with reportlab only when a role is first drawn.

reportlab embeds every TrueType font as a subset, so a 15 MB font costs only its used glyphs in
the PDF; loading it still costs ~60 ms, hence the lazy registration per role.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

# Re-exported: callers name the roles and the bundled files through this module.
from nanmu_desktop.documents.font_roles import BUNDLED as BUNDLED
from nanmu_desktop.documents.font_roles import BUNDLED_FALLBACKS as BUNDLED_FALLBACKS
from nanmu_desktop.documents.font_roles import ROLE_DESIGNS as ROLE_DESIGNS
from nanmu_desktop.documents.font_roles import ROLE_FALLBACKS as ROLE_FALLBACKS
from nanmu_desktop.documents.font_roles import ROLE_LABELS as ROLE_LABELS
from nanmu_desktop.documents.font_roles import SYSTEM_FAMILIES as SYSTEM_FAMILIES
from nanmu_desktop.documents.font_roles import FontRole as FontRole
from nanmu_desktop.documents.font_roles import fonts_dir as fonts_dir
from nanmu_desktop.documents.system_fonts import index_families
from nanmu_desktop.errors import NanmuError


class FontUnavailableError(NanmuError):
    """A configured font file cannot be used."""


@dataclass(frozen=True)
class FontFile:
    """A font file and how it got chosen. `substitute`: an open font in place of the licensed
    one; `design`: what the face is (ROLE_DESIGNS' terms), "" when it is what its role asks."""

    path: Path
    subfont_index: int = 0
    family: str = ""
    substitute: bool = False
    source: str = "bundled"  # bundled | system | settings
    design: str = ""

    @property
    def reportlab_name(self) -> str:
        # Files of the same name in different folders must not share reportlab's registry slot.
        digest = hashlib.sha1(str(self.path).encode("utf-8")).hexdigest()[:8]
        return f"{self.path.stem}-{self.subfont_index}-{digest}"


@dataclass(frozen=True)
class FontDescription:
    role: FontRole
    label: str
    path: Path
    family: str
    substitute: bool
    source: str
    stand_in: str = ""  # e.g. "粗宋体代用" when the face is of another design than the role


@dataclass(frozen=True)
class StandIn:
    """A role drawn with a face of another design than GB/T 9704 asks for (plain data for the
    UI, the CLI and the preview caption)."""

    role: FontRole
    label: str  # 小标宋
    family: str  # Noto Serif SC Black
    design: str  # 粗宋体: what the face is
    wanted: str  # 小标宋体: what the role asks for

    @property
    def text(self) -> str:
        return f"{self.label}以{self.family}（{self.design}）代用"


@dataclass
class FontSet:
    """Resolved fonts per role plus fallbacks; registers each with reportlab on first use."""

    roles: dict[FontRole, FontFile]
    fallbacks: tuple[FontFile, ...]
    # Tried before other roles' fonts for a character the role's own font lacks.
    role_fallbacks: dict[FontRole, tuple[FontFile, ...]] = field(default_factory=dict)
    _loaded: dict[Path, TTFont] = field(default_factory=dict, repr=False)
    _cmaps: dict[Path, frozenset[int]] = field(default_factory=dict, repr=False)

    def ttfont(self, font: FontFile) -> TTFont:
        loaded = self._loaded.get(font.path)
        if loaded is None:
            name = font.reportlab_name
            # Not getFont() on a miss: that scans every Type 1 AFM file on the search path.
            if name in pdfmetrics.getRegisteredFontNames():
                loaded = pdfmetrics.getFont(name)
            else:
                try:
                    loaded = TTFont(name, str(font.path), subfontIndex=font.subfont_index)
                except (TTFError, OSError, KeyError, ValueError, struct.error) as exc:
                    raise FontUnavailableError(
                        f"字体文件无法使用：{font.path}（{exc}）。请在设置中另选字体。"
                    ) from exc
                # Before registering: reportlab maps a second font with an already registered
                # face name onto the first one.
                loaded.face.name = self._unique_face_name(font, loaded.face.name)
                pdfmetrics.registerFont(loaded)
            self._loaded[font.path] = loaded
            # Snapshot the font's own cmap: shaping later adds private-use codes to it.
            self._cmaps[font.path] = frozenset(
                c for c in loaded.face.charToGlyph if not 0xE000 <= c <= 0xF8FF)
        return loaded

    def _unique_face_name(self, font: FontFile, face_name: bytes) -> bytes:
        """The face (PDF BaseFont) name: reportlab treats fonts with equal face names as one
        font (e.g. a subset and its whole font), so each file gets its own."""
        stem = font.path.stem
        name = stem.encode("ascii") if stem.isascii() and stem.isprintable() else face_name
        if font.subfont_index:
            name += b"-%d" % font.subfont_index
        if name in pdfmetrics._dynFaceNames:  # reportlab's registry of face names
            name += b"-" + font.reportlab_name.rsplit("-", 1)[-1].encode("ascii")
        return bytes(name.replace(b" ", b""))

    def font_name(self, font: FontFile) -> str:
        """The reportlab name of `font`, registering it first if needed."""
        return str(self.ttfont(font).fontName)

    def has_char(self, font: FontFile, char: str) -> bool:
        # reportlab already parsed the cmap on load; reuse it rather than parse again.
        cmap = self._cmaps.get(font.path)
        if cmap is None:
            self.ttfont(font)
            cmap = self._cmaps[font.path]
        return ord(char) in cmap

    @property
    def stand_ins(self) -> tuple[StandIn, ...]:
        """The roles whose face is of another design than the role asks for, in role order."""
        return tuple(
            StandIn(role, ROLE_LABELS[role], f.family, f.design, ROLE_DESIGNS[role])
            for role, f in self.roles.items()
            if f.design and f.design != ROLE_DESIGNS[role]
        )

    @property
    def stand_in_note(self) -> str:
        """One Chinese sentence naming every stand-in ("" when there is none)."""
        return stand_in_note(self.stand_ins)

    def describe(self) -> list[FontDescription]:
        stand_ins = {s.role: f"{s.design}代用" for s in self.stand_ins}
        return [
            FontDescription(role, ROLE_LABELS[role], f.path, f.family, f.substitute, f.source,
                            stand_ins.get(role, ""))
            for role, f in self.roles.items()
        ]


def stand_in_note(stand_ins: Iterable[StandIn]) -> str:
    texts = [s.text for s in stand_ins]
    return f"代用字体：{'；'.join(texts)}，字形与国家标准规定的字体不同。" if texts else ""


# A face's PDF name is its file's stem (see FontSet._unique_face_name), after a subset tag.
_BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9_.-]+)")


def stand_ins_in_pdf(pdf: bytes) -> tuple[StandIn, ...]:
    """The bundled stand-in faces an issued PDF of ours embeds, read from its font names (the
    fonts of its day, whatever is installed now)."""
    embedded = {m.decode("ascii") for m in _BASE_FONT.findall(pdf)}
    return tuple(
        StandIn(role, ROLE_LABELS[role], face.family, face.design, ROLE_DESIGNS[role])
        for role, face in BUNDLED.items()
        if face.design != ROLE_DESIGNS[role] and Path(face.file).stem in embedded
    )


def system_font_dirs() -> list[Path]:
    """Where installed fonts live on Windows, macOS and Linux (fontconfig's usual folders)."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]
    return [d for d in dirs if d.is_dir()]


def _is_truetype(path: Path) -> bool:
    """reportlab embeds TrueType outlines only; a CFF-flavoured file starts with 'OTTO'."""
    try:
        with path.open("rb") as fh:
            return fh.read(4) != b"OTTO"
    except OSError:
        return False


def _family_name(path: Path, index: int) -> str:
    """The font's own family name, Chinese (zh-CN) when it has one, for the settings page."""
    from fontTools.ttLib import TTFont as ToolsFont  # only for fonts not bundled with us
    from fontTools.ttLib import TTLibError

    try:
        with ToolsFont(path, lazy=True, fontNumber=index) as font:
            names = font["name"]
            chinese = names.getName(1, 3, 1, 0x804)
            return str(chinese or names.getDebugName(1) or path.stem)
    except (OSError, KeyError, TTLibError, struct.error):  # unreadable names: keep the font
        return path.stem


def resolve_fonts(
    overrides: Mapping[FontRole, Path | str] | None = None,
    search_dirs: Iterable[Path] | None = None,
) -> FontSet:
    """Pick a file per role: settings override, else a licensed system font, else bundled."""
    system = index_families(system_font_dirs() if search_dirs is None else search_dirs)
    bundled_dir = fonts_dir()
    bundled_designs = {face.file: face.design for face in BUNDLED.values()}
    roles: dict[FontRole, FontFile] = {}
    for role in FontRole:
        chosen: FontFile | None = None
        if overrides and role in overrides:
            path = Path(overrides[role])
            if not path.is_file() or not _is_truetype(path):
                raise FontUnavailableError(
                    f"{ROLE_LABELS[role]}字体文件不可用：{path}（须为 TrueType 字体 .ttf/.ttc）。"
                )
            # A bundled file chosen by hand keeps its design; of any other we cannot tell.
            design = bundled_designs.get(path.name, "") if path.parent == bundled_dir else ""
            chosen = FontFile(path, 0, _family_name(path, 0), False, "settings", design)
        else:
            for family in SYSTEM_FAMILIES[role]:
                hit = system.get(family.casefold())
                if hit is not None:
                    # The family as listed (Chinese first): no name table parsed at start-up.
                    path, index = hit
                    chosen = FontFile(path, index, family, False, "system")
                    break
        if chosen is None:
            face = BUNDLED[role]
            chosen = FontFile(bundled_dir / face.file, 0, face.family, True, "bundled",
                              face.design)
        roles[role] = chosen
    role_fallbacks = {
        role: tuple(FontFile(bundled_dir / f.file, 0, f.family, True, "bundled", f.design)
                    for f in faces)
        for role, faces in ROLE_FALLBACKS.items()
    }
    fallbacks = tuple(
        FontFile(bundled_dir / name, 0, name, True, "bundled") for name in BUNDLED_FALLBACKS
    )
    return FontSet(roles, fallbacks, role_fallbacks)


_DEFAULT: FontSet | None = None


def default_fonts() -> FontSet:
    """The process-wide font set without overrides (resolved once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = resolve_fonts()
    return _DEFAULT


def describe_fonts(fonts: FontSet | None = None) -> list[FontDescription]:
    """For every role: file, family, whether it stands in for the official face, and source."""
    return (fonts or default_fonts()).describe()
