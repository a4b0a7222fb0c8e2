"""Font files chosen in 设置 per GB/T 9704 role, kept in the database's settings table.

`fonts_for(db)` resolves the font set with those choices (else licensed system fonts, else the
bundled substitutes); `set_font_file` validates a file before storing it.
"""

from __future__ import annotations

from pathlib import Path

from nanmu_desktop.documents.fonts import (
    FontRole,
    FontSet,
    default_fonts,
    resolve_fonts,
    stand_in_note,
    stand_ins_in_pdf,
)
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Setting

SETTING_KEY = "font_files"


def font_files(db: Database) -> dict[FontRole, Path]:
    """The roles with a chosen file (role → path)."""
    with db.session() as session:
        row = session.get(Setting, SETTING_KEY)
        stored: dict[str, str] = dict(row.value) if row is not None and row.value else {}
    roles = {role.value: role for role in FontRole}
    return {roles[name]: Path(path) for name, path in stored.items() if name in roles}


# Font sets by the chosen files (and their modification times): loading a CJK font costs tens
# of milliseconds, so every document of a session reuses one set.
_RESOLVED: dict[tuple[tuple[str, str, float], ...], FontSet] = {}


def fonts_for(db: Database) -> FontSet:
    """The fonts documents of this database are drawn with: the choices of 设置, else automatic."""
    chosen = font_files(db)
    if not chosen:
        return default_fonts()
    key = tuple(
        sorted((role.value, str(path), _mtime(path)) for role, path in chosen.items())
    )
    fonts = _RESOLVED.get(key)
    if fonts is None:
        fonts = _RESOLVED[key] = resolve_fonts(chosen)  # FontUnavailableError names a lost file
    return fonts


def stand_in_note_of_pdf(pdf: bytes) -> str:
    """For an issued document: which stand-in faces it was printed with ("" for none)."""
    return stand_in_note(stand_ins_in_pdf(pdf))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def set_font_file(
    db: Database, role: FontRole, path: Path | None, *, actor: str = DEFAULT_ACTOR
) -> FontSet:
    """Use `path` for `role` (None: back to automatic choice); refuses an unusable file."""
    require(db, Operation.settings)
    chosen = font_files(db)
    if path is None:
        chosen.pop(role, None)
    else:
        chosen[role] = path
    fonts = resolve_fonts(chosen)  # raises FontUnavailableError for a missing or CFF file
    if path is not None:
        fonts.ttfont(fonts.roles[role])  # the file must load, not merely exist
    value = {r.value: str(p) for r, p in chosen.items()}
    with db.write_session() as session:
        row = session.get(Setting, SETTING_KEY)
        before = dict(row.value) if row is not None and row.value else {}
        if row is None:
            session.add(Setting(key=SETTING_KEY, value=value))
        else:
            row.value = value
        session.flush()
        audit(session, actor, "set", "setting", SETTING_KEY, before, value)
    return fonts
