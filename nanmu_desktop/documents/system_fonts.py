"""The fonts installed on the machine, by the family names in their name tables.

File names of the same font differ between systems and versions (仿宋_GB2312.ttf,
FANGSONG_GB2312.TTF, a renamed copy), so a licensed face is recognised by the family it declares
(name IDs 1 and 16, any language). Only the table directory and the family records are read:
parsing whole fonts (or importing fontTools) would cost the first document tens of milliseconds
on a machine with hundreds of fonts. Names in legacy Mac encodings other than Roman are decoded
by fontTools.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

FONT_SUFFIXES = {".ttf", ".ttc", ".otf"}
_FAMILY_IDS = (1, 16)  # family, typographic family


def index_families(dirs: Iterable[Path]) -> dict[str, tuple[Path, int]]:
    """Case-folded family name → (file, face index in a collection) of the first TrueType face
    that declares it. CFF-flavoured faces (reportlab cannot embed them) and unreadable files are
    passed over."""
    found: dict[str, tuple[Path, int]] = {}
    for folder in dirs:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in FONT_SUFFIXES:
                continue
            try:
                with path.open("rb") as fh:
                    faces = file_families(fh)
            except (OSError, struct.error, ValueError):
                continue
            for index, families in enumerate(faces):
                for family in families:
                    found.setdefault(family, (path, index))
    return found


def file_families(fh: BinaryIO) -> list[set[str]]:
    """The family names of every face in an sfnt file or collection (empty for a CFF face)."""
    head = fh.read(12)
    if head[:4] == b"ttcf":
        (count,) = struct.unpack(">I", head[8:12])
        offsets = struct.unpack(f">{count}I", fh.read(4 * count))
        return [_face_families(fh, offset) for offset in offsets]
    return [_face_families(fh, 0)]


def _face_families(fh: BinaryIO, offset: int) -> set[str]:
    fh.seek(offset)
    version, tables = struct.unpack(">4sH", fh.read(6))
    if version == b"OTTO":
        return set()
    fh.seek(offset + 12)
    directory = fh.read(16 * tables)
    for i in range(tables):
        tag, _, start, length = struct.unpack_from(">4sIII", directory, 16 * i)
        if tag == b"name":
            fh.seek(start)
            return _name_families(fh.read(length))
    return set()


def _name_families(data: bytes) -> set[str]:
    _, count, strings = struct.unpack_from(">HHH", data)
    families: set[str] = set()
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(
            ">6H", data, 6 + 12 * i
        )
        if name_id not in _FAMILY_IDS:
            continue
        raw = data[strings + offset:strings + offset + length]
        text = _decode(raw, platform, encoding, language)
        if text:
            families.add(text.strip().casefold())
    return families


def _decode(raw: bytes, platform: int, encoding: int, language: int) -> str:
    try:
        if platform in (0, 3):  # Unicode and Windows names are UTF-16BE
            return raw.decode("utf-16-be")
        if platform == 1 and encoding == 0:
            return raw.decode("mac_roman")
        from fontTools.misc.encodingTools import getEncoding  # legacy Mac encodings, rare

        codec = getEncoding(platform, encoding, language)
        return raw.decode(codec) if codec else ""
    except (UnicodeDecodeError, LookupError):
        return ""
