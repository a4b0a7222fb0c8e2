"""Pieces every service shares: the default actor, lookups that raise NotFoundError, money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from nanmu_desktop.errors import NotFoundError
from nanmu_desktop.services.access import acting_name
from nanmu_desktop.services.validate import INT64_MAX
from nanmu_desktop.storage.audit import record

DEFAULT_ACTOR = "经办人"

M = TypeVar("M")


def lookup(session: Session, model: type[M], entity_id: int) -> M | None:
    """The row with this id, or None; an id SQLite cannot hold names no row (and would
    overflow the query)."""
    return session.get(model, entity_id) if 0 < entity_id <= INT64_MAX else None


def fetch(session: Session, model: type[M], entity_id: int, what: str) -> M:
    """The row with this id, or NotFoundError naming what was looked for (e.g. 案件)."""
    row = lookup(session, model, entity_id)
    if row is None:
        raise NotFoundError(f"找不到{what}（编号 {entity_id}）")
    return row


def audit(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Write the audit row of this change inside the caller's transaction, named after the
    logged-in user when there is one."""
    record(session, acting_name(session, actor), action, entity, str(entity_id), before, after)


def fen_from_yuan(amount: Decimal | None) -> int | None:
    return None if amount is None else int((amount * 100).to_integral_value())


def yuan_from_fen(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100


def parse_yuan(value: object) -> Decimal | None:
    """Money in yuan from a number or numeric text; None when it is not one."""
    if isinstance(value, bool):
        return None
    try:
        # An int goes in whole: str() of one with thousands of digits raises ValueError.
        amount = Decimal(value) if isinstance(value, int | Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
