"""Helpers the subcommands share: reading JSON input, opening the database, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from nanmu_desktop.errors import Problem, ValidationError

if TYPE_CHECKING:
    from nanmu_desktop.storage.db import Database


def read_json_source(source: str) -> object:
    """The JSON value in file `source` (`-` = standard input); bad JSON names line and column."""
    name = "标准输入" if source == "-" else source
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError([Problem(name, "不是 UTF-8 编码的文本")]) from None
    if not text.strip():
        raise ValidationError([Problem(name, "内容为空，应为 JSON")])
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ValidationError(
            [Problem(name, f"不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列附近）")]
        ) from None


def database_path(args: argparse.Namespace) -> Path:
    from nanmu_desktop.paths import default_db_path

    path: Path = args.db or default_db_path()
    return path


def open_cli_database(args: argparse.Namespace, *, create: bool = True) -> Database:
    """Open (and upgrade) the database named by `--db`, `NANMU_DB` or the default; a command
    that only reads passes `create=False` and never makes a file. Warnings (a network share)
    go to stderr."""
    from nanmu_desktop.storage.db import open_database

    db = open_database(database_path(args), create=create)
    for warning in db.warnings:
        sys.stderr.write(f"警告：{warning}\n")
    return db


def print_json(value: object) -> None:
    """Indented JSON with Chinese as is; dates as ISO text, money as numbers."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_plain) + "\n")


def _plain(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, tuple | frozenset):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
