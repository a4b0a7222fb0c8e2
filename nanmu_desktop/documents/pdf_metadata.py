"""The document information of every PDF we write: the notice's title, the issuing authority as
author, the kind as subject, the 成文日期 as creation and modification date (so one document
always gives the same bytes) and the program that produced it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from reportlab.pdfgen.canvas import Canvas

from nanmu_desktop import __version__
from nanmu_desktop.documents.notice_model import Notice
from nanmu_desktop.domain.township import PRODUCT_NAME

# ISO 32000-1: the files use nothing newer, and PDF/A-2 builds on it.
PDF_VERSION = (1, 7)
# A 成文日期 is a date in China: its midnight in Beijing time.
DOCUMENT_TZ = timezone(timedelta(hours=8))
# For a notice without any date (a preview): a fixed moment, never the clock.
NO_DATE = date(2000, 1, 1)


@dataclass(frozen=True)
class PdfMetadata:
    title: str
    author: str
    subject: str
    day: date

    @property
    def producer(self) -> str:
        return f"{PRODUCT_NAME} {__version__}"

    @property
    def creator(self) -> str:
        return PRODUCT_NAME

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.day, time(0, 0), DOCUMENT_TZ)

    def pdf_date(self) -> str:
        """The Info dictionary's form: D:YYYYMMDDHHmmSS+08'00'."""
        offset = self.moment.strftime("%z")
        return self.moment.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"

    def xmp_date(self) -> str:
        """XMP's form of the same moment: YYYY-MM-DDTHH:MM:SS+08:00."""
        return self.moment.isoformat()


def notice_metadata(notice: Notice) -> PdfMetadata:
    """From the notice's provenance, else from its signature and 版记 (a hand-made notice)."""
    if notice.provenance is not None:
        origin = notice.provenance
        return PdfMetadata(notice.title, origin.authority, origin.subject, origin.issued_on)
    author, day = "", NO_DATE
    if notice.signature is not None:
        author, day = notice.signature.authority, notice.signature.date
    elif notice.colophon is not None:
        author, day = notice.colophon.printed_by, notice.colophon.printed_on
    return PdfMetadata(notice.title, author, "", day)


def apply_metadata(canvas: Canvas, meta: PdfMetadata) -> None:
    """Fill the Info dictionary of `canvas` (made with invariant=1, so nothing else varies)."""
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator(meta.creator)
    canvas.setProducer(meta.producer)
    stamp = meta.pdf_date()
    canvas.setDateFormatter(lambda *_: stamp)
