"""Where the database file lives: a network share is detected so the clerk is warned.

SQLite's own guidance (https://www.sqlite.org/useovernet.html, "How To Corrupt An SQLite
Database File" §2): WAL needs shared memory on one host, so it does not work over a network
file system, and the file locks of network file systems are often broken — two machines
writing one file can corrupt it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "9p", "ceph", "glusterfs",
     "fuse.sshfs", "fuse.rclone", "davfs", "fuse.davfs2", "webdav", "lustre"}
)
# FUSE file systems that stay on this machine; any other fuse.* (sshfs, rclone, gvfs …) may not.
LOCAL_FUSE_TYPES = frozenset(
    {"fuse.lxcfs", "fuse.portal", "fuse.appimagefuse", "fuse.gocryptfs", "fuse.encfs",
     "fuse.bindfs", "fuse.mergerfs", "fuse.snapfuse"}
)
README_SECTION = "多台电脑共用（单位服务器）"
SQLITE_REASON = (
    "SQLite 说明：WAL 日志模式依赖同一台计算机上的共享内存，不能用于网络文件系统；"
    "网络文件系统的文件锁常有缺陷，多台计算机同时写入可能损坏数据库。"
    "本次以传统日志模式打开；请尽快把数据库移到本机磁盘，其他电脑通过备份取用。"
)
SERVER_ADVICE = (
    "几台电脑要共用同一套数据时，请改用单位服务器（PostgreSQL），"
    f"见 README 的“{README_SECTION}”一节（可用 migrate-to 把现有数据迁过去）。"
)


def is_unc(text: str) -> bool:
    """A Windows network path: \\\\server\\share\\… or //server/share/…"""
    return len(text) > 2 and text[:2] in ("\\\\", "//") and text[2] not in "\\/?."


def fs_type_from_mounts(path: str, mounts_text: str) -> str | None:
    """The file-system type of the mount (from /proc/mounts text) that holds `path`."""
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = path == mount_point or path.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def is_network_fs(kind: str) -> bool:
    """A file-system type (as /proc/self/mounts names it) whose files live on another machine."""
    if kind in NETWORK_FS_TYPES or kind.startswith("nfs"):
        return True
    return kind.startswith("fuse.") and kind not in LOCAL_FUSE_TYPES


def network_location(path: Path, mounts_text: str | None = None) -> str | None:
    """A short Chinese description when `path` is on a network share, else None.

    `mounts_text` stands in for /proc/self/mounts (tests); on Windows a UNC path or a mapped
    drive that GetDriveTypeW calls DRIVE_REMOTE counts."""
    text = str(path)
    if is_unc(text):
        return f"网络共享路径 {text}"
    resolved = os.path.realpath(text if path.exists() else str(path.parent))
    if mounts_text is None:
        if sys.platform == "win32":
            return _windows_remote_drive(resolved)
        try:
            mounts_text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    kind = fs_type_from_mounts(resolved, mounts_text)
    if kind is not None and is_network_fs(kind):
        return f"网络文件系统（{kind}）"
    return None


def _windows_remote_drive(resolved: str) -> str | None:
    import ctypes

    drive = os.path.splitdrive(resolved)[0]
    if not drive:
        return None
    drive_remote = 4  # DRIVE_REMOTE
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined,unused-ignore]
    return f"网络驱动器 {drive}" if kind == drive_remote else None


def network_warning(path: Path, mounts_text: str | None = None) -> str | None:
    """One Chinese paragraph (no line break: the CLI prints it as one stderr line)."""
    where = network_location(path, mounts_text)
    if where is None:
        return None
    return f"数据库文件“{path}”位于{where}。{SQLITE_REASON}{SERVER_ADVICE}"
