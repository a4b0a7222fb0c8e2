"""Helpers the subcommands share: reading JSON input, opening the database, printing JSON."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from nanmu_desktop.errors import Problem, ValidationError

if TYPE_CHECKING:
    from nanmu_desktop.storage.db import Database


def read_json_source(source: str) -> object:
    """The JSON value in file `source` (`-` = standard input), read by `json_input`'s rules."""
    from nanmu_desktop.json_input import read_json_bytes

    name = "标准输入" if source == "-" else source
    raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    return read_json_bytes(raw, name)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def terminal_line(text: str) -> str:
    """`text` fit for one line of a terminal: control characters (escape sequences, line
    breaks) from the user's own input are shown as `\\x1b`, never acted on."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def database_path(args: argparse.Namespace) -> Path:
    from nanmu_desktop.paths import default_db_path

    path: Path = args.db or default_db_path()
    return path


def open_cli_database(args: argparse.Namespace, *, create: bool = True) -> Database:
    """Open (and upgrade) the database named by `--db`, `NANMU_DB` or the default, logged in as
    `--user` when given (password from NANMU_PASSWORD or a prompt); a command that only reads
    passes `create=False` and never makes a file. Warnings (a network share) go to stderr."""
    from nanmu_desktop.storage.db import open_database

    db = open_database(database_path(args), create=create)
    for warning in db.warnings:
        sys.stderr.write(f"警告：{warning}\n")
    name = getattr(args, "user", None)
    if name:
        from nanmu_desktop.services.users import authenticate

        try:
            db.user = authenticate(db, name, read_password(f"用户“{name}”的密码："))
        except BaseException:
            db.close()
            raise
    return db


def read_password(prompt: str, env: str = "NANMU_PASSWORD") -> str:
    """The password from the environment variable `env`, else asked without echo."""
    import getpass
    import os

    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise ValidationError([Problem("密码", f"未输入密码（可设置环境变量 {env}）")]) from None


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
