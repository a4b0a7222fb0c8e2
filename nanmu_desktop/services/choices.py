"""The coded values a case carries: accepted by English code or by Chinese label (as an
import file written by the office has them), stored as the vocabulary's code."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from nanmu_desktop.domain import vocabulary
from nanmu_desktop.domain.lifecycle import CaseStatus, check_transition
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import ConflictError


def _codes(members: Iterable[Any]) -> dict[str, str]:
    """code → code and label → code for a vocabulary enum whose members have `.label`."""
    mapping: dict[str, str] = {}
    for member in members:
        mapping[member.value] = member.value
        mapping[member.label] = member.value
    return mapping


def label(kind: str, code: str | None) -> str:
    """The Chinese label of a stored code (`kind`: source, enforcement_type, field)."""
    if not code:
        return ""
    enum = _ENUMS[kind]
    try:
        return str(enum(code).label)
    except ValueError:
        return code


@cache
def sources() -> dict[str, str]:
    return _codes(vocabulary.CaseSource)


@cache
def enforcement_types() -> dict[str, str]:
    return _codes(vocabulary.EnforcementType)


@cache
def fields() -> dict[str, str]:
    return _codes(vocabulary.EnforcementField)


@cache
def statuses() -> dict[str, str]:
    """code or label → status code."""
    mapping: dict[str, str] = {}
    for status in CaseStatus:
        mapping[status.value] = status.value
        mapping[status.label] = status.value
    return mapping


@cache
def outcomes() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for outcome in Outcome:
        mapping[outcome.value] = outcome.value
        mapping[outcome.label] = outcome.value
    return mapping


def next_statuses(current: CaseStatus, outcome: Outcome | None) -> list[CaseStatus]:
    """The statuses the lifecycle allows from `current` for a case with this outcome."""
    allowed = []
    for target in CaseStatus:
        try:
            check_transition(current, target, outcome)
        except ConflictError:
            continue
        allowed.append(target)
    return allowed


_ENUMS: dict[str, Any] = {
    "source": vocabulary.CaseSource,
    "enforcement_type": vocabulary.EnforcementType,
    "field": vocabulary.EnforcementField,
}
