"""A neighbour's regulation as it would issue it: the model text under its own name, written to a
.docx with python-docx (and a variant whose 第十条第一款 has one item fewer)."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

SEED = Path(__file__).resolve().parents[1] / "domain" / "data" / "regulation-2024-127.txt"

NEIGHBOUR = "萨马街鄂温克民族乡"
NEIGHBOUR_NUMBER = "萨政发〔2025〕12号"


def neighbour_text(*, drop_art10_item: bool = False) -> str:
    """The seed as 萨马街 would issue it: its name and number, no Mongolian line, 2025-03-01."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if not re.search("[\u1800-\u18af]", line)]
    text = "\n".join(lines)
    text = (text.replace("南木鄂伦春民族乡", NEIGHBOUR)
            .replace("鄂政发〔2024〕127号", NEIGHBOUR_NUMBER)
            .replace("刘晓伟", "王立新")
            .replace("2024年10月29日", "2025年3月1日"))
    if drop_art10_item:
        start = text.index("（七）在解决执法矛盾")
        rest = text[text.index("（八）其他可以容错免责"):]
        text = text[:start] + rest.replace("（八）", "（七）", 1)
    return text


def write_docx(path: Path, text: str) -> Path:
    document = Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path
