"""What a notice says, independent of how it is laid out: the page engine's input.

Builders per document kind compose a `Notice` from a case; the GB/T 9704 page engine turns
it into PDF bytes. Every text field is plain Unicode; the engine chooses fonts by role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import Literal

# "file": the ordinary 文件 format (7.2–7.5); "letter": the 信函 format (10.1) for letters
# to persons and units (函, 告知书 sent to a party).
DocumentFormat = Literal["file", "letter"]


class HeadingLevel(IntEnum):
    """GB/T 9704 7.3.3 heading levels: 一、 （一） 1. （1） in 黑体 / 楷体 / 仿宋 / 仿宋."""

    BODY = 0
    LEVEL1 = 1
    LEVEL2 = 2
    LEVEL3 = 3
    LEVEL4 = 4


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `level` > 0 makes it a heading whose text already carries its marker."""

    text: str
    level: HeadingLevel = HeadingLevel.BODY
    indent_first_line: bool = True


@dataclass(frozen=True)
class Table:
    """A simple bordered table inside the body (worksheet, ledger extracts, risk-point lists)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths_mm: tuple[float, ...] | None = None  # None: equal widths across the 版心
    size: float | None = None  # cell text size in pt; None: 4号 (14 pt)
    min_lines: int = 0  # every row at least this many lines deep (room to write by hand)
    leading: float = 1.5  # cell line pitch in text sizes


Block = Paragraph | Table


@dataclass(frozen=True)
class Appendix:
    """An attachment page (7.3.7) bound with the body: it starts a new page, 「附件N」 in 黑体 on
    line 1, its title centred on line 3, then its blocks. Its title is the name the 附件说明
    lists (the builder puts the same text in `Notice.attachments`)."""

    title: str
    body: tuple[Block, ...]


@dataclass(frozen=True)
class Header:
    """The red header (版头): Mongolian line above the Chinese mark, both red and centred."""

    mark: str  # e.g. 扎兰屯市南木鄂伦春民族乡人民政府文件
    mongolian: str = ""  # traditional Mongolian script; empty = no Mongolian line
    signer: str | None = None  # 签发人 (upward documents): number left, signer right


@dataclass(frozen=True)
class Signature:
    """署名 and 成文日期 (7.3.5); with `sealed` the date is indented 4 characters and room is
    left for the seal, without it the 7.3.5.2 placement applies."""

    authority: str
    date: date
    sealed: bool = False


@dataclass(frozen=True)
class Colophon:
    """版记 (7.4): 抄送 and 印发机关 + 印发日期, with the 0.35/0.25 mm rules."""

    printed_by: str
    printed_on: date
    cc: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provenance:
    """Who issues the document, what kind it is and its date: the PDF's Author, Subject and
    creation date (the title is the notice's own)."""

    authority: str  # the issuing authority, e.g. 扎兰屯市南木鄂伦春民族乡人民政府
    subject: str  # the kind's name, e.g. 容错免责决定书
    issued_on: date  # 成文日期


@dataclass(frozen=True)
class Notice:
    """One official document. `number` is None for a draft (which also gets a 草稿 watermark)."""

    header: Header | None  # None: no red header (e.g. the worksheet form)
    title: str
    body: tuple[Block, ...]
    number: str | None = None
    recipients: tuple[str, ...] = ()  # 主送机关; printed as "A、B：" on the line after the title
    attachments: tuple[str, ...] = ()  # 附件说明
    appendices: tuple[Appendix, ...] = ()  # attachment pages, before the 版记 (7.3.7)
    signature: Signature | None = None
    note: str | None = None  # 附注, printed in full-width parentheses
    colophon: Colophon | None = None
    draft: bool = False
    format: DocumentFormat = "file"
    # People named in the document (officers, signer, parties): lines never break inside them.
    names: tuple[str, ...] = ()
    provenance: Provenance | None = None  # None: taken from the signature and 版记
    # Where each text came from, for the glyph check's message: text -> field name (Chinese).
    sources: dict[str, str] = field(default_factory=dict, compare=False)
