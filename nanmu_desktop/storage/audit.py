"""Audit trail: every service writes one row per change; rows form a SHA-256 hash chain.

A row's hash covers its content and the previous row's hash, so editing, removing or
inserting a row anywhere but at the end breaks verification (`verify_chain`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import GENESIS_HASH, AuditEntry, utc_now


def canonical_json(value: Any) -> str | None:
    """Stable JSON (sorted keys, no spaces, dates as ISO text) or None for None."""
    if value is None:
        return None
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain
    )


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"cannot audit a value of type {type(value).__name__}")


def entry_hash(
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before_json: str | None,
    after_json: str | None,
    prev_hash: str,
) -> str:
    content = [at.isoformat(), actor, action, entity, entity_id, before_json, after_json, prev_hash]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def record(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | str,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one audit row in the caller's transaction (so it commits or rolls back with it).

    `before`/`after` are plain JSON-able values (dicts of the changed fields). Call it from a
    `Database.write_session()` when several writers may race: the chain's unique `prev_hash`
    makes the loser fail rather than fork the chain.
    """
    last = session.scalars(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev_hash = last or GENESIS_HASH
    at = utc_now()
    before_json, after_json = canonical_json(before), canonical_json(after)
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before_json=before_json,
        after_json=after_json,
        prev_hash=prev_hash,
        hash=entry_hash(
            at, actor, action, entity, str(entity_id), before_json, after_json, prev_hash
        ),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainBreak:
    """Where verification failed: the row id and what is wrong with it (Chinese)."""

    entry_id: int
    problem: str


def verify_chain(entries: Iterable[AuditEntry]) -> list[ChainBreak]:
    """Check rows given in id order; an empty list means the chain holds."""
    breaks = []
    expected_prev = GENESIS_HASH
    for entry in entries:
        if entry.prev_hash != expected_prev:
            breaks.append(ChainBreak(entry.id, "与前一条记录的链接不符（记录被删除或插入）"))
        recomputed = entry_hash(
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
            entry.prev_hash,
        )
        if recomputed != entry.hash:
            breaks.append(ChainBreak(entry.id, "内容与校验值不符（记录被篡改）"))
        expected_prev = entry.hash
    return breaks


def history(session: Session, entity: str, entity_id: int | str) -> list[AuditEntry]:
    """The audit rows of one record, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(query))
