"""A township's own regulation brought in from the text as issued (.txt or .docx).

Two steps, so the clerk sees the structure and the diff against the model before anything is
kept: `prepare_import` reads and parses the file (nothing written), `import_regulation` stores
the prepared version in the database (`regulations.add_version`, audited). The model's rulebook
is attached to the data; the loader keeps it only when the articles fit (`structure_problems`),
otherwise the version can register cases but determinations under it are refused, naming the
article that differs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from nanmu_desktop.domain.regulation import Guidance, Regulation
from nanmu_desktop.domain.regulation_diff import ArticleDiff, compare, summary
from nanmu_desktop.domain.regulation_loader import load_regulation, load_regulation_text
from nanmu_desktop.domain.regulation_text import parse_regulation_text
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.rulebook import rulebook_data
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR
from nanmu_desktop.services.regulations import add_version
from nanmu_desktop.storage.db import Database

SUFFIXES = (".txt", ".docx")


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    regulation: Regulation
    content: str  # the version's JSON, exactly what will be stored
    model: Regulation
    diffs: tuple[ArticleDiff, ...]

    @property
    def usable(self) -> bool:
        return self.regulation.rulebook is not None

    @property
    def problems(self) -> tuple[str, ...]:
        return self.regulation.structure_problems

    @property
    def summary(self) -> str:
        return summary(self.diffs)

    def structure_lines(self) -> list[str]:
        """The chapters with their article span and the 款/项 count of articles that have items."""
        reg = self.regulation
        lines = [
            f"《{reg.title}》（{reg.number}）",
            f"发文机关：{reg.issuer}　成文日期：{reg.issue_date.isoformat()}"
            f"　施行日期：{reg.effective_date.isoformat()}"
            + (f"　签发人：{reg.signer}" if reg.signer else ""),
        ]
        for chapter in reg.chapters:
            first, last = chapter.articles[0], chapter.articles[-1]
            lines.append(f"{chapter.heading}　{first.heading}至{last.heading}")
        for article in reg.articles:
            counts = [len(p.items) for p in article.paragraphs]
            if any(counts):
                shape = "，".join(f"第{i + 1}款{n}项" for i, n in enumerate(counts))
                lines.append(f"    {article.heading}：{len(counts)}款（{shape}）")
        return lines

    def state_line(self) -> str:
        if self.usable:
            return "条款结构与认定规则一致：可以用于认定"
        problems = "；".join(self.problems)
        return f"条款结构与认定规则不一致（{problems}）：可以登记案件，但不能据此认定"


def read_regulation_file(path: Path) -> str:
    """The text of a .txt (UTF-8 or GB18030) or .docx file, one paragraph a line."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise NanmuError(f"只能导入 .txt 或 .docx 格式的规定文本：{path.name}")
    if suffix == ".docx":
        return _docx_text(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NanmuError(f"无法识别文件编码（应为 UTF-8 或 GB18030）：{path.name}")


def _docx_text(path: Path) -> str:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise NanmuError(f"不是有效的 Word（.docx）文件：{path.name}") from exc
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def prepare_import(
    path: Path, *, version: str | None = None, effective_date: date | None = None
) -> ImportPreview:
    """Read, parse and check the file against the model; nothing is written."""
    data = parse_regulation_text(read_regulation_file(path), version=version)
    if effective_date is not None:
        data["effective_date"] = effective_date.isoformat()
    model = load_regulation()
    data["guidance"] = [_guidance_data(g) for g in model.guidance]
    if model.rulebook is not None:
        data["rulebook"] = rulebook_data(
            model.rulebook, date.fromisoformat(data["effective_date"])
        )
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    regulation = load_regulation_text(content, Path(path.name))
    return ImportPreview(path.name, regulation, content, model, compare(model, regulation))


def import_regulation(
    db: Database, preview: ImportPreview, *, actor: str = DEFAULT_ACTOR
) -> Regulation:
    """Keep the prepared version in the database (refused when its id is already held)."""
    require(db, Operation.settings)
    return add_version(db, preview.content, Path(preview.file_name), actor=actor)


def _guidance_data(guidance: Guidance) -> dict[str, Any]:
    return {
        "key": guidance.key, "title": guidance.title, "article": guidance.article,
        "kind": "guidance", "source": guidance.source, "text": guidance.text,
    }
