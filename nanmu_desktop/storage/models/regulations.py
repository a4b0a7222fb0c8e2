"""Regulation versions used by cases, kept in the database so old cases stay printable
without the version file."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utc_now


class RegulationVersion(Base):
    """One version's file exactly as loaded (JSON text) and its digest."""

    __tablename__ = "regulation_versions"

    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    stored_at: Mapped[datetime] = mapped_column(default=utc_now)
