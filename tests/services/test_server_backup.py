"""Backups of a server database: pg_dump/pg_restore found or named when missing, the password
kept off the command line, and (with a test server) a dump restored with the marks carried."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.backup import BackupError, backup_database
from nanmu_desktop.services.cases import find_case
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import issue_document, list_documents
from nanmu_desktop.services.office_move import migrate_office, open_location
from nanmu_desktop.services.restore import inspect_backup
from nanmu_desktop.services.server_backup import (
    BIN_ENV,
    ServerToolError,
    find_tool,
    tool_connection,
)
from nanmu_desktop.services.server_restore import restore_server
from nanmu_desktop.storage.db import Database


def test_a_missing_tool_is_named_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BIN_ENV, str(tmp_path))
    with pytest.raises(ServerToolError, match="pg_dump") as caught:
        find_tool("pg_dump")
    assert BIN_ENV in caught.value.message


def test_the_password_goes_by_environment_not_arguments() -> None:
    url = make_url("postgresql+psycopg://nanmu:s3cret@db.example:5433/office")
    connection = tool_connection(url)
    assert "s3cret" not in " ".join(connection.args)
    assert connection.env["PGPASSWORD"] == "s3cret"
    assert "--host=db.example" in connection.args and "--port=5433" in connection.args
    assert "--dbname=office" in connection.args and "--username=nanmu" in connection.args
    socket = tool_connection(make_url("postgresql+psycopg://nanmu@/office?host=/run/pg"))
    assert "--host=/run/pg" in socket.args and "PGPASSWORD" not in socket.env


def test_a_server_backup_without_the_tool_fails_clearly(
    demo: Database, tmp_path: Path, empty_server_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate_office(demo, empty_server_db)
    server = open_location(empty_server_db)
    monkeypatch.setenv(BIN_ENV, str(tmp_path))
    folder = tmp_path / "backups"
    folder.mkdir()
    try:
        with pytest.raises(BackupError, match="pg_dump"):
            backup_database(server, folder)
    finally:
        server.close()
    assert list(folder.iterdir()) == []


def test_a_server_dump_restores_and_keeps_the_marks(
    demo: Database, tmp_path: Path, empty_server_db: str
) -> None:
    migrate_office(demo, empty_server_db)
    server = open_location(empty_server_db)
    try:
        info = backup_database(server, tmp_path)
        assert info.path.suffix == ".dump"
        summary = inspect_backup(info.path)
        documents = list_documents(server)
        assert summary.cases == 12 and summary.documents == len(documents)
        assert summary.last_number == max(documents, key=lambda d: d.id).number
        case_id = find_case(server, "RC-2026-001").id
        target = DocumentTarget(DocumentKind.notification, case_id)
        later = issue_document(server, target, on=date.today()).number
        (tmp_path / "kept").mkdir()
        result = restore_server(server, info.path, keep_folder=tmp_path / "kept")
        assert result.kept is not None and result.kept.path.exists()
        assert result.summary.problems == () and result.carried
        assert later not in {d.number for d in list_documents(server)}
        again = issue_document(server, target, on=date.today()).number
        assert again != later  # a number issued after the dump is never issued again
    finally:
        server.close()
