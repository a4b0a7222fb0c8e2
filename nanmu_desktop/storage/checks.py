"""Health checks of a database file, for the `check` command and the settings page."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nanmu_desktop.domain.vocabulary import DocumentKind

from .audit import verify_chain
from .db import Database
from .models import AuditEntry, IssuedDocument, NumberRegister

MAX_LISTED = 10  # problems named in a result's details before "等 N 处"


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
        _audit_chain,
        _number_register,
        _documents_registered,
    )
    results = []
    for check in checks:
        with db.session() as session:
            # Read the schema first: a cached PRAGMA foreign_key_check run as the first
            # statement of a transaction has been seen to report nothing.
            session.execute(text("SELECT count(*) FROM sqlite_master"))
            results.append(check(session))
    return results


def _summary(problems: list[str]) -> str:
    shown = "；".join(problems[:MAX_LISTED])
    extra = len(problems) - MAX_LISTED
    return f"{shown}；等共 {len(problems)} 处" if extra > 0 else shown


def _result(label: str, problems: list[str]) -> CheckResult:
    return CheckResult(label, not problems, _summary(problems))


def _integrity(session: Session) -> CheckResult:
    rows = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    return _result("数据库文件结构完整性", [] if rows == ["ok"] else rows)


def _foreign_keys(session: Session) -> CheckResult:
    rows = session.execute(text("PRAGMA foreign_key_check")).all()
    problems = [
        f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在" for table, rowid, parent, _ in rows
    ]
    return _result("记录之间的引用关系", problems)


def _audit_chain(session: Session) -> CheckResult:
    entries = session.scalars(
        select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    )
    breaks = verify_chain(entries)
    return _result("审计日志防篡改校验", [f"第 {b.entry_id} 条：{b.problem}" for b in breaks])


def _number_register(session: Session) -> CheckResult:
    seqs: dict[tuple[str, int], list[int]] = defaultdict(list)
    query = select(NumberRegister.prefix, NumberRegister.year, NumberRegister.seq)
    for prefix, year, seq in session.execute(query):
        seqs[(prefix, year)].append(seq)
    problems = []
    for (prefix, year), found in sorted(seqs.items()):
        present = set(found)
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


def _numbers(seqs: list[int]) -> str:
    listed = "、".join(f"{s}号" for s in seqs[:MAX_LISTED])
    return listed + (f" 等 {len(seqs)} 个" if len(seqs) > MAX_LISTED else "")
