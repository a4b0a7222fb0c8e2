"""Where things live: bundled resources (also inside a PyInstaller bundle) and user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "NanmuDesktop"
APP_AUTHOR = "Nanmu"
DB_ENV = "NANMU_DB"


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
