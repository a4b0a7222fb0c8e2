"""Where things live: bundled resources (also inside a PyInstaller bundle) and user data."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

APP_NAME = "NanmuDesktop"
APP_AUTHOR = "Nanmu"
DB_ENV = "NANMU_DB"
CONFIG_ENV = "NANMU_CONFIG_DIR"  # the user configuration folder, when not the usual one (tests)
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
SERVER_FILE = "server.json"  # the saved 单位服务器 address, without its password
PASS_FILE = "pgpass"  # its password, in PostgreSQL's .pgpass format (0600)


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, under _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def default_db_path() -> Path:
    """`NANMU_DB` when set, else `nanmu.sqlite3` in the user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return user_data_dir() / "nanmu.sqlite3"


def user_config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR)


def is_server_location(value: str) -> bool:
    return value.startswith(SERVER_SCHEMES)


def db_location(value: str) -> Path | str:
    """A `--db` argument or NANMU_DB: a server URL stays text, anything else is a file path."""
    return value if is_server_location(value) else Path(value)


def saved_server_location(folder: Path | None = None) -> str | None:
    """The 单位服务器 saved in 设置 (with its password file as libpq's `passfile`), or None.
    Standard library only: the desktop reads it before its window is painted."""
    folder = folder or user_config_dir()
    try:
        url = str(json.loads((folder / SERVER_FILE).read_text(encoding="utf-8"))["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not is_server_location(url):
        return None
    passfile = folder / PASS_FILE
    if passfile.exists():
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "passfile"]
        url = urlunsplit(parts._replace(query=urlencode([*query, ("passfile", str(passfile))])))
    return url


def default_location() -> Path | str:
    """Where to work when `--db` is not given: NANMU_DB, else the saved 单位服务器, else
    `nanmu.sqlite3` in the user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return db_location(env)
    return saved_server_location() or user_data_dir() / "nanmu.sqlite3"


def server_folder(location: str) -> Path:
    """This PC's own folder for a server database (lock, automatic backups, error log)."""
    parts = urlsplit(location)
    query = dict(parse_qsl(parts.query))
    host = parts.hostname or query.get("host", "local")
    name = f"{host}-{parts.path.strip('/')}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._") or "server"
    folder = user_data_dir() / "servers" / safe
    folder.mkdir(parents=True, exist_ok=True)
    return folder
