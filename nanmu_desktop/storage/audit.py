"""Audit trail: every service writes one row per change; rows form a keyed hash chain.

A row's hash covers its content and the previous row's hash, so editing, removing or
inserting a row anywhere but at the end breaks verification (`verify_chain`). From the row
named in the key file on, the hash is an HMAC with a secret kept outside the database
(`chain_key.py`), so a plain SQLite tool cannot recompute it; rows written before the key
existed stay plain SHA-256.
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

from .chain_key import ChainKey, ChainKeyError, create_key, load_key, mac
from .models import GENESIS_HASH, AuditEntry, IntegrityMeta, utc_now

# session.info keys: the hash a new key uses; the changes an operation made (OpChanges).
CHAIN_HASH_INFO = "nanmu_chain_hash"
CHANGES_INFO = "nanmu_changes"


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
    key: ChainKey | None = None,
) -> str:
    content = [at.isoformat(), actor, action, entity, entity_id, before_json, after_json, prev_hash]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
    if key is not None:
        return mac(key, encoded)
    return hashlib.sha256(encoded).hexdigest()


def meta_value(session: Session, name: str) -> str | None:
    return session.scalar(select(IntegrityMeta.value).where(IntegrityMeta.key == name))


def chain_key_of(session: Session) -> ChainKey | None:
    """The key this database's chain is verified with, when this machine has it."""
    database_id = meta_value(session, "database_id")
    return load_key(database_id) if database_id else None


def signing_key(session: Session) -> ChainKey | None:
    """The key new rows are signed with; made on the first write (under the write lock).

    None only for a database older than the integrity migration (during migrations)."""
    database_id = meta_value(session, "database_id")
    if database_id is None:
        return None
    key = load_key(database_id)
    marked = meta_value(session, "chain_keyed_from")
    if key is None:
        if marked is not None:
            raise ChainKeyError(
                f"本数据库的审计记录自第 {marked} 条起以密钥签名，但本机没有该密钥"
                f"（数据库标识 {database_id}）。请先用 `secret import` 导入审计密钥恢复单。"
            )
        last_id = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        algorithm = session.info.get(CHAIN_HASH_INFO, "sha256")
        key = create_key(database_id, (last_id or 0) + 1, algorithm)
    if marked is None:
        session.add(IntegrityMeta(key="chain_keyed_from", value=str(key.keyed_from)))
    return key


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
    key = signing_key(session)
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
            at, actor, action, entity, str(entity_id), before_json, after_json, prev_hash, key
        ),
    )
    session.add(entry)
    session.flush()
    session.info.setdefault(CHANGES_INFO, []).append((entity, str(entity_id), action))
    return entry


@dataclass(frozen=True)
class ChainBreak:
    """Where verification failed: the row id and what is wrong with it (Chinese)."""

    entry_id: int
    problem: str


def verify_chain(entries: Iterable[AuditEntry], key: ChainKey | None = None) -> list[ChainBreak]:
    """Check rows given in id order; an empty list means the chain holds.

    With `key`, rows from `key.keyed_from` on must carry the HMAC: a row recomputed with plain
    SHA-256 is named as tampered."""
    breaks = []
    expected_prev = GENESIS_HASH
    for entry in entries:
        if entry.prev_hash != expected_prev:
            breaks.append(ChainBreak(entry.id, "与前一条记录的链接不符（记录被删除或插入）"))
        fields = (
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
            entry.prev_hash,
        )
        keyed = key is not None and entry.id >= key.keyed_from
        # Before the key's first row a row may be plain (written before the key existed) or
        # keyed (a copy of the file written after); from it on, only the HMAC holds.
        accepted = {entry_hash(*fields, key)} if keyed else {entry_hash(*fields)}
        if key is not None and not keyed:
            accepted.add(entry_hash(*fields, key))
        if entry.hash not in accepted:
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
