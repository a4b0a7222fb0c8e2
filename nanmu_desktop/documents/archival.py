"""The archival copy (PDF/A-2b) of an issued document, derived from its frozen bytes.

Nothing of the issued file is given up: the copy has the same pages, fonts and text, plus what
PDF/A-2b asks for — an sRGB output intent (resources/icc/sRGB.icc), XMP metadata that repeats
the document information (pdfaid:part 2, conformance B), a file identifier, no encryption.
PDF/A allows DeviceCMYK only under a CMYK output intent, and no free CMYK profile exists in our
registries, so the CMYK colours (the red header, black text) are restated in DeviceRGB with the
conversion of ISO 32000-1 §10.3.5; the printed original keeps its CMYK.

The copy is made on demand, deterministically: the same issued bytes always give the same
archival bytes (for one version of this program and of pikepdf/qpdf), so it is as frozen as the
issued file it comes from and needs no storage of its own.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from nanmu_desktop.documents.pdf_metadata import PDF_VERSION, PdfMetadata
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.paths import resources_dir

if TYPE_CHECKING:  # pikepdf loads qpdf: imported only when a copy is made
    import pikepdf

ICC_NAME = "sRGB IEC61966-2.1"
# What reportlab writes when nothing was set (documents issued before the metadata was filled).
_PLACEHOLDERS = {"", "anonymous", "untitled", "unspecified"}
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
_INVARIANT_DATE = date(2000, 1, 1)  # reportlab's invariant mode writes this, not a real date


class ArchivalError(NanmuError):
    """The issued file holds something PDF/A-2b forbids and we cannot restate."""


def archival_copy(issued: bytes, fallback: PdfMetadata) -> bytes:
    """The PDF/A-2b copy of `issued`; `fallback` fills what the file's own information lacks."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(issued))
    except pikepdf.PdfError as exc:
        raise ArchivalError(f"存档文件无法读取，不能生成 PDF/A 副本（{exc}）。") from exc
    with pdf:
        if pdf.is_encrypted:
            raise ArchivalError("存档文件已加密，不能生成 PDF/A 副本。")
        meta = _metadata(pdf, fallback)
        for page in pdf.pages:
            _check_resources(page.obj)
            page.Contents = pdf.make_stream(_rgb_content(page))
        _set_info(pdf, meta)
        pdf.Root.Metadata = pdf.make_stream(
            _xmp(meta), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML
        )
        profile = pdf.make_stream((resources_dir() / "icc" / "sRGB.icc").read_bytes(), N=3)
        pdf.Root.OutputIntents = pikepdf.Array([
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String(ICC_NAME),
                Info=pikepdf.String(ICC_NAME),
                RegistryName=pikepdf.String("http://www.color.org"),
                DestOutputProfile=profile,
            )
        ])
        pdf.Root.Lang = pikepdf.String("zh-CN")
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,  # the file identifier PDF/A needs, from the content
            fix_metadata_version=False,
            min_version=".".join(map(str, PDF_VERSION)),
        )
    return out.getvalue()


def _metadata(pdf: pikepdf.Pdf, fallback: PdfMetadata) -> PdfMetadata:
    """The issued file's own document information where it has real values."""
    info = pdf.docinfo

    def text(key: str, default: str) -> str:
        value = str(info.get(key, "")).strip() if key in info else ""
        return default if value in _PLACEHOLDERS else value

    day = fallback.day
    match = _PDF_DATE.match(str(info.get("/CreationDate", ""))) if "/CreationDate" in info else None
    if match:
        written = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if written != _INVARIANT_DATE:
            day = written
    return replace(
        fallback,
        title=text("/Title", fallback.title),
        author=text("/Author", fallback.author),
        subject=text("/Subject", fallback.subject),
        day=day,
    )


def _set_info(pdf: pikepdf.Pdf, meta: PdfMetadata) -> None:
    """The Info dictionary says exactly what the XMP says (PDF/A requires them to agree)."""
    import pikepdf

    entries = {
        "/Title": meta.title,
        "/Author": meta.author,
        "/Subject": meta.subject,
        "/Creator": meta.creator,
        "/Producer": meta.producer,
        "/CreationDate": meta.pdf_date(),
        "/ModDate": meta.pdf_date(),
    }
    pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(
        {key: pikepdf.String(value) for key, value in entries.items() if value}
    ))


def _xmp(meta: PdfMetadata) -> bytes:
    """XMP of the predefined schemas only (no extension schema needed), unfiltered UTF-8."""
    stamp = meta.xmp_date()
    rows = [
        "<dc:format>application/pdf</dc:format>",
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.title)}</rdf:li>'
        "</rdf:Alt></dc:title>",
    ]
    if meta.author:
        rows.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq>"
                    "</dc:creator>")
    if meta.subject:
        rows.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
                    f"{escape(meta.subject)}</rdf:li></rdf:Alt></dc:description>")
    rows += [
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>",
        f"<xmp:CreatorTool>{escape(meta.creator)}</xmp:CreatorTool>",
        f"<pdf:Producer>{escape(meta.producer)}</pdf:Producer>",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
    ]
    body = "\n   ".join(rows)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _rgb_content(page: pikepdf.Page) -> bytes:
    """The page's content with every `k`/`K` (DeviceCMYK fill/stroke) restated as `rg`/`RG`."""
    import pikepdf

    operations: list[Any] = []
    for instruction in pikepdf.parse_content_stream(page):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            raise ArchivalError("文书含有内嵌图像，不能生成 PDF/A 副本。")
        operands, operator = instruction.operands, str(instruction.operator)
        if operator in ("k", "K"):
            c, m, y, k = (float(v) for v in operands)
            rgb = [_decimal(1 - min(1.0, v + k)) for v in (c, m, y)]
            operations.append((rgb, pikepdf.Operator("rg" if operator == "k" else "RG")))
            continue
        if operator in ("cs", "CS") and str(operands[0]) == "/DeviceCMYK":
            raise ArchivalError("文书使用了 CMYK 颜色空间，不能生成 PDF/A 副本。")
        operations.append((list(operands), instruction.operator))
    return bytes(pikepdf.unparse_content_stream(operations))


def _decimal(value: float) -> Decimal:
    return Decimal(f"{value:.4f}").normalize()


def _check_resources(page: pikepdf.Dictionary) -> None:
    """Unembedded fonts, images, forms and transparency are not in our documents: refuse rather
    than pass on a copy that would fail PDF/A."""
    import pikepdf

    resources = page.get("/Resources", pikepdf.Dictionary())
    if "/XObject" in resources or "/Shading" in resources or "/Pattern" in resources:
        raise ArchivalError("文书含有图像或图案，不能生成 PDF/A 副本。")
    for font in resources.get("/Font", pikepdf.Dictionary()).values():
        for face in font.get("/DescendantFonts", pikepdf.Array([font])):
            descriptor = face.get("/FontDescriptor", pikepdf.Dictionary())
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                name = str(face.get("/BaseFont", "?")).lstrip("/")
                raise ArchivalError(f"文书中的字体 {name} 未嵌入，不能生成 PDF/A 副本。")
    for state in resources.get("/ExtGState", pikepdf.Dictionary()).values():
        if any(key in state for key in ("/SMask", "/BM")) or any(
            float(state.get(key, 1)) != 1 for key in ("/CA", "/ca")
        ):
            raise ArchivalError("文书含有透明效果，不能生成 PDF/A 副本。")
