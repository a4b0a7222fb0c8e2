"""Document wording as data: a TOML file per kind in `resources/templates/` the office may adjust.

A file has a `title`, optional fixed `recipients` (主送) and a list of `[[body]]` blocks. A block
is a paragraph (`text`, optional `level` 1–4 for headings), repeated per element of a list
(`each = "items"`, `{item}` the element), or a table (`table = "name"`, `header = [...]`,
optional `widths` in mm). `when = "flag"` / `when = "!flag"` keeps a block only when the builder
set (or did not set) that flag. Optional `[[note]]` blocks give the 附注 (7.3.6): the first whose
`when` holds is printed. Placeholders are plain `{names}` the builder fills; `{n}` is the
next Chinese ordinal at the block's level (restarting under each heading), so numbering stays
right when conditional blocks drop out.

A copy in the user data folder's `templates/` overrides the bundled file of the same name.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from string import Formatter

from nanmu_desktop.documents.notice_model import Block, HeadingLevel, Paragraph, Table
from nanmu_desktop.domain.citations import chinese_numeral
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.paths import resources_dir, user_data_dir


class TemplateError(NanmuError):
    """A template file is missing or malformed, or names a placeholder the builder does not fill."""


@dataclass(frozen=True)
class BlockSpec:
    text: str = ""
    level: int = 0
    when: str = ""
    each: str = ""
    table: str = ""
    header: tuple[str, ...] = ()
    widths: tuple[float, ...] = ()
    size: float = 0.0  # table text size in pt (0: the engine's 4号)
    min_lines: int = 0  # table rows at least this many lines deep
    leading: float = 1.5  # table line pitch in text sizes


@dataclass(frozen=True)
class Template:
    name: str
    path: Path
    title: str
    body: tuple[BlockSpec, ...]
    recipients: tuple[str, ...] = ()
    notes: tuple[BlockSpec, ...] = ()  # 附注 (7.3.6): the first whose `when` holds is printed


@dataclass(frozen=True)
class Fill:
    """What a builder hands the template: texts, flags, lists (for `each`) and table rows."""

    values: Mapping[str, str]
    flags: frozenset[str] = frozenset()
    lists: Mapping[str, Sequence[str]] = field(default_factory=dict)
    tables: Mapping[str, Sequence[tuple[str, ...]]] = field(default_factory=dict)


@cache
def template_dirs() -> tuple[Path, ...]:
    """Where templates are looked up, first match wins: the office's copies, then the bundled."""
    return (user_data_dir() / "templates", resources_dir() / "templates")


def load_template(name: str, directories: Sequence[Path] | None = None) -> Template:
    for directory in directories if directories is not None else template_dirs():
        path = directory / f"{name}.toml"
        if path.is_file():
            return _load_file(path, path.stat().st_mtime_ns)
    raise TemplateError(f"找不到文书模板“{name}.toml”，请检查安装是否完整。")


@lru_cache(maxsize=64)
def _load_file(path: Path, _mtime_ns: int) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"文书模板“{path.name}”无法读取：{exc}") from exc
    title = data.get("title")
    body = data.get("body")
    if not isinstance(title, str) or not isinstance(body, list):
        raise TemplateError(f"文书模板“{path.name}”缺少 title 或 body。")
    recipients = data.get("recipients", [])
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise TemplateError(f"文书模板“{path.name}”的 recipients 应为文字列表。")
    specs = tuple(_block_spec(path, i, raw) for i, raw in enumerate(body, start=1))
    notes = data.get("note", [])
    if not isinstance(notes, list):
        raise TemplateError(f"文书模板“{path.name}”的 note 应为 [[note]] 块。")
    note_specs = tuple(_block_spec(path, i, raw) for i, raw in enumerate(notes, start=1))
    return Template(
        name=path.stem, path=path, title=title, body=specs, recipients=tuple(recipients),
        notes=note_specs,
    )


def _block_spec(path: Path, index: int, raw: object) -> BlockSpec:
    where = f"文书模板“{path.name}”第{index}个 body 块"
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}格式不正确。")
    known = {"text", "level", "when", "each", "table", "header", "widths", "size", "min_lines",
             "leading"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise TemplateError(f"{where}含有未知的键：{'、'.join(unknown)}。")
    level = raw.get("level", 0)
    if not isinstance(level, int) or not 0 <= level <= 4:
        raise TemplateError(f"{where}的 level 应为 0 至 4 的整数。")
    try:
        spec = BlockSpec(
            text=str(raw.get("text", "")),
            level=level,
            when=str(raw.get("when", "")),
            each=str(raw.get("each", "")),
            table=str(raw.get("table", "")),
            header=tuple(str(h) for h in raw.get("header", ())),
            widths=tuple(float(w) for w in raw.get("widths", ())),
            size=float(raw.get("size", 0.0)),
            min_lines=int(raw.get("min_lines", 0)),
            leading=float(raw.get("leading", 1.5)),
        )
    except (TypeError, ValueError) as exc:
        raise TemplateError(f"{where}格式不正确：{exc}") from exc
    if not spec.text and not spec.table:
        raise TemplateError(f"{where}既无 text 也无 table。")
    return spec


def fill_text(template: Template, text: str, values: Mapping[str, str]) -> str:
    """Replace `{name}` placeholders; only plain names are allowed (no attributes, no formats)."""
    out: list[str] = []
    try:
        parsed = list(Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(f"文书模板“{template.path.name}”中的花括号不成对：{text}") from exc
    for literal, name, spec, conversion in parsed:
        out.append(literal)
        if name is None:
            continue
        if spec or conversion or name not in values:
            raise TemplateError(
                f"文书模板“{template.path.name}”使用了无法填写的占位符“{{{name}}}”。"
            )
        out.append(values[name])
    return "".join(out)


def compose(template: Template, fill: Fill) -> tuple[str, tuple[Block, ...], tuple[str, ...]]:
    """The filled title, body blocks and the template's own recipients."""
    blocks: list[Block] = []
    counters = [0] * 5  # next ordinal per heading level (0 = body)

    def numbered(level: int, text: str, extra: Mapping[str, str]) -> Paragraph:
        if level:
            counters[level + 1 :] = [0] * (4 - level)
            counters[0] = 0
        values = dict(fill.values) | dict(extra)
        if "{n}" in text:
            counters[level] += 1
            values["n"] = chinese_numeral(counters[level])
        return Paragraph(fill_text(template, text, values), HeadingLevel(level))

    for spec in template.body:
        if not _wanted(spec.when, fill.flags):
            continue
        if spec.table:
            blocks.append(_table(template, spec, fill))
        elif spec.each:
            elements = fill.lists.get(spec.each)
            if elements is None:
                raise TemplateError(
                    f"文书模板“{template.path.name}”引用了未知的列表“{spec.each}”。"
                )
            blocks.extend(numbered(spec.level, spec.text, {"item": e}) for e in elements)
        else:
            blocks.append(numbered(spec.level, spec.text, {}))
    recipients = tuple(fill_text(template, r, fill.values) for r in template.recipients)
    return fill_text(template, template.title, fill.values), tuple(blocks), recipients


def compose_note(template: Template, fill: Fill) -> str | None:
    """The 附注 text (without its parentheses), or None when the kind has none."""
    for spec in template.notes:
        if spec.text and _wanted(spec.when, fill.flags):
            return fill_text(template, spec.text, fill.values)
    return None


def _table(template: Template, spec: BlockSpec, fill: Fill) -> Table:
    rows = fill.tables.get(spec.table)
    if rows is None:
        raise TemplateError(f"文书模板“{template.path.name}”引用了未知的表格“{spec.table}”。")
    widths = spec.widths if len(spec.widths) == len(spec.header) else None
    header = tuple(fill_text(template, h, fill.values) for h in spec.header)
    return Table(header=header, rows=tuple(rows), col_widths_mm=widths,
                 size=spec.size or None, min_lines=spec.min_lines, leading=spec.leading)


def _wanted(condition: str, flags: frozenset[str]) -> bool:
    if not condition:
        return True
    if condition.startswith("!"):
        return condition[1:] not in flags
    return condition in flags


@dataclass(frozen=True)
class Wording:
    """Labels shared by every kind (`_wording.toml`): outcome, leniency and conclusion phrases."""

    outcome: Mapping[str, str]
    leniency: Mapping[str, str]
    conclusion: Mapping[str, str]


def load_wording(directories: Sequence[Path] | None = None) -> Wording:
    for directory in directories if directories is not None else template_dirs():
        path = directory / "_wording.toml"
        if path.is_file():
            return _load_wording(path, path.stat().st_mtime_ns)
    raise TemplateError("找不到文书用语文件“_wording.toml”，请检查安装是否完整。")


@lru_cache(maxsize=4)
def _load_wording(path: Path, _mtime_ns: int) -> Wording:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"文书用语文件“{path.name}”无法读取：{exc}") from exc
    tables: dict[str, dict[str, str]] = {}
    for key in ("outcome", "leniency", "conclusion"):
        table = data.get(key)
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise TemplateError(f"文书用语文件“{path.name}”缺少 [{key}] 或其值不是文字。")
        tables[key] = table
    return Wording(tables["outcome"], tables["leniency"], tables["conclusion"])
