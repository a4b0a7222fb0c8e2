"""Backups of a server (PostgreSQL) database through PostgreSQL's own tools.

`pg_dump --format=custom` takes a consistent snapshot while every PC keeps working; the file is
read back with `pg_restore --list` before it gets its final name (as a SQLite backup is checked
with quick_check). `pg_restore --clean --single-transaction` puts a dump back: all or nothing.
The tools come with the PostgreSQL client package (Debian/UOS: postgresql-client; Windows: the
PostgreSQL installer's bin folder); when one is missing, the message names it and where to get
it. The password reaches the tools through PGPASSWORD, never the command line (`ps` shows that).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from sqlalchemy.engine import URL

from nanmu_desktop.errors import NanmuError

DUMP_SUFFIX = ".dump"
BIN_ENV = "NANMU_PG_BIN"  # a folder holding pg_dump / pg_restore, when not on PATH
TOOL_TIMEOUT_S = 3600
# Tables whose data a dump of ours always holds.
OUR_TABLES = ("alembic_version", "audit_log", "cases", "number_register")


class ServerToolError(NanmuError):
    """pg_dump / pg_restore missing or failing; the message is Chinese and names the tool."""


def find_tool(name: str) -> Path:
    """pg_dump or pg_restore: from the folder NANMU_PG_BIN names when it is set (only there: the
    office chose that version), else PATH, then the usual install folders."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    folder = os.environ.get(BIN_ENV)
    if folder:
        if (Path(folder) / exe).is_file():
            return Path(folder) / exe
        raise ServerToolError(
            f"在 {BIN_ENV} 指定的文件夹“{folder}”中未找到 PostgreSQL 工具 {name}，"
            "无法备份或恢复服务器数据库。"
        )
    found = shutil.which(name)
    if found:
        return Path(found)
    pattern = (
        r"C:\Program Files\PostgreSQL\*\bin\\" + exe
        if sys.platform == "win32"
        else f"/usr/lib/postgresql/*/bin/{exe}"
    )
    candidates = sorted(glob(pattern), key=_version_key)
    if candidates:
        return Path(candidates[-1])
    raise ServerToolError(
        f"未找到 PostgreSQL 工具 {name}，无法备份或恢复服务器数据库。请安装 PostgreSQL 客户端"
        "（Debian/统信 UOS：apt install postgresql-client；Windows：安装 PostgreSQL 并把其 bin "
        f"文件夹加入 PATH），或用环境变量 {BIN_ENV} 指明其所在文件夹。"
    )


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path)[:2])


@dataclass(frozen=True)
class Connection:
    """What libpq's tools need to reach the database: arguments and environment."""

    args: tuple[str, ...]
    env: Mapping[str, str]


def tool_connection(url: URL) -> Connection:
    env = dict(os.environ)
    env.pop("PGPASSWORD", None)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    query = {k: v if isinstance(v, str) else v[-1] for k, v in url.query.items()}
    if query.get("passfile"):  # the saved connection's password file (server_connection.py)
        env["PGPASSFILE"] = query["passfile"]
    host = url.host or query.get("host")
    port = url.port or query.get("port")
    args = [f"--dbname={url.database or ''}"]
    if host:
        args.append(f"--host={host}")
    if port:
        args.append(f"--port={port}")
    if url.username:
        args.append(f"--username={url.username}")
    args.append("--no-password")  # never wait for a prompt nobody sees
    return Connection(tuple(args), env)


def _run(name: str, args: list[str], env: Mapping[str, str] | None = None) -> str:
    tool = find_tool(name)
    try:
        done = subprocess.run(
            [str(tool), *args],
            capture_output=True,
            env=dict(env) if env is not None else None,
            timeout=TOOL_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ServerToolError(f"{name} 无法运行：{err}") from err
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ServerToolError(f"{name} 失败：{reason[-1] if reason else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def dump(url: URL, target: Path) -> None:
    """A custom-format dump of the whole database into `target` (read back before it counts)."""
    connection = tool_connection(url)
    _run(
        "pg_dump",
        [*connection.args, "--format=custom", "--no-owner", "--no-privileges",
         f"--file={target}"],
        connection.env,
    )
    check_dump(target)


def check_dump(path: Path) -> None:
    """Refuse a file that is not a readable dump of our database."""
    listing = _run("pg_restore", ["--list", str(path)])
    missing = [t for t in OUR_TABLES if not re.search(rf"TABLE DATA \S+ {t} ", listing)]
    if missing:
        names = "、".join(missing)
        raise ServerToolError(f"“{path}”不是本系统服务器数据库的备份（缺少 {names}）。")


def table_rows(path: Path, table: str, wanted: tuple[str, ...]) -> Iterator[dict[str, str | None]]:
    """The `wanted` columns of one table's rows in a dump, as COPY text, without restoring it
    anywhere; streamed (a table of PDFs is never held in memory)."""
    tool = find_tool("pg_restore")
    command = [str(tool), "--data-only", f"--table={table}", "--file=-", str(path)]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError as err:
        raise ServerToolError(f"pg_restore 无法运行：{err}") from err
    assert process.stdout is not None
    positions: list[int] = []
    inside = False
    try:
        for raw in process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if not inside:
                match = re.match(r"COPY \S+ \((.*)\) FROM stdin;", line)
                if match:
                    columns = [c.strip().strip('"') for c in match.group(1).split(",")]
                    positions = [columns.index(name) for name in wanted]
                    inside = True
                continue
            if line == "\\.":
                break
            values = line.split("\t")
            yield {name: None if values[i] == "\\N" else values[i]
                   for name, i in zip(wanted, positions, strict=True)}
    finally:
        process.stdout.close()
        process.kill()
        process.wait()


def restore(url: URL, path: Path) -> None:
    """Replace everything in the database at `url` by the dump: one transaction, all or nothing."""
    connection = tool_connection(url)
    _run(
        "pg_restore",
        [*connection.args, "--clean", "--if-exists", "--single-transaction", "--no-owner",
         "--no-privileges", "--exit-on-error", str(path)],
        connection.env,
    )
