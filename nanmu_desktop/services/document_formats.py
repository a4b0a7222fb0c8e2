"""Which format a letter to a person takes (GB/T 9704 10.1), a setting with a visible default.

`notification_to_party_as_letter`: a 告知书 addressed to a party (a person) is printed as a
信函 with the letter series' number (default yes); addressed to units it stays a 文件. The
反馈函 to a reporter is always a 信函.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Setting

_KEY = "document_formats"


@dataclass(frozen=True)
class DocumentFormats:
    notification_to_party_as_letter: bool = True


def read_document_formats(session: Session) -> DocumentFormats:
    row = session.get(Setting, _KEY)
    stored = row.value if row is not None and isinstance(row.value, dict) else {}
    defaults = asdict(DocumentFormats())
    return DocumentFormats(**{k: bool(stored.get(k, v)) for k, v in defaults.items()})


def get_document_formats(db: Database) -> DocumentFormats:
    with db.session() as session:
        return read_document_formats(session)


def set_document_formats(
    db: Database, formats: DocumentFormats, *, actor: str = DEFAULT_ACTOR
) -> None:
    """Applies to documents issued from now on; issued ones never change."""
    require(db, Operation.settings)
    with db.write_session() as session:
        before = asdict(read_document_formats(session))
        write_document_formats(session, formats)
        audit(session, actor, "update", "setting", _KEY, before, asdict(formats))


def write_document_formats(session: Session, formats: DocumentFormats) -> None:
    """Store `formats` in the caller's transaction (设置 saves them with the profile)."""
    row = session.get(Setting, _KEY)
    if row is None:
        session.add(Setting(key=_KEY, value=asdict(formats)))
    elif row.value != asdict(formats):
        row.value = asdict(formats)
