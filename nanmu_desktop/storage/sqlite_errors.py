"""Database failures the clerk can act on (SQLite's, and a PostgreSQL lock timeout), turned
into NanmuErrors with a Chinese message.

Only conditions of the file or the machine are translated (busy, disk full, read-only, the
refusal of a protective trigger); any other database error is a bug and propagates as is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from nanmu_desktop.errors import ConflictError, NanmuError

# The messages of the RAISE(ABORT, …) triggers in the migrations all end like this.
TRIGGER_REFUSAL = "不可修改或删除"


class DatabaseBusyError(NanmuError):
    """Another program or window is writing the database right now."""


class DatabaseWriteError(NanmuError):
    """The database file cannot be written (disk full, read-only medium, I/O failure)."""


def describe(err: exc.DBAPIError) -> str:
    """A short Chinese reason for a failure of the database file."""
    message = str(err.orig) if isinstance(err.orig, sqlite3.Error) else str(err)
    if "file is not a database" in message or "malformed" in message:
        return "文件已损坏或不是数据库文件。"
    if "locked" in message or "busy" in message:
        return "数据库正被其他程序占用，请稍后再试。"
    if "full" in message:
        return "磁盘空间不足。"
    if "unable to open" in message or "readonly" in message:
        return "没有读写该文件的权限，或存储介质为只读。"
    if "disk I/O" in message:
        return "读写磁盘出错，请检查存储设备。"
    return f"数据库错误（{message}）。"


def _primary(error: BaseException | None) -> str:
    """The message alone: PostgreSQL adds CONTEXT lines (which PL/pgSQL function raised)."""
    diagnostic = getattr(error, "diag", None)
    primary = getattr(diagnostic, "message_primary", None)
    return str(primary) if primary else str(error)


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise what the clerk can act on as NanmuError; the transaction is already undone."""
    try:
        yield
    except exc.IntegrityError as err:
        message = _primary(err.orig)
        if TRIGGER_REFUSAL in message:
            raise ConflictError(message) from err
        raise
    except exc.OperationalError as err:
        message = str(err.orig)
        if "locked" in message or "busy" in message or "lock timeout" in message:
            raise DatabaseBusyError(
                "数据库正被其他程序或窗口写入，本次操作未保存，请稍后重试。"
            ) from err
        if any(key in message for key in ("full", "readonly", "disk I/O")):
            raise DatabaseWriteError(f"无法写入数据库：{describe(err)}本次操作未保存。") from err
        raise
