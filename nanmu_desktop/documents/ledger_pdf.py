"""The ledger as a landscape A4 PDF for the archive: a bordered table whose header row repeats
on every page, in the page engine's fonts (仿宋 cells, 黑体 header, 小标宋 title); a character a
role's font lacks is drawn from a fallback font, and one no font has is refused."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from nanmu_desktop.documents.fonts import FontRole, FontSet, default_fonts
from nanmu_desktop.documents.glyphs import split_runs
from nanmu_desktop.documents.ledger_model import COLUMNS, LEDGER_TITLE, LedgerRow
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.township import PRODUCT_NAME

MARGIN = 15 * mm
CELL_SIZE = 9.0
TITLE_SIZE = 18.0


class _Markup:
    """Text → Paragraph markup with a font tag per run, so every character has a glyph."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts

    def __call__(self, text: str, role: FontRole, field: str) -> str:
        return "".join(
            f'<font name="{self.fonts.font_name(run.font)}">{escape(run.text)}</font>'
            for run in split_runs(self.fonts, role, text, field)
        )


def ledger_pdf(rows: Sequence[LedgerRow], printed_on: date, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or default_fonts()
    markup = _Markup(fonts)
    body_font = fonts.font_name(fonts.roles[FontRole.FANGSONG])
    cell = ParagraphStyle(
        "cell", fontName=body_font, fontSize=CELL_SIZE, leading=12, wordWrap="CJK"
    )
    head = ParagraphStyle(
        "head", parent=cell, alignment=1, fontName=fonts.font_name(fonts.roles[FontRole.HEITI])
    )
    title = ParagraphStyle(
        "title",
        fontSize=TITLE_SIZE,
        leading=26,
        alignment=1,
        fontName=fonts.font_name(fonts.roles[FontRole.XIAOBIAOSONG]),
    )
    shown = [i for i, c in enumerate(COLUMNS) if c.pdf_mm is not None]
    header = [Paragraph(markup(COLUMNS[i].header, FontRole.HEITI, "台账表头"), head) for i in shown]
    data = [header]
    for index, row in enumerate(rows, start=1):
        values = row.cells(index)
        data.append(
            [
                Paragraph(
                    markup(
                        _text(values[i]), FontRole.FANGSONG, f"台账第{index}行“{COLUMNS[i].header}”"
                    ),
                    cell,
                )
                for i in shown
            ]
        )
    table = LongTable(
        data,
        colWidths=[(COLUMNS[i].pdf_mm or 0.0) * mm for i in shown],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    buffer = io.BytesIO()
    footer = f"{LEDGER_TITLE}　共{len(rows)}件　{chinese_date(printed_on)}打印"

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(body_font, CELL_SIZE)
        canvas.drawString(MARGIN, MARGIN / 2, footer)
        canvas.drawRightString(landscape(A4)[0] - MARGIN, MARGIN / 2, f"第 {doc.page} 页")
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=LEDGER_TITLE,
        creator=PRODUCT_NAME,
        invariant=1,
    )
    document.build(
        [
            Paragraph(markup(LEDGER_TITLE, FontRole.XIAOBIAOSONG, "台账标题"), title),
            Spacer(1, 4 * mm),
            table,
        ],
        onFirstPage=on_page,
        onLaterPages=on_page,
    )
    return buffer.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return chinese_date(value)
    return str(value)
