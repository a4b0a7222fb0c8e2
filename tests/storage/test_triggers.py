"""Issued documents, voids, the number register and the audit log refuse UPDATE and DELETE,
even through a raw connection (sqlite3, psycopg) that knows nothing of the application; on
PostgreSQL TRUNCATE too."""

from __future__ import annotations

import hashlib

import pytest
from db_backends import raw_connection, raw_errors

from nanmu_desktop.errors import ConflictError
from nanmu_desktop.storage import Database
from nanmu_desktop.storage.audit import record
from nanmu_desktop.storage.models import DocumentVoid, IssuedDocument, NumberRegister

PROTECTED = {
    "issued_documents": "title = '改过的标题'",
    "document_voids": "reason = '改过的理由'",
    "number_register": "seq = seq + 100",
    "audit_log": "actor = '他人'",
}


@pytest.fixture
def filled(db: Database) -> Database:
    pdf = b"%PDF-1.4 issued"
    with db.write_session() as session:
        document = IssuedDocument(
            kind="exemption-decision",
            number="鄂政发〔2026〕1号",
            prefix="鄂政发",
            year=2026,
            seq=1,
            title="关于关某某同志容错免责的决定",
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            signer="刘晓伟",
        )
        session.add(document)
        session.flush()
        session.add(NumberRegister(prefix="鄂政发", year=2026, seq=1, document_id=document.id))
        session.add(DocumentVoid(document_id=document.id, reason="当事人姓名有误", actor="文书"))
        record(session, "文书", "issue", "issued_document", document.id, None, {"seq": 1})
    db.close()
    return db


@pytest.mark.parametrize("table", sorted(PROTECTED))
def test_raw_update_is_refused(filled: Database, table: str) -> None:
    with raw_connection(filled) as raw:
        with pytest.raises(raw_errors(), match="不可修改或删除"):
            raw.execute(f"UPDATE {table} SET {PROTECTED[table]}")
        assert raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1


@pytest.mark.parametrize("table", sorted(PROTECTED))
def test_raw_delete_is_refused(filled: Database, table: str) -> None:
    with raw_connection(filled) as raw:
        with pytest.raises(raw_errors(), match="不可修改或删除"):
            raw.execute(f"DELETE FROM {table}")
        if filled.backend.name == "postgresql":  # TRUNCATE skips row triggers: refused apart
            with pytest.raises(raw_errors(), match="不可修改或删除"):
                raw.execute(f"TRUNCATE {table} CASCADE")
        assert raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1


def test_the_orm_cannot_change_an_issued_document_either(db: Database) -> None:
    pdf = b"%PDF-1.4"
    with db.session() as session:
        document = IssuedDocument(
            kind="notification",
            number="鄂政发〔2026〕2号",
            prefix="鄂政发",
            year=2026,
            seq=2,
            title="容错认定结果告知书",
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            signer="刘晓伟",
        )
        session.add(document)
    refusal = "已签发的公文不可修改"
    with pytest.raises(ConflictError, match=refusal) as refused, db.session() as session:
        stored = session.get(IssuedDocument, document.id)
        assert stored is not None
        stored.title = "改过的标题"
    # The clerk reads the refusal alone (PostgreSQL's CONTEXT lines are left out).
    assert refused.value.message == "已签发的公文不可修改或删除，如需更正请另行发文"
