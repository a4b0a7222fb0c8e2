"""Paths and files: a network share is recognised (and opened without WAL, with SQLite's reason),
a read-only open writes nothing, a missing file is not created by a read-only command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nanmu_desktop.errors import DatabaseOpenError
from nanmu_desktop.storage import Database, open_database
from nanmu_desktop.storage.file_location import (
    README_SECTION,
    fs_type_from_mounts,
    is_unc,
    network_warning,
)
from nanmu_desktop.storage.sqlite_errors import DatabaseWriteError

# Files, shares and read-only opens of a SQLite file (a server database has none of these).
pytestmark = pytest.mark.sqlite_only

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/office /mnt/office cifs rw,vers=3.0 0 0
server:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/office/local ext4 rw 0 0
"""


def test_windows_network_paths_are_recognised() -> None:
    assert is_unc(r"\\fileserver\office\nanmu.sqlite3")
    assert is_unc("//fileserver/office/nanmu.sqlite3")
    assert not is_unc(r"C:\Users\clerk\nanmu.sqlite3")
    assert not is_unc(r"\\?\C:\long\path.sqlite3")


def test_the_mount_holding_a_path_gives_its_file_system() -> None:
    assert fs_type_from_mounts("/mnt/office/nanmu.sqlite3", MOUNTS) == "cifs"
    assert fs_type_from_mounts("/srv/nfs/a/b.sqlite3", MOUNTS) == "nfs4"
    assert fs_type_from_mounts("/mnt/office/local/x.sqlite3", MOUNTS) == "ext4"
    assert fs_type_from_mounts("/home/clerk/x.sqlite3", MOUNTS) == "ext4"


SHARES = """\
/dev/nvme0n1p2 / ext4 rw 0 0
//nas/office /media/office smb3 rw 0 0
clerk@server:/srv /home/clerk/remote fuse.sshfs rw 0 0
remote: /home/clerk/cloud fuse.rclone rw 0 0
lxcfs /var/lib/lxcfs fuse.lxcfs rw 0 0
/dev/sdb1 /media/usb vfat rw 0 0
"""


@pytest.mark.parametrize(
    "path",
    ["/media/office/nanmu.sqlite3", "/home/clerk/remote/x/nanmu.sqlite3",
     "/home/clerk/cloud/nanmu.sqlite3", r"\\server\share\nanmu.sqlite3"],
)
def test_a_database_on_a_share_warns_and_names_the_server_section(path: str) -> None:
    warning = network_warning(Path(path), SHARES)
    assert warning is not None
    assert "单位服务器" in warning and README_SECTION in warning and "\n" not in warning


@pytest.mark.parametrize(
    "path", ["/home/clerk/nanmu.sqlite3", "/media/usb/nanmu.sqlite3", "/var/lib/lxcfs/x.sqlite3"]
)
def test_a_database_on_a_local_disk_has_no_warning(path: str) -> None:
    assert network_warning(Path(path), SHARES) is None


def test_a_local_database_has_no_warning(db: Database) -> None:
    assert db.warnings == ()


def test_a_read_only_open_refuses_writes_and_changes_nothing(db: Database) -> None:
    db.close()
    before = db.path.read_bytes()
    reader = open_database(db.path, read_only=True)
    try:
        from nanmu_desktop.services.officers import add_department

        with pytest.raises(DatabaseWriteError):
            add_department(reader, "社会事务办公室")
    finally:
        reader.close()
    assert db.path.read_bytes() == before


def test_a_read_only_command_never_creates_the_file(tmp_path: Path) -> None:
    typo = tmp_path / "nanmu-typo" / "nanmu.sqlite3"
    with pytest.raises(DatabaseOpenError, match="不存在"):
        open_database(typo, create=False)
    assert not typo.parent.exists()


def test_a_foreign_alembic_database_is_refused(tmp_path: Path, migrated_template: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        con.execute("INSERT INTO alembic_version VALUES ('3f2e1d0c')")
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseOpenError, match="其他程序的数据库"):
        open_database(other)
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(migrated_template, newer)
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    with pytest.raises(DatabaseOpenError, match="更新版本"):
        open_database(newer)
