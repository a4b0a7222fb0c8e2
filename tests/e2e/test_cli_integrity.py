"""Tamper evidence through `check` as a process: a row edited and its chain recomputed with
plain SHA-256, a dropped trigger, changed PDF bytes, a deleted last document — each named;
the audit key's recovery sheet; SM3 where OpenSSL offers it."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from .cli_helpers import assert_refused, run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    done = run_cli("--db", path, "demo")
    assert done.code == 0, done.err
    return path


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "nanmu.sqlite3"
    shutil.copyfile(demo, copy)
    return copy


def plain_hash(row: tuple[object, ...], prev: str) -> str:
    """What a plain SQLite tool can compute: the unkeyed SHA-256 of the row's content."""
    at, actor, action, entity, entity_id, before, after = row
    stamp = str(at).replace(" ", "T")
    content = [stamp, actor, action, entity, entity_id, before, after, prev]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def test_an_edited_row_with_the_chain_recomputed_is_named(db: Path) -> None:
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER audit_log_no_update")
        target = con.execute(
            "SELECT id FROM audit_log WHERE action = 'decide' ORDER BY id LIMIT 1"
        ).fetchone()[0]
        con.execute(
            "UPDATE audit_log SET after_json = replace(after_json, 'exempt', 'not_tolerated') "
            "WHERE id = ?", (target,))
        prev = con.execute("SELECT prev_hash FROM audit_log WHERE id = ?", (target,)).fetchone()[0]
        rows = con.execute(
            "SELECT id, at, actor, action, entity, entity_id, before_json, after_json "
            "FROM audit_log WHERE id >= ? ORDER BY id", (target,)).fetchall()
        for row_id, *content in rows:  # recompute the chain from there on, as an intruder would
            digest = plain_hash(tuple(content), prev)
            con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                        ("p" + str(row_id), "h" + str(row_id), row_id))
            con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                        (prev, digest, row_id))
            prev = digest
        con.execute("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, '审计日志不可修改或删除'); END")
    done = run_cli("--db", db, "check")
    assert done.code == 1
    assert "[未通过] 审计日志防篡改校验" in done.out
    assert f"第 {target} 条：内容与校验值不符" in done.out


def test_a_dropped_trigger_is_named(db: Path) -> None:
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER issued_documents_no_update")
    done = run_cli("--db", db, "check")
    assert done.code == 1
    assert "保护触发器 issued_documents_no_update 不存在" in done.out


def test_changed_pdf_bytes_are_named(db: Path) -> None:
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER issued_documents_no_update")
        query = "SELECT number FROM issued_documents ORDER BY id LIMIT 1"
        number = con.execute(query).fetchone()[0]
        con.execute("UPDATE issued_documents SET pdf = pdf || x'20' WHERE number = ?", (number,))
    done = run_cli("--db", db, "check")
    assert f"公文 {number} 的存档 PDF 与签发时的校验值不符" in done.out


def test_a_deleted_last_document_is_named_and_its_number_never_reused(db: Path) -> None:
    with sqlite3.connect(db) as con:
        for name in ("issued_documents_no_delete", "number_register_no_delete"):
            con.execute(f"DROP TRIGGER {name}")
        doc_id, number, seq = con.execute(
            "SELECT id, number, seq FROM issued_documents ORDER BY seq DESC LIMIT 1").fetchone()
        con.execute("DELETE FROM number_register WHERE document_id = ?", (doc_id,))
        con.execute("DELETE FROM issued_documents WHERE id = ?", (doc_id,))
    done = run_cli("--db", db, "check")
    assert f"文号登记止于 {seq - 1}号，但曾签发至 {seq}号" in done.out
    assert "保护触发器 number_register_no_delete 不存在" in done.out
    out = db.parent / "next.pdf"
    issued = run_cli("--db", db, "notice", "--case", "RC-2026-001", "--kind", "notification",
                     "-o", out, "--issue")
    assert issued.code == 0, issued.err
    assert issued.out.strip() != number
    assert issued.out.strip().endswith(f"{seq + 1}号")


def test_the_recovery_sheet_names_the_key_and_import_refuses_another_databases(
    db: Path, tmp_path: Path
) -> None:
    sheet = run_cli("--db", db, "secret", "show")
    assert sheet.code == 0, sheet.err
    assert "审计密钥恢复单" in sheet.out and "HMAC-SHA256" in sheet.out
    exported = tmp_path / "key.json"
    assert run_cli("--db", db, "secret", "export", "-o", exported).code == 0
    other = tmp_path / "other.sqlite3"
    assert run_cli("--db", other, "demo").code == 0
    assert_refused(run_cli("--db", other, "secret", "import", exported))


def test_a_key_missing_on_this_machine_fails_check_and_is_restored_by_import(
    db: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "key.json"
    assert run_cli("--db", db, "secret", "export", "-o", exported).code == 0
    elsewhere = {"NANMU_CONFIG_DIR": str(tmp_path / "another-machine")}
    missing = run_cli("--db", db, "check", env=elsewhere)
    assert "本机没有本数据库的审计密钥" in missing.out
    assert_refused(run_cli("--db", db, "case", "reference", "RC-2026-001", "--date",
                           "2026-01-01", "--reason", "补正", env=elsewhere))
    assert run_cli("--db", db, "secret", "import", exported, env=elsewhere).code == 0
    assert run_cli("--db", db, "check", env=elsewhere).code == 0


@pytest.mark.skipif("sm3" not in hashlib.algorithms_available, reason="OpenSSL without SM3")
def test_sm3_is_offered_for_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "sm3.sqlite3"
    env = {"NANMU_CONFIG_DIR": str(tmp_path / "config")}
    assert run_cli("--db", path, "secret", "init", "--hash", "sm3", env=env).code == 0
    assert run_cli("--db", path, "demo", env=env).code == 0
    assert "HMAC-SM3" in run_cli("--db", path, "secret", "show", env=env).out
    assert run_cli("--db", path, "check", env=env).code == 0
