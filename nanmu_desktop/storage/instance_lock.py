"""Who has the database open: a lock file beside it with user, host and process id.

A second copy of the app on the same database is told who holds it and opens read-only or not
at all. A lock left by a process that no longer runs on this host, or not refreshed for
STALE_AFTER on another host, is stale and taken over.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nanmu_desktop.errors import NanmuError

LOCK_SUFFIX = ".nanmu-lock"
STALE_AFTER_S = 10 * 60  # the holder refreshes the file every few minutes
REFRESH_EVERY_S = 60


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user}（计算机 {self.host}，进程 {self.pid}，自 {self.since} 起）"


class DatabaseInUseError(NanmuError):
    """Another running copy of the app holds the database."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        super().__init__(f"数据库“{path}”正由 {holder.describe()} 使用。")
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "未知用户"
    return LockHolder(user, socket.gethostname(), os.getpid(),
                      datetime.now().strftime("%Y-%m-%d %H:%M"))


def read_holder(db_path: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]),
                          str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(db_path: Path, holder: LockHolder | None) -> bool:
    if holder is None:
        return True  # unreadable: a crash while writing it
    if holder.host == socket.gethostname():
        return holder.pid != os.getpid() and not _alive(holder.pid)
    try:
        age = time.time() - lock_path(db_path).stat().st_mtime
    except OSError:
        return True
    return age > STALE_AFTER_S


class InstanceLock:
    """Held while one window has the database open for writing; `release()` on exit."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)

    @classmethod
    def acquire(cls, db_path: Path) -> InstanceLock:
        """Take the lock, or raise DatabaseInUseError naming the holder."""
        lock = cls(db_path)
        for _ in range(3):
            try:
                descriptor = os.open(lock.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_holder(db_path)
                if holder is not None and holder.pid == os.getpid():
                    return lock  # this process already holds it
                if not is_stale(db_path, holder):
                    assert holder is not None
                    raise DatabaseInUseError(db_path, holder) from None
                lock.path.unlink(missing_ok=True)  # stale: the holder is gone
                continue
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(_me().__dict__, ensure_ascii=False))
            return lock
        holder = read_holder(db_path) or _me()
        raise DatabaseInUseError(db_path, holder)

    def refresh(self) -> None:
        """Show other hosts the holder is still there."""
        with contextlib.suppress(OSError):  # a vanished share: the next refresh tries again
            os.utime(self.path)

    def release(self) -> None:
        holder = read_holder(self.db_path)
        if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
            self.path.unlink(missing_ok=True)
