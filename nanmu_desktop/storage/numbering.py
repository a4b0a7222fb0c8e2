"""Reading a register's last number for the next draw, under the lock of its series.

Called inside the one write path: on SQLite the write lock already covers the whole file; on
PostgreSQL the series' high-water row is also locked (SELECT … FOR UPDATE), so two PCs issuing
at once take consecutive numbers and neither fails."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .backends import backend_of
from .models import IssuedDocument, NumberHighWater, NumberRegister


def last_seq(session: Session, prefix: str, year: int, *, lock: bool = False) -> int:
    """The highest number ever drawn in (代字, year): the register's, or the high-water mark if
    higher (a deleted register row, or a restored older backup, never frees a number). With
    `lock` (a number is about to be drawn) the series stays locked until the commit."""
    if lock:
        backend_of(session).lock_series(session, prefix, year)
    last = session.scalar(
        select(func.max(NumberRegister.seq)).where(
            NumberRegister.prefix == prefix, NumberRegister.year == year
        )
    )
    mark = session.scalar(
        select(NumberHighWater.seq).where(
            NumberHighWater.prefix == prefix, NumberHighWater.year == year
        )
    )
    return max(int(last or 0), int(mark or 0))


def last_document_seq(session: Session, prefix: str, year: int) -> int:
    """The highest seq of issued documents filed under `prefix` (an internal form's case
    number; they draw no 文号 and have no register)."""
    last = session.scalar(
        select(func.max(IssuedDocument.seq)).where(
            IssuedDocument.prefix == prefix, IssuedDocument.year == year
        )
    )
    return int(last or 0)
