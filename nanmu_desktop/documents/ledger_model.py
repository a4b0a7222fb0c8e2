"""The 容错纠错工作台账: one row per case, the columns the Excel and PDF ledgers share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LEDGER_TITLE = "容错纠错工作台账"
# 第十四条: a tolerated case is not recorded as an enforcement error; the ledger says so.
NOT_AN_ERROR = "不作为执法错误认定"

Cell = str | date | None


@dataclass(frozen=True)
class LedgerColumn:
    header: str
    excel_width: float  # Excel character units (a Chinese character is about 2)
    pdf_mm: float | None  # width in the landscape PDF; None = Excel only


COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("序号", 6, 12),
    LedgerColumn("案件编号", 16, 28),
    LedgerColumn("登记日期", 13, 24),
    LedgerColumn("案件来源", 12, None),
    LedgerColumn("当事执法人员", 18, 24),
    LedgerColumn("所在科室", 24, None),
    LedgerColumn("执法领域", 12, 20),
    LedgerColumn("执法类别", 10, None),
    LedgerColumn("发生日期", 13, None),
    LedgerColumn("基本情况", 50, 50),
    LedgerColumn("办理阶段", 12, 18),
    LedgerColumn("认定结论", 18, 22),
    LedgerColumn("认定依据", 40, 36),
    LedgerColumn("党委决定日期", 14, None),
    LedgerColumn("纠错整改", 12, None),
    LedgerColumn("已发文书", 36, None),
    LedgerColumn("第十四条", 20, 33),
)


@dataclass(frozen=True)
class LedgerRow:
    number: str
    reported_on: date
    source: str
    officers: str
    departments: str
    field: str
    enforcement_type: str
    occurred_on: date
    summary: str
    status: str
    outcome: str  # "" until the committee decided
    basis: str
    meeting_date: date | None
    rectification: str
    documents: str
    tolerated: bool  # decided and not counted as an enforcement error (第十四条)

    def cells(self, index: int) -> tuple[Cell, ...]:
        """The row's values in `COLUMNS` order; `index` is its 序号 (from 1)."""
        return (
            str(index),
            self.number,
            self.reported_on,
            self.source,
            self.officers,
            self.departments,
            self.field,
            self.enforcement_type,
            self.occurred_on,
            self.summary,
            self.status,
            self.outcome,
            self.basis,
            self.meeting_date,
            self.rectification,
            self.documents,
            NOT_AN_ERROR if self.tolerated else "",
        )

