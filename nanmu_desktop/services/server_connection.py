"""连接单位服务器: the connection a PC keeps to the office's PostgreSQL server.

What is kept, in the user's configuration folder (never in the database):
- `server.json` — the address without the password (host, port, database, user);
- `pgpass` — the password, in PostgreSQL's own `.pgpass` format, readable by this user only
  (0600 on Linux; on Windows the folder is the user's own profile). libpq reads it through the
  `passfile` connection parameter, so the password is never on a command line or in settings.

`try_connection` says in Chinese what a clerk needs to fix: the server not reached, a wrong
password, a database that does not exist, or — when reached — the schema version found.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, exc, text
from sqlalchemy.engine import URL, make_url

from nanmu_desktop.errors import DatabaseOpenError, Problem, ValidationError
from nanmu_desktop.paths import PASS_FILE, SERVER_FILE, saved_server_location
from nanmu_desktop.storage import migrate
from nanmu_desktop.storage.backends.postgresql import display_url, normalise_url
from nanmu_desktop.storage.chain_key import config_dir
from nanmu_desktop.storage.db import check_ours

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerConnection:
    host: str
    database: str
    user: str
    password: str = ""
    port: int = DEFAULT_PORT

    def url(self, *, with_password: bool = False, passfile: Path | None = None) -> str:
        query = {"passfile": str(passfile)} if passfile is not None else {}
        # A socket folder (/run/postgresql) cannot stand in the URL's host part.
        on_socket = self.host.startswith("/")
        if on_socket:
            query |= {"host": self.host, "port": str(self.port)}
        made = URL.create(
            "postgresql",
            username=self.user,
            password=self.password if with_password and self.password else None,
            host=None if on_socket else self.host,
            port=None if on_socket else self.port,
            database=self.database,
            query=query,
        )
        return made.render_as_string(hide_password=False)


def parse_connection(host: str, port: str, database: str, user: str, password: str,
                     url: str = "") -> ServerConnection:
    """The fields of the form, or a pasted postgresql:// URL (which wins), checked."""
    if url.strip():
        try:
            parsed = make_url(normalise_url(url.strip()))
        except exc.ArgumentError as err:
            raise ValidationError([Problem("地址", "地址格式不正确，应如 "
                                           "postgresql://用户@服务器:5432/库名")]) from err
        if not parsed.drivername.startswith("postgresql"):
            raise ValidationError([Problem("地址", "只支持 postgresql:// 开头的地址")])
        host = parsed.host or str(parsed.query.get("host", "") or "")
        port = str(parsed.port or parsed.query.get("port") or DEFAULT_PORT)
        database, user = parsed.database or "", parsed.username or ""
        password = password or (parsed.password or "")
    problems = []
    if not host.strip():
        problems.append(Problem("服务器", "请填写服务器地址（计算机名或 IP 地址）"))
    if not database.strip():
        problems.append(Problem("数据库", "请填写数据库名"))
    if not user.strip():
        problems.append(Problem("用户名", "请填写数据库用户名"))
    number = int(port) if port.strip().isdigit() else 0
    if not 0 < number < 65536:
        problems.append(Problem("端口", "端口应为 1–65535 之间的数字（默认 5432）"))
    if problems:
        raise ValidationError(problems)
    return ServerConnection(host.strip(), database.strip(), user.strip(), password, number)


@dataclass(frozen=True)
class ConnectionReport:
    ok: bool
    kind: str  # reached, unreachable, wrong_password, no_database, no_user, not_ours
    message: str  # Chinese, shown as is


_FAILURES = (  # (kind, patterns in the server's or libpq's message, English or Chinese)
    ("wrong_password", ("password authentication failed", "Password 认证失败", "口令认证失败",
                        "密码认证失败", "no password supplied", "没有提供口令")),
    ("no_database", (r'database ".*" does not exist', r'数据库 ".*" 不存在')),
    ("no_user", (r'role ".*" does not exist', r'角色 ".*" 不存在')),
)


def describe_failure(reason: str, connection: ServerConnection) -> ConnectionReport:
    for kind, patterns in _FAILURES:
        if any(re.search(p, reason) for p in patterns):
            message = {
                "wrong_password": f"已连到服务器，但用户“{connection.user}”的密码不对。",
                "no_database": f"已连到服务器，但服务器上没有数据库“{connection.database}”"
                "（请管理员先用 createdb 建立）。",
                "no_user": f"已连到服务器，但服务器上没有用户“{connection.user}”"
                "（请管理员先用 createuser 建立）。",
            }[kind]
            return ConnectionReport(False, kind, message)
    return ConnectionReport(
        False,
        "unreachable",
        f"无法连接服务器 {connection.host}:{connection.port}：请检查地址和端口、服务器是否开机、"
        f"防火墙是否放行。（{reason}）",
    )


def try_connection(connection: ServerConnection) -> ConnectionReport:
    """Try the connection now (a few seconds at most) and say what was found."""
    url = make_url(normalise_url(connection.url(with_password=True)))
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as db:
            version = db.execute(text("SHOW server_version")).scalar_one()
            tables = set(
                db.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                ).scalars()
            )
            try:
                check_ours(db, tables, f"数据库“{connection.database}”", "该数据库")
            except DatabaseOpenError as err:
                return ConnectionReport(False, "not_ours", f"已连接，但{err.message}")
            current = migrate.current_revision(db)
    except exc.DBAPIError as err:
        reason = str(err.orig).strip().replace("\n", " ") if err.orig else str(err)
        return describe_failure(reason, connection)
    finally:
        engine.dispose()
    found = f"已连接服务器（PostgreSQL {str(version).split()[0]}），数据库“{connection.database}”"
    if current is None:
        return ConnectionReport(True, "reached", f"{found}是空的：首次使用时会建立本系统的结构"
                                "（已有数据可用 migrate-to 迁入）。")
    if current == migrate.head_revision():
        return ConnectionReport(True, "reached", f"{found}的结构版本为 {current}，与本软件一致。")
    return ConnectionReport(True, "reached", f"{found}的结构版本为 {current}，较旧；"
                            f"首次打开时会升级到 {migrate.head_revision()}。")


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def save_connection(connection: ServerConnection, folder: Path | None = None) -> Path:
    """Keep the connection for the next start; returns the file of the address."""
    folder = folder or config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    passfile = folder / PASS_FILE
    if connection.password:
        line = ":".join(_escaped(v) for v in (connection.host, str(connection.port),
                                               connection.database, connection.user,
                                               connection.password))
        descriptor = os.open(passfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(line + "\n")
        os.chmod(passfile, 0o600)  # libpq ignores a password file others can read
    else:
        passfile.unlink(missing_ok=True)
    target = folder / SERVER_FILE
    target.write_text(
        json.dumps({"url": connection.url()}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return target


def forget_connection(folder: Path | None = None) -> None:
    """Back to the database file on this PC at the next start."""
    folder = folder or config_dir()
    for name in (SERVER_FILE, PASS_FILE):
        (folder / name).unlink(missing_ok=True)


def saved_location(folder: Path | None = None) -> str | None:
    """The saved server's URL for `open_database` (the password file named in it), or None."""
    return saved_server_location(folder or config_dir())


def shown_location(location: str) -> str:
    """For titles and messages: no password, no password-file path."""
    url = make_url(normalise_url(location))
    return display_url(url.difference_update_query(["passfile"]).render_as_string(False))
