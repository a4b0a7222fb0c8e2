"""Loading the regulation from `resources/regulations/<version>.json`, checked field by field.

A revised regulation is just another file; the newest by issue date is the default.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from nanmu_desktop.domain.regulation import (
    Article,
    Chapter,
    Guidance,
    Item,
    Paragraph,
    Regulation,
)
from nanmu_desktop.errors import NanmuError, NotFoundError
from nanmu_desktop.paths import resources_dir

SUPPORTED_FORMAT = 1
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
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RegulationFormatError(path, "$", f"无法读取（{exc}）") from exc
    except json.JSONDecodeError as exc:
        raise RegulationFormatError(path, "$", f"不是合法的 JSON（第{exc.lineno}行）") from exc
    return _Reader(path).regulation(data)


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
        if self.get(data, "format", int, "$") != SUPPORTED_FORMAT:
            raise self.fail("$.format", f"不支持的格式版本，应为 {SUPPORTED_FORMAT}")
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
        return Regulation(
            version=self.text(data, "version", "$"),
            title=self.text(data, "title", "$"),
            number=self.text(data, "number", "$"),
            issuer=self.text(data, "issuer", "$"),
            header=self.text(data, "header", "$"),
            header_mongolian=self.get(data, "header_mongolian", str, "$"),
            signer=self.text(data, "signer", "$"),
            issue_date=self.day(data, "issue_date", "$"),
            effective_date=self.day(data, "effective_date", "$"),
            trial=self.get(data, "trial", bool, "$"),
            chapters=tuple(read_chapters),
            guidance=self.each(data, "guidance", "$", self.guidance),
        )

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


_TYPE_NAMES: dict[type, str] = {
    str: "文字", int: "整数", bool: "true/false", list: "数组", dict: "对象",
}
