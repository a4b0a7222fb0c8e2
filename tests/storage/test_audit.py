"""The audit hash chain: appended in the caller's transaction, tampering detected."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from db_backends import raw_connection, server_database_url
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from nanmu_desktop.storage import Database, open_database
from nanmu_desktop.storage.audit import (
    canonical_json,
    chain_key_of,
    history,
    record,
    verify_chain,
)
from nanmu_desktop.storage.chain_key import ChainKey
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.models import GENESIS_HASH, AuditEntry, Department


def _write_three(db: Database) -> None:
    with db.session() as session:
        record(session, "文书甲", "create", "case", 1, None, {"status": "registered"})
    with db.session() as session:
        record(
            session,
            "文书甲",
            "update",
            "case",
            1,
            {"status": "registered"},
            {"status": "investigating"},
        )
    with db.session() as session:
        record(session, "文书乙", "create", "officer", 7, None, {"name": "莫日根"})


def _key(db: Database) -> ChainKey | None:
    with db.session() as session:
        return chain_key_of(session)


def _entries(db: Database) -> list[AuditEntry]:
    with db.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_rows_link_each_to_the_previous(db: Database) -> None:
    _write_three(db)
    entries = _entries(db)
    assert entries[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert verify_chain(entries, _key(db)) == []
    assert entries[1].before_json == '{"status":"registered"}'


def test_history_lists_one_records_rows_oldest_first(db: Database) -> None:
    _write_three(db)
    with db.session() as session:
        rows = history(session, "case", 1)
        assert [r.action for r in rows] == ["create", "update"]


def test_the_audit_row_rolls_back_with_its_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Department(name="社会事务办公室"))
        record(session, "文书甲", "create", "department", 1, None, {"name": "社会事务办公室"})
        raise RuntimeError("保存失败")
    assert _entries(db) == []


def test_two_rows_cannot_claim_the_same_predecessor(db: Database) -> None:
    _write_three(db)
    last = _entries(db)[-1]
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(
            AuditEntry(
                at=last.at,
                actor="x",
                action="x",
                entity="x",
                entity_id="1",
                prev_hash=last.prev_hash,
                hash="f" * 64,
            )
        )


def test_canonical_json_is_stable_and_readable() -> None:
    assert canonical_json({"b": 1, "a": "容错"}) == '{"a":"容错","b":1}'
    assert canonical_json(None) is None


def _tampered_copy(db: Database, tmp_path: Path, sql: str) -> Path | str:
    """A copy of the file with the protecting triggers dropped and `sql` applied (on
    PostgreSQL the database itself, as its owner would)."""
    db.close()
    if db.backend.name == "postgresql":
        with raw_connection(db) as raw:
            raw.execute("DROP TRIGGER audit_log_no_update ON audit_log")
            raw.execute("DROP TRIGGER audit_log_no_delete ON audit_log")
            raw.execute(sql)
        return server_database_url(db)
    copy = tmp_path / "tampered.sqlite3"
    shutil.copyfile(db.path, copy)
    with sqlite3.connect(copy) as raw:
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("DROP TRIGGER audit_log_no_delete")
        raw.execute(sql)
    return copy


@pytest.mark.parametrize(
    ("sql", "broken_id", "problem"),
    [
        ('UPDATE audit_log SET after_json = \'{"status":"closed"}\' WHERE id = 2', 2, "篡改"),
        ("UPDATE audit_log SET actor = '他人' WHERE id = 1", 1, "篡改"),
        ("DELETE FROM audit_log WHERE id = 2", 3, "删除"),
    ],
)
def test_tampering_is_detected(
    db: Database, tmp_path: Path, sql: str, broken_id: int, problem: str
) -> None:
    _write_three(db)
    copy = open_database(_tampered_copy(db, tmp_path, sql))
    try:
        breaks = verify_chain(_entries(copy), _key(copy))
        audit = next(r for r in run_checks(copy) if r.label == "审计日志防篡改校验")
    finally:
        copy.close()
    assert breaks and breaks[0].entry_id == broken_id
    assert problem in breaks[0].problem
    assert not audit.ok
    assert f"第 {broken_id} 条" in audit.details
