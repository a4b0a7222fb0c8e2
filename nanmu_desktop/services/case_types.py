"""The plain frozen records the case services take and return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from nanmu_desktop.services.officers import OfficerInfo


@dataclass(frozen=True)
class CaseInput:
    """What the clerk enters when registering or editing a case. Codes are vocabulary values."""

    source: str
    enforcement_type: str
    field: str
    occurred_on: date | None
    reported_on: date | None
    description: str
    officer_ids: tuple[int, ...]
    title: str = ""
    loss_text: str = ""
    loss_amount: Decimal | None = None  # 元
    impact: str = ""
    remedial_actions: str = ""


@dataclass(frozen=True)
class CaseOfficerInfo:
    officer: OfficerInfo
    role: str  # party (当事人) / responsible (负责人)


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    case_id: int
    file_name: str
    mime_type: str
    size: int
    sha256: str
    description: str
    added_at: datetime


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    number: str
    title: str
    summary: str  # the first characters of the description
    officers: str  # names joined with 、
    department: str  # departments of the case's officers, joined with 、
    source: str
    source_label: str
    enforcement_type: str
    field: str
    field_label: str
    occurred_on: date
    reported_on: date
    status: str
    status_label: str
    outcome: str | None
    outcome_label: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    title: str
    source: str
    source_label: str
    enforcement_type: str
    enforcement_type_label: str
    field: str
    field_label: str
    occurred_on: date
    reported_on: date
    description: str
    loss_text: str
    loss_amount: Decimal | None
    impact: str
    remedial_actions: str
    status: str
    status_label: str
    outcome: str | None
    outcome_label: str
    closed_on: date | None
    created_at: datetime
    updated_at: datetime
    officers: tuple[CaseOfficerInfo, ...]
    attachments: tuple[AttachmentInfo, ...]
    allowed_statuses: tuple[str, ...] = ()  # what change_status accepts next
    # 第十四条: a tolerated case is not recorded as an enforcement error (from the decision).
    not_an_enforcement_error: bool = False
    reference_date: date | None = None  # selects the regulation version (default: occurred_on)
    reference_reason: str = ""
    version: int = 1  # the row's version: a form saves with it, a stale one is refused


@dataclass(frozen=True)
class CasePage:
    """One page of the case list and how many cases match in all."""

    rows: tuple[CaseSummary, ...]
    total: int
