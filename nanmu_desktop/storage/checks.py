"""Health checks of a database file, for the `check` command and the settings page."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import LargeBinary, cast, select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.vocabulary import DocumentKind

from .audit import meta_value, verify_chain
from .backends import backend_of
from .chain_key import ChainKeyError, load_key
from .db import Database
from .models import AuditEntry, IssuedDocument, NumberHighWater, NumberRegister

MAX_LISTED = 10  # problems named in a result's details before "等 N 处"
# The protective triggers of the migrations: a missing one means someone dropped it.
EXPECTED_TRIGGERS = (
    "audit_log_no_delete",
    "audit_log_no_update",
    "cases_unindex",
    "document_voids_no_delete",
    "document_voids_no_update",
    "integrity_meta_no_delete",
    "integrity_meta_no_update",
    "issued_documents_no_delete",
    "issued_documents_no_update",
    "number_high_water_no_delete",
    "number_high_water_no_lower",
    "number_register_no_delete",
    "number_register_no_update",
    "number_register_raises_high_water",
)
# PostgreSQL's TRUNCATE skips row triggers: its own refusals guard the same tables there.
EXPECTED_POSTGRESQL_TRIGGERS = tuple(
    f"{table}_no_truncate"
    for table in (
        "audit_log",
        "document_voids",
        "integrity_meta",
        "issued_documents",
        "number_high_water",
        "number_register",
    )
)


@dataclass(frozen=True)
class CheckResult:
    label: str  # Chinese, what was checked
    ok: bool
    details: str  # Chinese; empty when all is well


def run_checks(db: Database) -> list[CheckResult]:
    """Every check, in a fixed order, each in its own read transaction."""
    checks: tuple[Callable[[Session], CheckResult], ...] = (
        _integrity,
        _foreign_keys,
        _triggers,
        _audit_chain,
        _number_register,
        _high_water,
        _documents_registered,
        _documents_audited,
        _pdf_digests,
    )
    results = []
    for check in checks:
        with db.session() as session:
            results.append(check(session))
    return results


def _summary(problems: list[str]) -> str:
    shown = "；".join(problems[:MAX_LISTED])
    extra = len(problems) - MAX_LISTED
    return f"{shown}；等共 {len(problems)} 处" if extra > 0 else shown


def _result(label: str, problems: list[str]) -> CheckResult:
    return CheckResult(label, not problems, _summary(problems))


def _integrity(session: Session) -> CheckResult:
    # SQLite: PRAGMA integrity_check; PostgreSQL: invalid indexes, amcheck when installed.
    return _result("数据库文件结构完整性", backend_of(session).structure_problems(session))


def _foreign_keys(session: Session) -> CheckResult:
    return _result("记录之间的引用关系", backend_of(session).foreign_key_problems(session))


def _triggers(session: Session) -> CheckResult:
    backend = backend_of(session)
    present = backend.trigger_names(session)
    expected = EXPECTED_TRIGGERS + (
        EXPECTED_POSTGRESQL_TRIGGERS if backend.name == "postgresql" else ()
    )
    missing = [f"保护触发器 {name} 不存在（被删除）" for name in expected
               if name not in present]
    return _result("防改保护触发器齐全", missing)


def _audit_chain(session: Session) -> CheckResult:
    label = "审计日志防篡改校验"
    database_id = meta_value(session, "database_id")
    marked = meta_value(session, "chain_keyed_from")
    try:
        key = load_key(database_id) if database_id else None
    except ChainKeyError as err:
        return _result(label, [err.message])
    problems = []
    if database_id is None:
        problems.append("数据库标识缺失（integrity_meta 被改动）")
    if marked is not None and key is None:
        problems.append(
            f"本机没有本数据库的审计密钥（数据库标识 {database_id}），第 {marked} 条起无法校验；"
            "请用 secret import 导入恢复单"
        )
    if key is not None and marked != str(key.keyed_from):
        problems.append(
            f"数据库中记载的签名起点（{marked}）与密钥文件（第 {key.keyed_from} 条）不符"
        )
    entries = session.scalars(
        select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    )
    breaks = verify_chain(entries, key)
    problems += [f"第 {b.entry_id} 条：{b.problem}" for b in breaks]
    return _result(label, problems)


def restored_gaps(session: Session) -> dict[tuple[str, int], set[int]]:
    """Numbers drawn in a timeline a restore left behind: gaps the restore row accounts for."""
    gaps: dict[tuple[str, int], set[int]] = defaultdict(set)
    rows = session.scalars(select(AuditEntry.after_json).where(AuditEntry.action == "restore"))
    for after in rows:
        for mark in json.loads(after or "{}").get("carried_marks", []):
            key = (str(mark["prefix"]), int(mark["year"]))
            gaps[key] |= set(range(int(mark["from"]) + 1, int(mark["to"]) + 1))
    return gaps


def _number_register(session: Session) -> CheckResult:
    seqs: dict[tuple[str, int], list[int]] = defaultdict(list)
    query = select(NumberRegister.prefix, NumberRegister.year, NumberRegister.seq)
    for prefix, year, seq in session.execute(query):
        seqs[(prefix, year)].append(seq)
    accounted = restored_gaps(session)
    problems = []
    for (prefix, year), found in sorted(seqs.items()):
        present = set(found) | accounted.get((prefix, year), set())
        duplicates = sorted(s for s, n in Counter(found).items() if n > 1)
        missing = sorted(set(range(1, max(present) + 1)) - present)
        if duplicates:
            problems.append(f"{prefix}〔{year}〕重号：{_numbers(duplicates)}")
        if missing:
            problems.append(f"{prefix}〔{year}〕缺号：{_numbers(missing)}")
    return _result("文号登记连续、无重号", problems)


def _documents_registered(session: Session) -> CheckResult:
    registered = {
        (prefix, year, seq): document_id
        for prefix, year, seq, document_id in session.execute(
            select(
                NumberRegister.prefix,
                NumberRegister.year,
                NumberRegister.seq,
                NumberRegister.document_id,
            )
        )
    }
    problems = []
    # The 审批表 is an internal form filed under its case number: it has no 文号 to register.
    query = select(
        IssuedDocument.id,
        IssuedDocument.number,
        IssuedDocument.prefix,
        IssuedDocument.year,
        IssuedDocument.seq,
    ).where(IssuedDocument.kind != DocumentKind.determination_worksheet.value)
    for document_id, number, prefix, year, seq in session.execute(query):
        if registered.get((prefix, year, seq)) != document_id:
            problems.append(f"公文 {number} 未在文号登记中登记")
    return _result("已签发公文均已登记文号", problems)


def _high_water(session: Session) -> CheckResult:
    """The mark never falls below what was drawn: a deleted last register row shows here,
    and so does a lowered mark (the keyed audit chain keeps every number issued)."""
    register: dict[tuple[str, int], int] = {}
    for prefix, year, seq in session.execute(
        select(NumberRegister.prefix, NumberRegister.year, NumberRegister.seq)
    ):
        register[(prefix, year)] = max(seq, register.get((prefix, year), 0))
    marks = {
        (prefix, year): seq
        for prefix, year, seq in session.execute(
            select(NumberHighWater.prefix, NumberHighWater.year, NumberHighWater.seq)
        )
    }
    audited: dict[tuple[str, int], int] = {}
    for after in session.scalars(
        select(AuditEntry.after_json).where(
            AuditEntry.action == "issue", AuditEntry.entity == "issued_document"
        )
    ):
        data = json.loads(after or "{}")
        if {"prefix", "year", "seq"} <= data.keys():
            key = (str(data["prefix"]), int(data["year"]))
            audited[key] = max(int(data["seq"]), audited.get(key, 0))
    problems = []
    for key in sorted(set(register) | set(marks) | set(audited)):
        prefix, year = key
        mark, last = marks.get(key, 0), register.get(key, 0)
        drawn = max(last, audited.get(key, 0))
        if drawn > mark:
            problems.append(
                f"{prefix}〔{year}〕最高号记录为 {mark}号，但已签发至 {drawn}号（被降低）"
            )
        elif last < mark and not _accounted(session, key, last, mark):
            problems.append(
                f"{prefix}〔{year}〕文号登记止于 {last}号，但曾签发至 {mark}号（登记被删除）"
            )
    return _result("文号最高号未被降低（文号不会重用）", problems)


def _accounted(session: Session, key: tuple[str, int], last: int, mark: int) -> bool:
    return set(range(last + 1, mark + 1)) <= restored_gaps(session).get(key, set())


def _documents_audited(session: Session) -> CheckResult:
    audited = set(
        session.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.action == "issue", AuditEntry.entity == "issued_document"
            )
        )
    )
    problems = [
        f"公文 {number} 没有签发审计记录"
        for document_id, number in session.execute(select(IssuedDocument.id, IssuedDocument.number))
        if str(document_id) not in audited
    ]
    return _result("已签发公文均有审计记录", problems)


def _pdf_digests(session: Session) -> CheckResult:
    problems = []
    # CAST: bytes edited with a plain SQLite tool may have become TEXT.
    query = select(
        IssuedDocument.number, cast(IssuedDocument.pdf, LargeBinary), IssuedDocument.sha256
    ).order_by(IssuedDocument.id)
    for number, pdf, digest in session.execute(query.execution_options(yield_per=50)):
        if hashlib.sha256(bytes(pdf or b"")).hexdigest() != digest:
            problems.append(f"公文 {number} 的存档 PDF 与签发时的校验值不符（被改动）")
    return _result("已签发公文 PDF 未被改动", problems)


def _numbers(seqs: list[int]) -> str:
    listed = "、".join(f"{s}号" for s in seqs[:MAX_LISTED])
    return listed + (f" 等 {len(seqs)} 个" if len(seqs) > MAX_LISTED else "")
