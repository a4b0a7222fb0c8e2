"""连接单位服务器: the form or a URL checked, the password kept in a 0600 pgpass file and never in
the saved address, and (with a test server) the connection test naming what is wrong."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.server_backup import tool_connection
from nanmu_desktop.services.server_connection import (
    ServerConnection,
    describe_failure,
    forget_connection,
    parse_connection,
    save_connection,
    saved_location,
    shown_location,
    try_connection,
)
from nanmu_desktop.storage.db import open_database


def test_the_form_is_checked_in_chinese() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_connection("", "99999", "", "", "")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"服务器", "端口", "数据库", "用户名"}
    pasted = parse_connection("", "", "", "", "", "postgresql://clerk:pw@10.0.0.5:5433/office")
    assert pasted == ServerConnection("10.0.0.5", "office", "clerk", "pw", 5433)


def test_the_password_is_kept_apart_readable_by_the_user_only(tmp_path: Path) -> None:
    connection = ServerConnection("db-host", "off:ice", "clerk", "pa:ss\\word")
    saved = save_connection(connection, tmp_path)
    assert "pa:ss" not in saved.read_text(encoding="utf-8")
    assert json.loads(saved.read_text(encoding="utf-8"))["url"].startswith("postgresql://clerk@")
    passfile = tmp_path / "pgpass"
    assert passfile.read_text(encoding="utf-8") == "db-host:5432:off\\:ice:clerk:pa\\:ss\\\\word\n"
    if sys.platform != "win32":
        assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    location = saved_location(tmp_path)
    assert location is not None and make_url(location).query["passfile"] == str(passfile)
    assert "pgpass" not in shown_location(location) and "pa:ss" not in shown_location(location)
    tools = tool_connection(make_url(location))
    assert tools.env["PGPASSFILE"] == str(passfile) and "PGPASSWORD" not in tools.env
    forget_connection(tmp_path)
    assert saved_location(tmp_path) is None and not passfile.exists()


def test_an_unreachable_server_is_reported_not_raised() -> None:
    report = try_connection(ServerConnection("127.0.0.1", "office", "clerk", "pw", 1))
    assert not report.ok and report.kind == "unreachable" and "127.0.0.1:1" in report.message


def test_a_reachable_server_says_what_it_holds(empty_server_db: str) -> None:
    good = parse_connection("", "", "", "", "", empty_server_db)
    report = try_connection(good)
    assert report.ok and "是空的" in report.message
    open_database(empty_server_db).close()
    report = try_connection(good)
    assert report.ok and "与本软件一致" in report.message
    missing = try_connection(ServerConnection(good.host, "no_such_db_x", good.user, "", good.port))
    assert missing.kind == "no_database" and "createdb" in missing.message


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ('FATAL:  password authentication failed for user "clerk"', "wrong_password"),
        ('致命错误:  用户 "clerk" Password 认证失败', "wrong_password"),
        ('FATAL:  database "office" does not exist', "no_database"),
        ('致命错误:  数据库 "office" 不存在', "no_database"),
        ('FATAL:  role "clerk" does not exist', "no_user"),
        ("Connection refused", "unreachable"),
    ],
)
def test_the_server_s_refusal_is_told_in_chinese(reason: str, kind: str) -> None:
    report = describe_failure(reason, ServerConnection("server", "office", "clerk"))
    assert report.kind == kind and not report.ok


def test_the_saved_server_is_where_the_next_start_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nanmu_desktop.paths import CONFIG_ENV, DB_ENV, db_location, default_location

    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path))
    assert isinstance(default_location(), Path)
    save_connection(ServerConnection("10.0.0.5", "office", "clerk", "pw"), tmp_path)
    location = default_location()
    assert isinstance(location, str) and location.startswith("postgresql://clerk@10.0.0.5")
    monkeypatch.setenv(DB_ENV, "postgresql://other@host/db")
    assert default_location() == "postgresql://other@host/db"
    assert db_location("C:/data/nanmu.sqlite3") == Path("C:/data/nanmu.sqlite3")
