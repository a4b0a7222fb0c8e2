"""What the case form checks as the clerk types, and where a service's problems are shown.

The service validates again on save (it is the authority); these checks only give instant,
field-by-field feedback. Keys are the form's error slots (`<key>_error` labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from nanmu_desktop.errors import Problem

DESCRIPTION_MAX = 5000
TITLE_MAX = 200

# A service problem's field (Chinese label when not importing) → the form's error slot.
SERVICE_FIELDS: dict[str, str] = {
    "标题": "title",
    "当事执法人员": "officers",
    "来源": "source",
    "执法类型": "enforcement_type",
    "执法领域": "field",
    "发生日期": "dates",
    "登记日期": "dates",
    "情况描述": "description",
    "损失金额": "loss_amount",
}


@dataclass(frozen=True)
class CaseDraft:
    """The form's fields as entered (loss amount still text)."""

    title: str
    officer_ids: tuple[int, ...]
    source: str
    enforcement_type: str
    field: str
    occurred_on: date
    reported_on: date
    description: str
    loss_text: str
    loss_amount_text: str
    impact: str
    remedial_actions: str


def parse_amount(text: str) -> Decimal | None:
    """Yuan from text like "1200.50" or "1,200"; None when empty. Raises ValueError when bad."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as err:
        raise ValueError(cleaned) from err
    if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(cleaned)
    return amount


def check_draft(draft: CaseDraft, today: date) -> dict[str, str]:
    """Every problem of the draft, one message per error slot."""
    problems: dict[str, str] = {}
    if len(draft.title.strip()) > TITLE_MAX:
        problems["title"] = f"案由不能超过 {TITLE_MAX} 个字"
    if not draft.officer_ids:
        problems["officers"] = "请至少添加一名当事执法人员"
    if not draft.source:
        problems["source"] = "请选择案件来源"
    if not draft.enforcement_type:
        problems["enforcement_type"] = "请选择执法类型"
    if not draft.field:
        problems["field"] = "请选择执法领域"
    if draft.occurred_on > draft.reported_on:
        problems["dates"] = "发生日期不能晚于登记日期"
    elif draft.reported_on > today:
        problems["dates"] = "登记日期不能晚于今天"
    description = draft.description.strip()
    if not description:
        problems["description"] = "请填写情况描述"
    elif len(description) > DESCRIPTION_MAX:
        problems["description"] = f"情况描述不能超过 {DESCRIPTION_MAX} 个字"
    try:
        parse_amount(draft.loss_amount_text)
    except ValueError:
        problems["loss_amount"] = "请填写不为负的金额（元），最多两位小数，如 1200.50"
    return problems


def slot_of(problem: Problem) -> str | None:
    """The error slot for a service problem, or None when the form has no field for it."""
    return SERVICE_FIELDS.get(problem.field.split("[", 1)[0])
