"""待办: every open obligation across cases, coloured by 三色督办 (domain/due.py).

- 告知 (第十三条): a decided case whose unit or party is not yet served (services/deliveries.py),
  whatever its stage, due on the deadline stored with the decision;
- 签发: a decided, open case without a valid decision document, due on that deadline too (the
  document is what is notified) or, with no 7-day clock, on the meeting day;
- 整改期限 (第十五条): an open or extended order, due on the deadline in force; once that day has
  passed, the order's 跟踪回访 is what is due (on the same day) until a verified follow-up;
- 延期批复: a pending extension request, due before the deadline it would move;
- 信访答复: a petition without any response, 60 days from receipt (《信访工作条例》第三十二条).
Closed cases (办结归档) owe nothing.
"""

from __future__ import annotations

from datetime import date

from nanmu_desktop.domain.due import DueItem, Obligation, due_items
from nanmu_desktop.services.due_queries import orm_reader
from nanmu_desktop.services.due_rows import open_obligations_from
from nanmu_desktop.storage.db import Database


def list_due(db: Database, today: date, *, include_later: bool = False) -> list[DueItem]:
    """The open obligations, red/yellow/blue (and later ones when asked), most urgent first."""
    return due_items(open_obligations(db, today), today, include_later=include_later)


def open_obligations(db: Database, today: date) -> list[Obligation]:
    # The queries are services/due_queries.py's; what they mean is services/due_rows.py.
    with db.session() as session:
        return open_obligations_from(orm_reader(session), today)


def due_sheet(db: Database, today: date) -> bytes:
    """The printable 督办单 (PDF) of what is due as of `today`."""
    from nanmu_desktop.documents.due_sheet import due_sheet_pdf
    from nanmu_desktop.services.font_choice import fonts_for
    from nanmu_desktop.services.settings import load_profile

    items = list_due(db, today)
    with db.session() as session:
        authority = load_profile(session).name_zh
    return due_sheet_pdf(items, today, authority, fonts_for(db))
