"""Issued documents (immutable), their voids (insert-only) and the number register.

Triggers in the database refuse UPDATE and DELETE on all three tables; a document's
status is derived: voided when a row in `document_voids` names it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utc_now


class IssuedDocument(Base):
    __tablename__ = "issued_documents"
    __table_args__ = (
        UniqueConstraint("prefix", "year", "seq"),
        CheckConstraint("seq > 0", name="seq_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)  # DocumentKind code
    number: Mapped[str] = mapped_column(String(40), unique=True)  # 鄂政发〔2026〕3号
    prefix: Mapped[str] = mapped_column(String(20))  # 代字
    year: Mapped[int]
    seq: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    petition_id: Mapped[int | None] = mapped_column(ForeignKey("petitions.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(200), default="")  # 主送
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(String(50))
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    issued_by: Mapped[str] = mapped_column(String(50), default="")
    # kind|case|petition|day: a retry after an unknown outcome finds the document by it.
    issue_key: Mapped[str | None] = mapped_column(String(120), index=True)

    void: Mapped[DocumentVoid | None] = relationship(back_populates="document", viewonly=True)


class DocumentVoid(Base):
    """作废: the document and its number stay; this row says why and who."""

    __tablename__ = "document_voids"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("issued_documents.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(500))
    voided_at: Mapped[datetime] = mapped_column(default=utc_now)
    actor: Mapped[str] = mapped_column(String(50))

    document: Mapped[IssuedDocument] = relationship(back_populates="void")


class NumberRegister(Base):
    """One row per number drawn for (代字, year): no gaps, no duplicates, never removed.

    A number is drawn together with the document it goes on, so `document_id` is set;
    a number taken for a paper issued outside the app has none and says so in `note`.
    """

    __tablename__ = "number_register"
    __table_args__ = (
        UniqueConstraint("prefix", "year", "seq"),
        CheckConstraint("seq > 0", name="seq_positive"),
        CheckConstraint("document_id IS NOT NULL OR note <> ''", name="unlinked_has_note"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    seq: Mapped[int]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("issued_documents.id"), unique=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    drawn_at: Mapped[datetime] = mapped_column(default=utc_now)
    actor: Mapped[str] = mapped_column(String(50), default="")
