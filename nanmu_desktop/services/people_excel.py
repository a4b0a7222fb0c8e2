"""Departments and officers to and from an Excel workbook (sheets 科室 and 执法人员).

Import is two steps: `plan_import` reads the workbook and checks every row (nothing written);
`apply_import` writes it in one transaction — only when every row is valid, or when the clerk
accepts the valid rows, in which case the per-row report must be saved first. An officer row
updates the officer with the same 执法证号 (or, without one, the same name in the same
department) and otherwise adds one. Exports are in pinyin order, retired ones included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import NanmuError, ValidationError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.officers import (
    OfficerInput,
    check_officer_input,
    insert_officer,
    officer_info,
)
from nanmu_desktop.services.people import sorted_departments, sorted_officers
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Department, Officer

DEPARTMENT_SHEET = "科室"
OFFICER_SHEET = "执法人员"
DEPARTMENT_HEADERS = ("科室名称", "状态")
OFFICER_HEADERS = ("姓名", "科室", "职务", "民族", "执法证号", "执法证有效期至", "状态")
STATES = {"": True, "在用": True, "停用": False}
GUIDE = (
    ("填写说明", ""),
    ("科室", "每行一个科室；状态填“在用”或“停用”，不填为在用。"),
    ("执法人员", "姓名必填；科室须为本表“科室”页或系统中已有的科室名称；"
                 "执法证号只能由数字、字母和“-”组成，如 15-0783-00112。"),
    ("执法证有效期至", "日期，如 2027-12-31。"),
    ("导入规则", "执法证号相同的视为同一人并更新；没有证号时，同一科室同名的视为同一人。"
                 "有错误的行逐行列出；全部改正后导入，或选择只导入无误的行并保存错误报告。"),
)


@dataclass(frozen=True)
class RowProblem:
    sheet: str
    row: int  # the Excel row number
    message: str

    def __str__(self) -> str:
        return f"{self.sheet} 第{self.row}行：{self.message}"


@dataclass(frozen=True)
class DepartmentRow:
    row: int
    name: str
    active: bool


@dataclass(frozen=True)
class OfficerRow:
    row: int
    department: str
    data: OfficerInput
    active: bool


@dataclass
class ImportPlan:
    file_name: str
    departments: list[DepartmentRow] = field(default_factory=list)
    officers: list[OfficerRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def valid_rows(self) -> int:
        return len(self.departments) + len(self.officers)

    def report_text(self) -> str:
        lines = [f"导入文件：{self.file_name}",
                 f"无误的行：{self.valid_rows}；有错误的行：{len(self.problems)}"]
        lines += [str(p) for p in self.problems]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ImportResult:
    departments_added: int
    departments_updated: int
    officers_added: int
    officers_updated: int
    skipped: int


def write_template(path: Path) -> None:
    _save(path, [], [], guide=True)


def export_people(db: Database, path: Path) -> None:
    departments = [(d.name, "在用" if d.active else "停用") for d in sorted_departments(db)]
    officers = [
        (o.name, o.department_name, o.post, o.ethnicity or "", o.badge_number or "",
         o.badge_valid_until, "在用" if o.active else "停用")
        for o in sorted_officers(db)
    ]
    _save(path, departments, officers, guide=False)


def _save(path: Path, departments: list[tuple[Any, ...]], officers: list[tuple[Any, ...]],
          *, guide: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets = ((DEPARTMENT_SHEET, DEPARTMENT_HEADERS, departments, (30, 8)),
              (OFFICER_SHEET, OFFICER_HEADERS, officers, (10, 30, 14, 10, 18, 16, 8)))
    for index, (title, headers, rows, widths) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column, width in zip("ABCDEFG", widths, strict=False):
            sheet.column_dimensions[column].width = width
        if title == OFFICER_SHEET:
            for cell in sheet["F"][1:]:
                cell.number_format = "yyyy-mm-dd"
    if guide:
        notes = book.create_sheet("填写说明")
        for row in GUIDE:
            notes.append(row)
        notes.column_dimensions["A"].width = 16
        notes.column_dimensions["B"].width = 90
    book.save(str(path))


def plan_import(db: Database, path: Path) -> ImportPlan:
    """Every row read and checked; nothing written."""
    sheets = _read(path)
    plan = ImportPlan(path.name)
    with db.session() as session:
        known = {d.name: d.id for d in session.scalars(select(Department))}
        seen: set[str] = set()
        for number, values in sheets.get(DEPARTMENT_SHEET, []):
            _plan_department(plan, number, values, seen)
        new_departments = {d.name for d in plan.departments}
        bad_departments = seen - new_departments
        badges: set[str] = set()
        for number, values in sheets.get(OFFICER_SHEET, []):
            _plan_officer(session, plan, number, values, known.keys() | new_departments,
                          bad_departments, badges)
    return plan


def apply_import(
    db: Database, plan: ImportPlan, *, accept_valid: bool = False, report: Path | None = None,
    actor: str = DEFAULT_ACTOR,
) -> ImportResult:
    """Write the plan: refused while rows have errors unless `accept_valid` with a `report`."""
    require(db, Operation.settings)
    if plan.problems:
        if not accept_valid:
            raise ValidationError([_first_problem(plan)])
        if report is None:
            raise NanmuError("只导入无误的行时，必须先保存错误报告")
        report.write_text(plan.report_text(), encoding="utf-8")
    added = updated = o_added = o_updated = 0
    with db.write_session() as session:
        ids = {d.name: d for d in session.scalars(select(Department))}
        for row in plan.departments:
            existing = ids.get(row.name)
            if existing is None:
                order = len(ids) + 1
                existing = Department(name=row.name, sort_order=order, active=row.active)
                session.add(existing)
                session.flush()
                audit(session, actor, "create", "department", existing.id, None,
                      {"name": row.name, "active": row.active, "source": plan.file_name})
                ids[row.name], added = existing, added + 1
            elif existing.active != row.active:
                existing.active = row.active
                audit(session, actor, "import", "department", existing.id,
                      {"active": not row.active}, {"active": row.active})
                updated += 1
        for orow in plan.officers:
            department = ids.get(orow.department)
            data = OfficerInput(
                orow.data.name, department.id if department else None, orow.data.badge_number,
                orow.data.ethnicity, orow.data.post, orow.data.badge_valid_until,
            )
            match = _match(session, data)
            if match is None:
                officer = insert_officer(session, data, actor)
                officer.active = orow.active
                o_added += 1
            else:
                before = officer_info(match)
                _update(match, data, orow.active)
                session.flush()
                after = officer_info(match)
                if after != before:
                    audit(session, actor, "import", "officer", match.id,
                          _plain(before), _plain(after))
                    o_updated += 1
    return ImportResult(added, updated, o_added, o_updated, len(plan.problems))


def _first_problem(plan: ImportPlan) -> Any:
    from nanmu_desktop.errors import Problem

    more = f"等{len(plan.problems)}处错误" if len(plan.problems) > 1 else ""
    return Problem("", f"{plan.problems[0]}{more}；未导入任何内容。"
                       "请改正后重新导入，或选择只导入无误的行并保存错误报告")


def _plain(info: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(info)


def _update(row: Officer, data: OfficerInput, active: bool) -> None:
    row.name = data.name.strip()
    row.department_id = data.department_id
    row.badge_number = (data.badge_number or "").strip() or None
    row.ethnicity = (data.ethnicity or "").strip() or None
    row.post = data.post.strip()
    row.badge_valid_until = data.badge_valid_until
    row.active = active


def _match(session: Session, data: OfficerInput) -> Officer | None:
    if data.badge_number:
        return session.scalar(select(Officer).where(Officer.badge_number == data.badge_number))
    return session.scalar(select(Officer).where(
        Officer.name == data.name.strip(), Officer.department_id == data.department_id,
        Officer.badge_number.is_(None)))


def _read(path: Path) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if path.suffix.lower() != ".xlsx":
        raise NanmuError(f"只能导入 .xlsx 格式的表格：{path.name}")
    try:
        book = load_workbook(str(path), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise NanmuError(f"不是有效的 Excel（.xlsx）文件：{path.name}") from exc
    out: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    try:
        for title, headers in ((DEPARTMENT_SHEET, DEPARTMENT_HEADERS),
                               (OFFICER_SHEET, OFFICER_HEADERS)):
            if title not in book.sheetnames:
                continue
            rows = list(book[title].iter_rows(values_only=True))
            if not rows:
                continue
            found = [str(v).strip() if v is not None else "" for v in rows[0]]
            missing = [h for h in headers if h not in found]
            if missing:
                raise NanmuError(f"工作表“{title}”缺少列：{'、'.join(missing)}（请使用下载的模板）")
            columns = {h: found.index(h) for h in headers}
            out[title] = [
                (number, {h: row[i] if i < len(row) else None for h, i in columns.items()})
                for number, row in enumerate(rows[1:], start=2)
                if any(v not in (None, "") for v in row)
            ]
    finally:
        book.close()
    if not out:
        raise NanmuError(f"表格中没有“{DEPARTMENT_SHEET}”或“{OFFICER_SHEET}”工作表：{path.name}")
    return out


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _cell_day(value: Any) -> date | str | None:
    """A date from a date cell or text; the error message when it is neither."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value).replace("年", "-").replace("月", "-").replace("日", "")
    try:
        return date.fromisoformat("-".join(p.zfill(2) for p in text.replace("/", "-").split("-")))
    except ValueError:
        return f"执法证有效期“{_cell_text(value)}”不是日期（如 2027-12-31）"


def _plan_department(plan: ImportPlan, number: int, values: dict[str, Any], seen: set[str]) -> None:
    name, state = _cell_text(values["科室名称"]), _cell_text(values["状态"])
    problems = []
    if not name:
        problems.append("科室名称不能为空")
    elif len(name) > 100:
        problems.append("科室名称不能超过 100 个字")
    elif name in seen:
        problems.append(f"科室“{name}”在表中重复")
    if state not in STATES:
        problems.append(f"状态“{state}”应为 在用 或 停用")
    seen.add(name)
    if problems:
        plan.problems += [RowProblem(DEPARTMENT_SHEET, number, p) for p in problems]
    else:
        plan.departments.append(DepartmentRow(number, name, STATES[state]))


def _plan_officer(
    session: Session, plan: ImportPlan, number: int, values: dict[str, Any],
    departments: set[str], bad_departments: set[str], badges: set[str],
) -> None:
    department, state = _cell_text(values["科室"]), _cell_text(values["状态"])
    valid = _cell_day(values["执法证有效期至"])
    data = OfficerInput(
        name=_cell_text(values["姓名"]), department_id=None,
        badge_number=_cell_text(values["执法证号"]) or None,
        ethnicity=_cell_text(values["民族"]) or None, post=_cell_text(values["职务"]),
        badge_valid_until=valid if isinstance(valid, date) else None,
    )
    checks = Problems()
    check_officer_input(data, "", checks)
    messages = [p.message if p.message.startswith(p.field) else f"{p.field}{p.message}"
                for p in checks.items]
    if isinstance(valid, str):
        messages.append(valid)
    if department and department not in departments:
        messages.append(f"科室“{department}”有错误，见“科室”页" if department in bad_departments
                        else f"科室“{department}”不存在，请先在“科室”页列出")
    if state not in STATES:
        messages.append(f"状态“{state}”应为 在用 或 停用")
    badge = data.badge_number
    if badge:
        if badge in badges:
            messages.append(f"执法证号 {badge} 在表中重复")
        badges.add(badge)
        holder = session.scalar(select(Officer).where(Officer.badge_number == badge))
        if holder is not None and holder.name != data.name:
            messages.append(f"执法证号 {badge} 已登记给“{holder.name}”")
    if messages:
        plan.problems += [RowProblem(OFFICER_SHEET, number, m) for m in messages]
    else:
        plan.officers.append(OfficerRow(number, department, data, STATES[state]))
