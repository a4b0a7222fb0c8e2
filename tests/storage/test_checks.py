"""run_checks: all hold on a sound file; each kind of damage is named in Chinese."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from db_backends import raw_execute

from nanmu_desktop.storage import Database
from nanmu_desktop.storage.audit import record
from nanmu_desktop.storage.checks import CheckResult, run_checks
from nanmu_desktop.storage.models import IssuedDocument, NumberRegister


def _by_label(results: list[CheckResult]) -> dict[str, CheckResult]:
    return {result.label: result for result in results}


def _document(seq: int, prefix: str = "鄂政发", year: int = 2026) -> IssuedDocument:
    pdf = f"%PDF {prefix}{year}{seq}".encode()
    return IssuedDocument(
        kind="notification",
        number=f"{prefix}〔{year}〕{seq}号",
        prefix=prefix,
        year=year,
        seq=seq,
        title="容错认定结果告知书",
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        signer="刘晓伟",
    )


def _issue(db: Database, *seqs: int, prefix: str = "鄂政发", year: int = 2026) -> None:
    with db.write_session() as session:
        for seq in seqs:
            document = _document(seq, prefix, year)
            session.add(document)
            session.flush()
            session.add(NumberRegister(prefix=prefix, year=year, seq=seq, document_id=document.id))
            after = {"number": document.number, "prefix": prefix, "year": year, "seq": seq}
            record(session, "签发人", "issue", "issued_document", document.id, None, after)


def test_a_sound_database_passes_every_check(db: Database) -> None:
    _issue(db, 1, 2, 3)
    _issue(db, 1, prefix="萨政发")
    results = run_checks(db)
    assert len(results) == 9
    assert all(r.ok and r.details == "" for r in results), results


def test_gaps_in_the_register_are_named_per_prefix_and_year(db: Database) -> None:
    _issue(db, 1, 2, 5)
    _issue(db, 2, year=2025)
    register = _by_label(run_checks(db))["文号登记连续、无重号"]
    assert not register.ok
    assert "鄂政发〔2026〕缺号：3号、4号" in register.details
    assert "鄂政发〔2025〕缺号：1号" in register.details


def test_a_number_taken_outside_the_app_counts_as_used(db: Database) -> None:
    _issue(db, 1)
    with db.write_session() as session:
        session.add(NumberRegister(prefix="鄂政发", year=2026, seq=2, note="纸质发文，已手工编号"))
    _issue(db, 3)
    assert all(r.ok for r in run_checks(db))


def test_a_document_missing_from_the_register_is_named(db: Database) -> None:
    with db.session() as session:
        session.add(_document(1))
    documents = _by_label(run_checks(db))["已签发公文均已登记文号"]
    assert not documents.ok
    assert "鄂政发〔2026〕1号" in documents.details


@pytest.mark.sqlite_only
def test_broken_references_are_reported(db: Database) -> None:
    with sqlite3.connect(db.path) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute(
            "INSERT INTO officers (name, department_id, post, active, created_at, updated_at)"
            " VALUES ('乌力吉', 99, '', 1, '2026-01-01', '2026-01-01')"
        )
    references = _by_label(run_checks(db))["记录之间的引用关系"]
    assert not references.ok
    assert "officers" in references.details and "departments" in references.details


@pytest.mark.postgresql_only
def test_switched_off_or_dropped_protections_are_named_on_the_server(db: Database) -> None:
    """PostgreSQL's own means: amcheck on the indexes when installed, reference checks and
    triggers switched off (DISABLE TRIGGER) or dropped."""
    _issue(db, 1)
    raw_execute(db, "CREATE EXTENSION IF NOT EXISTS amcheck")
    assert all(r.ok for r in run_checks(db))
    raw_execute(db, "ALTER TABLE issued_documents DISABLE TRIGGER ALL")
    raw_execute(db, "DROP TRIGGER audit_log_no_truncate ON audit_log")
    results = _by_label(run_checks(db))
    assert "表 issued_documents 的引用检查被关闭" in results["记录之间的引用关系"].details
    triggers = results["防改保护触发器齐全"].details
    assert "issued_documents_no_update" in triggers and "audit_log_no_truncate" in triggers
