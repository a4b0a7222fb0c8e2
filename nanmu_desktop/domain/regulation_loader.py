"""Loading the regulation from `resources/regulations/<version>.json`, checked field by field.

A revised regulation is just another file; the newest by issue date is the default.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from nanmu_desktop.domain.citations import Citation
from nanmu_desktop.domain.facts import CONDITION_KEYS, ITEM_COUNTS
from nanmu_desktop.domain.outcomes import Ground
from nanmu_desktop.domain.regulation import (
    Article,
    Chapter,
    Guidance,
    Item,
    Paragraph,
    Regulation,
)
from nanmu_desktop.domain.rulebook import (
    FLAG_GROUPS,
    LIST_GROUPS,
    PARAMETER_LABELS,
    DatedValue,
    GroundRule,
    Parameter,
    Rulebook,
)
from nanmu_desktop.errors import NanmuError, NotFoundError
from nanmu_desktop.paths import resources_dir

SUPPORTED_FORMATS = (1, 2)  # 2 adds the rulebook; a format-1 file has text only
T = TypeVar("T")


class RegulationFormatError(NanmuError):
    """A regulation file that cannot be used; the message names the file and the JSON path."""

    def __init__(self, file: Path, json_path: str, problem: str) -> None:
        super().__init__(f"规定文件 {file.name} 格式错误：{json_path} {problem}")
        self.file = file
        self.json_path = json_path


def regulations_dir() -> Path:
    return resources_dir() / "regulations"


def available_versions(directory: Path | None = None) -> tuple[str, ...]:
    """Version ids of the regulation files, oldest first (by issue date, then id).

    Cached like the files themselves: the folder is read once per process (the engine asks
    for the default version on every call); `clear_cache()` forgets both.
    """
    return _versions_cached((directory or regulations_dir()).resolve())


def clear_cache() -> None:
    """Forget loaded files and version lists, e.g. after a new version file was installed."""
    _versions_cached.cache_clear()
    _load_cached.cache_clear()
    _bundled_newest.cache_clear()


@lru_cache(maxsize=1)
def _bundled_newest() -> Regulation:
    # The engine's default on every call: skip even the path lookups.
    return load_regulation(None, regulations_dir())


@lru_cache(maxsize=16)
def _versions_cached(folder: Path) -> tuple[str, ...]:
    dated = [(_load_cached(folder, p.stem).issue_date, p.stem) for p in folder.glob("*.json")]
    return tuple(version for _, version in sorted(dated))


def load_regulation(version: str | None = None, directory: Path | None = None) -> Regulation:
    """The regulation `version` (default: the newest); cached, so every caller shares one."""
    if version is None and directory is None:
        return _bundled_newest()
    folder = directory or regulations_dir()
    if version is None:
        versions = available_versions(folder)
        if not versions:
            raise NotFoundError(f"未找到任何规定文件（{folder}）")
        version = versions[-1]
    return _load_cached(folder.resolve(), version)


def in_force(versions: Iterable[Regulation], on: date) -> Regulation:
    """The version in force on `on`: the newest whose effective date is not after it.

    A date before every version (conduct before the regulation took effect) gets the first
    version; the caller warns about it (`before_first_version`).
    """
    ordered = sorted(versions, key=lambda r: (r.effective_date, r.issue_date, r.version))
    if not ordered:
        raise NotFoundError("未找到任何规定版本")
    chosen = ordered[0]
    for regulation in ordered:
        if regulation.effective_date <= on:
            chosen = regulation
    return chosen


def before_first_version(regulation: Regulation, on: date) -> str:
    """A warning when `on` lies before `regulation` took effect, else ""."""
    if on >= regulation.effective_date:
        return ""
    return (f"参照日期 {on.isoformat()} 早于{regulation.number}的施行日期"
            f"（{regulation.effective_date.isoformat()}），请核实是否适用。")


def bundled_in_force(on: date) -> Regulation:
    """`in_force` among the bundled version files."""
    return in_force((load_regulation(v) for v in available_versions()), on)


@lru_cache(maxsize=16)
def _load_cached(folder: Path, version: str) -> Regulation:
    path = folder / f"{version}.json"
    if not path.is_file():
        raise NotFoundError(f"未找到规定版本“{version}”")
    regulation = load_regulation_file(path)
    if regulation.version != version:
        raise RegulationFormatError(path, "$.version", f"应与文件名一致（{version}）")
    return regulation


def load_regulation_file(path: Path) -> Regulation:
    """Read and check one file, uncached; RegulationFormatError names where it is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegulationFormatError(path, "$", f"无法读取（{exc}）") from exc
    return load_regulation_text(text, path)


def load_regulation_text(text: str, source: Path) -> Regulation:
    """A version from its JSON text (a file's, or the copy kept in a database)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegulationFormatError(source, "$", f"不是合法的 JSON（第{exc.lineno}行）") from exc
    return _Reader(source).regulation(data)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> RegulationFormatError:
        return RegulationFormatError(self.path, where, problem)

    def get(self, obj: Any, key: str, kind: type[T], where: str) -> T:
        if not isinstance(obj, dict):
            raise self.fail(where, "应为 JSON 对象")
        if key not in obj:
            raise self.fail(f"{where}.{key}", "缺少此字段")
        value = obj[key]
        # bool is an int; a number field must not accept true/false.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{where}.{key}", f"类型应为 {_TYPE_NAMES.get(kind, kind.__name__)}")
        return value

    def text(self, obj: Any, key: str, where: str) -> str:
        value = self.get(obj, key, str, where)
        if not value.strip():
            raise self.fail(f"{where}.{key}", "不能为空")
        return value

    def day(self, obj: Any, key: str, where: str) -> date:
        try:
            return date.fromisoformat(self.text(obj, key, where))
        except ValueError:
            raise self.fail(f"{where}.{key}", "应为 YYYY-MM-DD 格式的日期") from None

    def each(self, obj: Any, key: str, where: str, read: Callable[[Any, str], T]) -> tuple[T, ...]:
        values = self.get(obj, key, list, where)
        return tuple(read(value, f"{where}.{key}[{i}]") for i, value in enumerate(values))

    def numbered(self, obj: Any, where: str, expected: int) -> int:
        number = self.get(obj, "number", int, where)
        if number != expected:
            raise self.fail(f"{where}.number", f"应为 {expected}（编号须连续）")
        return number

    def regulation(self, data: Any) -> Regulation:
        if self.get(data, "format", int, "$") not in SUPPORTED_FORMATS:
            raise self.fail("$.format", f"不支持的格式版本，应为 {SUPPORTED_FORMATS[-1]}")
        chapters = self.each(data, "chapters", "$", lambda c, w: c)
        next_article = 1
        read_chapters: list[Chapter] = []
        for index, chapter in enumerate(chapters):
            where = f"$.chapters[{index}]"
            articles = self.get(chapter, "articles", list, where)
            read_articles = tuple(
                self.article(a, f"{where}.articles[{i}]", next_article + i)
                for i, a in enumerate(articles)
            )
            if not read_articles:
                raise self.fail(f"{where}.articles", "不能为空")
            next_article += len(read_articles)
            read_chapters.append(Chapter(
                self.numbered(chapter, where, index + 1), self.text(chapter, "title", where),
                read_articles,
            ))
        if not read_chapters:
            raise self.fail("$.chapters", "不能为空")
        regulation = Regulation(
            version=self.text(data, "version", "$"),
            title=self.text(data, "title", "$"),
            number=self.text(data, "number", "$"),
            issuer=self.text(data, "issuer", "$"),
            header=self.text(data, "header", "$"),
            header_mongolian=self.get(data, "header_mongolian", str, "$"),
            signer=self.get(data, "signer", str, "$"),  # 下行文 carry no 签发人
            issue_date=self.day(data, "issue_date", "$"),
            effective_date=self.day(data, "effective_date", "$"),
            trial=self.get(data, "trial", bool, "$"),
            chapters=tuple(read_chapters),
            guidance=self.each(data, "guidance", "$", self.guidance),
        )
        if "rulebook" not in data:
            return replace(regulation, structure_problems=("未载明认定规则",))
        rulebook = self.rulebook(data["rulebook"], "$.rulebook")
        problems = structure_problems(regulation, rulebook)
        if problems:
            return replace(regulation, structure_problems=problems)
        return replace(regulation, rulebook=rulebook)

    def citation(self, obj: Any, where: str) -> Citation:
        if not isinstance(obj, str):
            raise self.fail(where, "应为条款引用，如“第十条第一款”")
        try:
            return Citation.parse(obj)
        except ValueError:
            raise self.fail(where, f"不是条款引用：{obj}") from None

    def rulebook(self, obj: Any, where: str) -> Rulebook:
        facts = self.get(obj, "facts", dict, where)
        units = {}
        for group in (*FLAG_GROUPS, *LIST_GROUPS):
            if group not in facts:
                raise self.fail(f"{where}.facts.{group}", "缺少此字段")
            units[group] = self.citation(facts[group], f"{where}.facts.{group}")
        grounds_obj = self.get(obj, "grounds", dict, where)
        grounds = {}
        for ground in Ground:
            at = f"{where}.grounds.{ground.value}"
            rule = self.get(grounds_obj, ground.value, dict, f"{where}.grounds")
            modality = self.text(rule, "modality", at)
            if modality not in MODALITIES:
                raise self.fail(f"{at}.modality", "应为 应当、可以 或 不予")
            cited = self.get(rule, "units", list, at)
            grounds[ground] = GroundRule(ground, modality, tuple(
                self.citation(c, f"{at}.units[{i}]") for i, c in enumerate(cited)
            ))
        params_obj = self.get(obj, "parameters", dict, where)
        parameters = {}
        for name in params_obj:
            at = f"{where}.parameters.{name}"
            if name not in PARAMETER_LABELS:
                raise self.fail(at, "未知参数")
            dated = self.each(params_obj, name, f"{where}.parameters", self.dated_value)
            if not dated or list(dated) != sorted(dated, key=lambda d: d.start):
                raise self.fail(at, "应按起始日期先后列出至少一个取值")
            parameters[name] = Parameter(name, dated)
        return Rulebook(MappingProxyType(units), MappingProxyType(grounds),
                        MappingProxyType(parameters))

    def dated_value(self, obj: Any, where: str) -> DatedValue:
        value = self.get(obj, "value", int, where)
        if value < 1:
            raise self.fail(f"{where}.value", "应为正整数")
        return DatedValue(self.day(obj, "from", where), value)

    def article(self, obj: Any, where: str, expected: int) -> Article:
        number = self.numbered(obj, where, expected)
        paragraphs = self.each(obj, "paragraphs", where, lambda p, w: p)
        if not paragraphs:
            raise self.fail(f"{where}.paragraphs", "不能为空")
        return Article(number, tuple(
            self.paragraph(p, f"{where}.paragraphs[{i}]", i + 1) for i, p in enumerate(paragraphs)
        ))

    def paragraph(self, obj: Any, where: str, number: int) -> Paragraph:
        items = self.get(obj, "items", list, where)
        read_items = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{where}.items[{i}]", "应为非空文字")
            read_items.append(Item(i + 1, item))
        return Paragraph(number, self.text(obj, "text", where), tuple(read_items))

    def guidance(self, obj: Any, where: str) -> Guidance:
        if self.text(obj, "kind", where) != "guidance":
            raise self.fail(f"{where}.kind", "应为 guidance（指导说明，非规定原文）")
        return Guidance(
            key=self.text(obj, "key", where),
            title=self.text(obj, "title", where),
            article=self.get(obj, "article", int, where),
            source=self.text(obj, "source", where),
            text=self.text(obj, "text", where),
        )


MODALITIES = ("应当", "可以", "不予")


def structure_problems(regulation: Regulation, rulebook: Rulebook) -> tuple[str, ...]:
    """Article by article, where the text does not fit the rulebook's fact groups."""
    problems: list[str] = []
    expected = {**ITEM_COUNTS, "art10_conditions": len(CONDITION_KEYS)}
    for group, unit in rulebook.units.items():
        try:
            found = regulation.resolve(unit)
        except NotFoundError:
            problems.append(f"缺少{unit}")
            continue
        if group == "exclusion":
            continue
        paragraph = found.paragraphs[0] if isinstance(found, Article) else found
        if isinstance(found, Article) and len(found.paragraphs) != 1:
            problems.append(f"{unit}有{len(found.paragraphs)}款，认定规则只适用于一款")
        elif isinstance(paragraph, Paragraph) and len(paragraph.items) != expected[group]:
            problems.append(f"{unit}有{len(paragraph.items)}项，认定规则需要{expected[group]}项")
    for rule in rulebook.grounds.values():
        for cited in rule.units:
            try:
                regulation.resolve(cited)
            except NotFoundError:
                problems.append(f"缺少{cited}")
    return tuple(dict.fromkeys(problems))


_TYPE_NAMES: dict[type, str] = {
    str: "文字", int: "整数", bool: "true/false", list: "数组", dict: "对象",
}
