"""The archival copy (PDF/A-2b) of an issued document, made on demand from its frozen bytes.

Made, not stored: `documents/archival.py` derives it deterministically from the issued bytes
(checked against their digest first), so it can never drift from the issued document.
"""

from __future__ import annotations

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.issuing import IssuedDocumentInfo, document_pdf
from nanmu_desktop.storage.db import Database


def archival_pdf(db: Database, number: str) -> tuple[IssuedDocumentInfo, bytes]:
    """The PDF/A-2b copy of the document issued as `number`; raises `NotFoundError`,
    `TamperedDocumentError` or `ArchivalError` with a Chinese message."""
    from nanmu_desktop.documents.archival import archival_copy
    from nanmu_desktop.documents.pdf_metadata import DOCUMENT_TZ, PdfMetadata

    info, issued = document_pdf(db, number)
    # For files issued before they carried their own information: what the register froze.
    fallback = PdfMetadata(
        title=info.title,
        author="",
        subject=DocumentKind(info.kind).label,
        day=info.issued_at.astimezone(DOCUMENT_TZ).date(),
    )
    return info, archival_copy(issued, fallback)
