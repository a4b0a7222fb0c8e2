"""The database's identity and the register's high-water mark: both insert-only by trigger.

`integrity_meta` holds `database_id` (the audit key outside the database is filed under it) and
`chain_keyed_from` (the first audit row signed with that key). `number_high_water` is the highest
number ever drawn per (代字, year); a trigger raises it with each register row and refuses to
lower or delete it, so deleting the last document and its register row frees no number.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class IntegrityMeta(Base):
    __tablename__ = "integrity_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class NumberHighWater(Base):
    __tablename__ = "number_high_water"

    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
