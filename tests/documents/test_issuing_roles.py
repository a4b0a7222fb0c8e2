"""Issuing and voiding need the 签发 role once the database has users; the signer is recorded."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from issuing_db import add_case, new_database

from nanmu_desktop.domain.roles import PermissionDeniedError, Role
from nanmu_desktop.domain.vocabulary import DocumentKind as K
from nanmu_desktop.services.documents import DocumentTarget
from nanmu_desktop.services.issuing import issue_document, list_documents, void_document
from nanmu_desktop.services.users import add_user, authenticate
from nanmu_desktop.storage.db import Database

PASSWORD = "nanmu-2026"
DAY = date(2026, 1, 12)


def counts(db: Database) -> tuple[int, int, int, int]:
    with sqlite3.connect(db.path) as raw:
        row = tuple(
            raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("issued_documents", "number_register", "document_voids", "audit_log")
        )
    raw.close()
    return row  # type: ignore[return-value]


def test_a_clerk_cannot_issue_or_void_a_signer_can_and_is_named(tmp_path: Path) -> None:
    db = new_database(tmp_path / "nanmu.sqlite3")
    case_id = add_case(db)
    add_user(db, "王管理", frozenset({Role.admin}), PASSWORD)
    db.user = authenticate(db, "王管理", PASSWORD)
    add_user(db, "张经办", frozenset({Role.clerk}), PASSWORD)
    add_user(db, "赵签发", frozenset({Role.signer}), PASSWORD)
    target = DocumentTarget(K.exemption_decision, case_id)

    db.user = authenticate(db, "张经办", PASSWORD)
    before = counts(db)
    with pytest.raises(PermissionDeniedError, match="签发"):
        issue_document(db, target, on=DAY)
    assert counts(db) == before

    db.user = authenticate(db, "赵签发", PASSWORD)
    issued = issue_document(db, target, on=DAY)
    assert issued.issued_by == "赵签发" and issued.signer == "刘晓伟"  # who signed; who is printed

    db.user = authenticate(db, "张经办", PASSWORD)
    before = counts(db)
    with pytest.raises(PermissionDeniedError, match="作废"):
        void_document(db, issued.number, "主送单位有误")
    assert counts(db) == before

    db.user = authenticate(db, "赵签发", PASSWORD)
    void_document(db, issued.number, "主送单位有误")
    listed = list_documents(db, case_id)
    assert [(d.issued_by, d.voided_by) for d in listed] == [("赵签发", "赵签发")]
    with sqlite3.connect(db.path) as raw:
        rows = raw.execute(
            "SELECT action, actor FROM audit_log WHERE entity = 'issued_document' ORDER BY id"
        ).fetchall()
        register_actor = raw.execute("SELECT actor FROM number_register").fetchone()[0]
    raw.close()
    assert rows == [("issue", "赵签发"), ("void", "赵签发")] and register_actor == "赵签发"
    db.close()
