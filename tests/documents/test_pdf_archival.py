"""PDF document information, read back; the PDF/A-2b archival copy checked object by object.

No PDF/A validator runs offline here (veraPDF is in no registry we reach), so the copy is
checked for what PDF/A-2b requires of files like ours: an sRGB output intent with its ICC
profile, XMP with pdfaid part 2 / conformance B that agrees with the Info dictionary, every font
embedded, no encryption, no transparency, no device-dependent CMYK, a file identifier.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pytest
from fontTools.ttLib import TTFont
from issuing_db import TOWNSHIP, add_case, new_database
from page_samples import notice
from reportlab.pdfgen.canvas import Canvas

from nanmu_desktop import __version__
from nanmu_desktop.documents.archival import ArchivalError, archival_copy
from nanmu_desktop.documents.fonts import FontRole, resolve_fonts
from nanmu_desktop.documents.pdf_metadata import PRODUCT_NAME, PdfMetadata
from nanmu_desktop.documents.render import render_notice
from nanmu_desktop.domain.vocabulary import DocumentKind as K
from nanmu_desktop.errors import NotFoundError
from nanmu_desktop.services.archival import archival_pdf
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import document_pdf, issue_document
from nanmu_desktop.storage.db import Database

DAY = date(2026, 1, 12)
FALLBACK = PdfMetadata("题名", "", "文书", date(2026, 1, 1))


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_database(tmp_path / "nanmu.sqlite3")


@pytest.fixture
def issued(db: Database) -> tuple[str, bytes]:
    case_id = add_case(db)
    info = issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    return info.number, document_pdf(db, info.number)[1]


def test_an_issued_document_carries_its_title_authority_kind_and_date(
    issued: tuple[str, bytes],
) -> None:
    _, pdf = issued
    assert pdf.startswith(b"%PDF-1.7")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        meta = doc.metadata
        text = doc.pages[0].extract_text() or ""
    assert meta["Title"] and meta["Title"][:8] in text.replace("\n", "")
    assert meta["Author"] == TOWNSHIP
    assert meta["Subject"] == "容错免责决定书"
    assert meta["CreationDate"] == meta["ModDate"] == "D:20260112000000+08'00'"
    assert meta["Producer"] == f"{PRODUCT_NAME} {__version__}"
    assert meta["Creator"] == PRODUCT_NAME


def test_the_same_notice_gives_the_same_bytes() -> None:
    first = render_notice(notice())
    assert render_notice(notice()) == first
    with pdfplumber.open(io.BytesIO(first)) as doc:  # a hand-made notice: from its signature
        assert doc.metadata["Author"] == "扎兰屯市南木鄂伦春民族乡人民政府"
        assert doc.metadata["CreationDate"].startswith("D:20240701")


def all_fonts(pdf: pikepdf.Pdf) -> list[Any]:
    fonts = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            fonts += list(font.DescendantFonts) if "/DescendantFonts" in font else [font]
    return fonts


def check_pdfa_2b(data: bytes) -> pikepdf.Pdf:
    assert re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", data)
    pdf = pikepdf.open(io.BytesIO(data))
    assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
    ids = pdf.trailer.ID
    assert len(ids) == 2 and len(bytes(ids[0])) == 16
    # Output intent: sRGB, with its ICC profile embedded.
    (intent,) = pdf.Root.OutputIntents
    assert intent.S == "/GTS_PDFA1" and intent.Type == "/OutputIntent"
    profile = intent.DestOutputProfile
    icc = profile.read_bytes()
    assert profile.N == 3 and icc[36:40] == b"acsp" and icc[16:20] == b"RGB "
    assert icc[8] in (2, 4)  # ICC version 2 or 4
    # XMP: unfiltered, pdfaid 2B, agreeing with the Info dictionary.
    stream = pdf.Root.Metadata
    assert stream.Type == "/Metadata" and stream.Subtype == "/XML" and "/Filter" not in stream
    xmp = stream.read_bytes()
    assert b"bytes=" not in xmp.split(b"?>", 1)[0] and b"encoding=" not in xmp.split(b"?>", 1)[0]
    info = pdf.docinfo
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        assert meta.pdfa_status == "2B"
        assert meta["dc:title"] == str(info.Title)
        assert meta["pdf:Producer"] == str(info.Producer)
        assert meta["xmp:CreatorTool"] == str(info.Creator)
        if "/Author" in info:
            assert meta["dc:creator"] == [str(info.Author)]
        if "/Subject" in info:
            assert meta["dc:description"] == str(info.Subject)
        created = str(info.CreationDate)
        day = f"{created[2:6]}-{created[6:8]}-{created[8:10]}T"
        assert meta["xmp:CreateDate"].startswith(day) and meta["xmp:CreateDate"].endswith("+08:00")
        assert str(info.ModDate) == created
    assert "/Keywords" not in info and "/Trapped" not in info
    # Every font embedded; no transparency, images or device CMYK.
    fonts = all_fonts(pdf)
    assert fonts
    for font in fonts:
        descriptor = font.FontDescriptor
        assert "/FontFile2" in descriptor, font  # embedded TrueType
        program = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
        if int(descriptor.Flags) & 4:  # symbolic: no Encoding, one cmap subtable (6.2.11.6)
            assert "/Encoding" not in font and len(program["cmap"].tables) == 1
        codes = program["cmap"].tables[0].cmap
        scale = 1000 / program["head"].unitsPerEm
        for code, width in enumerate(font.Widths, start=int(font.FirstChar)):
            if code in codes:  # widths agree with the program (6.2.11.5)
                assert abs(program["hmtx"][codes[code]][0] * scale - float(width)) <= 1
    for page in pdf.pages:
        assert "/Group" not in page.obj and "/Annots" not in page.obj
        resources = page.Resources
        assert "/XObject" not in resources
        for state in resources.get("/ExtGState", {}).values():
            assert "/SMask" not in state and float(state.get("/ca", 1)) == 1
        operators = {str(op) for _, op in pikepdf.parse_content_stream(page)}
        assert not operators & {"k", "K", "sh", "BI", "Do"}
    return pdf


def test_the_archival_copy_is_pdfa_2b_with_the_same_text(issued: tuple[str, bytes]) -> None:
    _, pdf = issued
    copy = archival_copy(pdf, FALLBACK)
    archived = check_pdfa_2b(copy)
    assert str(archived.docinfo.Author) == TOWNSHIP  # the file's own information wins
    assert str(archived.docinfo.Subject) == "容错免责决定书"
    with pdfplumber.open(io.BytesIO(pdf)) as a, pdfplumber.open(io.BytesIO(copy)) as b:
        assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]
        reds = [c["non_stroking_color"] for c in b.pages[0].chars if c["size"] > 30]
    assert reds and all(tuple(c) == (1, 0, 0) for c in reds)  # the red mark, now in RGB


def test_archival_copy_is_made_from_the_frozen_bytes_deterministically(
    db: Database, issued: tuple[str, bytes]
) -> None:
    number, pdf = issued
    digest = hashlib.sha256(pdf).hexdigest()
    info, first = archival_pdf(db, number)
    _, second = archival_pdf(db, number)
    assert first == second and info.number == number
    assert hashlib.sha256(document_pdf(db, number)[1]).hexdigest() == digest == info.sha256
    check_pdfa_2b(first)


def test_an_older_file_without_information_takes_the_registers() -> None:
    """Files issued before they carried their own information: reportlab's placeholders are
    replaced by what the register froze."""
    fonts = resolve_fonts(search_dirs=[])
    body = fonts.font_name(fonts.roles[FontRole.FANGSONG])
    copy = check_pdfa_2b(archival_copy(old_style_pdf(body), FALLBACK))
    assert str(copy.docinfo.Title) == "题名" and "/Author" not in copy.docinfo
    assert str(copy.docinfo.CreationDate) == "D:20260101000000+08'00'"


def test_a_file_with_an_unembedded_font_is_refused() -> None:
    with pytest.raises(ArchivalError, match="Helvetica 未嵌入"):
        archival_copy(old_style_pdf("Helvetica"), FALLBACK)


def old_style_pdf(font_name: str) -> bytes:
    """A file as reportlab writes it without our settings: placeholder information."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=font_name)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.drawString(72, 72, "容错纠错")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_archival_copy_of_an_unknown_number_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError, match="找不到文号"):
        archival_pdf(db, "鄂政发〔2099〕1号")


def test_every_kind_in_the_demo_gives_a_pdfa_copy(tmp_path: Path) -> None:
    from nanmu_desktop.services.demo import fill_demo
    from nanmu_desktop.services.issuing import list_documents
    from nanmu_desktop.storage.db import open_database

    db = open_database(tmp_path / "demo.sqlite3")
    fill_demo(db)
    documents = list_documents(db)
    assert {d.kind for d in documents} == {k.value for k in K}
    for document in documents:
        _, copy = archival_pdf(db, document.number)
        check_pdfa_2b(copy)
