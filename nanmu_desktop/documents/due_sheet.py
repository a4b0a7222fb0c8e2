"""督办单: the 待办 list on A4, one table, the overdue rows shaded red (三色督办)."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from nanmu_desktop.documents.font_roles import FontRole
from nanmu_desktop.documents.fonts import FontSet
from nanmu_desktop.domain.dates import chinese_date
from nanmu_desktop.domain.due import DueItem, Level, days_text

_SHADE = {
    Level.red: colors.Color(1, 0.85, 0.85),
    Level.yellow: colors.Color(1, 0.96, 0.75),
    Level.blue: colors.Color(0.85, 0.92, 1),
    Level.later: colors.white,
}


def due_sheet_pdf(items: list[DueItem], today: date, authority: str, fonts: FontSet) -> bytes:
    """The 督办单 of `items` as of `today`, headed by the office's name."""
    body = fonts.font_name(fonts.roles[FontRole.FANGSONG])
    bold = fonts.font_name(fonts.roles[FontRole.HEITI])
    title_style = ParagraphStyle("title", fontName=bold, fontSize=18, leading=26, alignment=1)
    line_style = ParagraphStyle("line", fontName=body, fontSize=11, leading=16)
    cell_style = ParagraphStyle("cell", fontName=body, fontSize=10, leading=14)
    head = ["督办", "案件", "事项", "期限", "情况"]
    rows: list[list[object]] = [[Paragraph(h, cell_style) for h in head]]
    for item in items:
        o = item.obligation
        rows.append([
            Paragraph(item.level.label, cell_style),
            Paragraph(o.case_number or "—", cell_style),
            Paragraph(f"{o.what}<br/><font size=8>{_escape(o.note)}</font>", cell_style),
            Paragraph(o.due.isoformat(), cell_style),
            Paragraph(days_text(item.days), cell_style),
        ])
    table = Table(rows, colWidths=[18 * mm, 28 * mm, 76 * mm, 24 * mm, 24 * mm], repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
    ]
    for row, item in enumerate(items, start=1):
        style.append(("BACKGROUND", (0, row), (-1, row), _SHADE[item.level]))
    table.setStyle(TableStyle(style))
    red = sum(1 for i in items if i.level is Level.red)
    summary = (f"{authority}　截至 {chinese_date(today)}，"
               f"待办事项 {len(items)} 项，其中逾期 {red} 项。")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title="督办单", leftMargin=20 * mm,
                            rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm)
    story: list[object] = [Paragraph("督办单", title_style), Spacer(1, 4 * mm),
                           Paragraph(_escape(summary), line_style), Spacer(1, 4 * mm), table]
    doc.build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
