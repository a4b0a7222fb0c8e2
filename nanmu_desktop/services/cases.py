"""Cases: register, edit, move through the lifecycle, read in detail; attachments with sha256."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session, object_session

from nanmu_desktop.domain.lifecycle import CaseStatus, check_transition
from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.errors import ConflictError, NotFoundError
from nanmu_desktop.services import choices
from nanmu_desktop.services.access import require
from nanmu_desktop.services.case_conflicts import stale_edit
from nanmu_desktop.services.case_types import (
    AttachmentInfo,
    CaseDetail,
    CaseInput,
    CaseOfficerInfo,
)
from nanmu_desktop.services.common import (
    DEFAULT_ACTOR,
    audit,
    fen_from_yuan,
    fetch,
    lookup,
    yuan_from_fen,
)
from nanmu_desktop.services.officers import officer_info
from nanmu_desktop.services.rule_options import not_an_error, read_rule_options
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Attachment, Case, Determination, Officer
from nanmu_desktop.storage.models import CaseOfficer as CaseOfficerRow

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def register_case(db: Database, data: CaseInput, *, actor: str = DEFAULT_ACTOR) -> CaseDetail:
    """登记: a new case in status `registered` with its officers."""
    require(db, Operation.register)
    with db.write_session() as session:
        return case_detail(insert_case(session, data, actor))


def insert_case(session: Session, data: CaseInput, actor: str, *, prefix: str = "") -> Case:
    """Validate and add one case inside the caller's transaction."""
    check_case_input(session, data, prefix).raise_if_any()
    row = Case(number=_next_number(session, data.reported_on or date.today()), status="registered")
    _apply(session, row, data)
    session.add(row)
    session.flush()
    audit(session, actor, "create", "case", row.id, None, snapshot(row))
    return row


def update_case(
    db: Database,
    case_id: int,
    data: CaseInput,
    *,
    actor: str = DEFAULT_ACTOR,
    expected_version: int | None = None,
) -> CaseDetail:
    """Save the form. With `expected_version` (the version the form was loaded at), a case
    changed meanwhile by someone else is refused with who changed what and when."""
    require(db, Operation.register)
    with db.write_session() as session:
        row = fetch(session, Case, case_id, "案件")
        if expected_version is not None and row.version != expected_version:
            raise stale_edit(session, row, expected_version)
        check_case_input(session, data, "").raise_if_any()
        before = snapshot(row)
        _apply(session, row, data)
        session.flush()
        audit(session, actor, "update", "case", row.id, before, snapshot(row))
        return case_detail(row)


def set_reference_date(
    db: Database, case_id: int, day: date, reason: str, *, actor: str = DEFAULT_ACTOR
) -> CaseDetail:
    """Set the date that selects the regulation version in force (default: the conduct date).

    It does not switch an existing determination's version: re-determining under another
    version is the explicit choice of `determinations.save_proposal(version=…)`.
    """
    require(db, Operation.register)
    problems = Problems()
    why = problems.text(reason, "理由", max_len=500)
    if day > date.today():
        problems.add("参照日期", "参照日期不能晚于今天")
    problems.raise_if_any()
    with db.write_session() as session:
        row = fetch(session, Case, case_id, "案件")
        before = {"reference_date": row.reference_date, "reason": row.reference_reason}
        row.reference_date, row.reference_reason = day, why
        session.flush()
        audit(session, actor, "set_reference_date", "case", row.id, before,
              {"reference_date": day, "reason": why})
        return case_detail(row)


def change_status(
    db: Database, case_id: int, target: str, *, actor: str = DEFAULT_ACTOR
) -> CaseDetail:
    """Move a case along its lifecycle; a move the lifecycle forbids raises ConflictError.

    党委研究决定 is reached only by recording the decision (determinations.record_decision).
    """
    require(db, Operation.record)
    with db.write_session() as session:
        row = fetch(session, Case, case_id, "案件")
        if choices.statuses().get(str(target)) == CaseStatus.decided:
            raise ConflictError("党委决定须通过“记录党委决定”登记会议日期、参会人员和决定结果")
        set_status(session, row, target, actor)
        return case_detail(row)


def set_status(session: Session, row: Case, target: str, actor: str) -> None:
    """Checked status change with its audit row, inside the caller's transaction."""
    problems = Problems()
    status = problems.choice(target, "状态", choices.statuses())
    problems.raise_if_any()
    assert status is not None
    check_transition(CaseStatus(row.status), CaseStatus(status), _outcome(row))
    if status == CaseStatus.notified:
        # 告知公开 is confirmed only once every unit and party has been served (第十三条).
        from nanmu_desktop.services.deliveries import require_complete

        require_complete(session, row)
    before = {"status": row.status}
    row.status = status
    row.closed_on = date.today() if status == CaseStatus.closed else None
    session.flush()
    audit(session, actor, "change_status", "case", row.id, before, {"status": status})


def get_case(db: Database, case_id: int) -> CaseDetail:
    with db.session() as session:
        return case_detail(fetch(session, Case, case_id, "案件"))


def add_attachment(
    db: Database,
    case_id: int,
    file_name: str,
    content: bytes,
    *,
    mime_type: str | None = None,
    description: str = "",
    actor: str = DEFAULT_ACTOR,
) -> AttachmentInfo:
    """Keep a file inside the database with its size and sha256."""
    require(db, Operation.register)
    problems = Problems()
    name = problems.text(file_name, "文件名", max_len=255)
    problems.check(len(content) > 0, "文件", "文件是空的")
    problems.check(len(content) <= MAX_ATTACHMENT_BYTES, "文件", "文件超过 50 MB，不能作为附件")
    problems.text(description, "说明", required=False, max_len=200)
    problems.raise_if_any()
    mime = mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    with db.write_session() as session:
        case = fetch(session, Case, case_id, "案件")
        row = Attachment.from_bytes(name, mime, content)
        row.description = description.strip()
        case.attachments.append(row)
        session.flush()
        info = attachment_info(row)
        after = {k: v for k, v in asdict(info).items() if k != "added_at"}
        audit(session, actor, "add_attachment", "case", case_id, None, after)
        return info


def remove_attachment(db: Database, attachment_id: int, *, actor: str = DEFAULT_ACTOR) -> None:
    require(db, Operation.register)
    with db.write_session() as session:
        row = fetch(session, Attachment, attachment_id, "附件")
        before = {"attachment_id": row.id, "file_name": row.file_name, "sha256": row.sha256}
        case_id = row.case_id
        session.delete(row)
        session.flush()
        audit(session, actor, "remove_attachment", "case", case_id, before, None)


def attachment_bytes(db: Database, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The file and its record; the bytes are checked against the stored sha256."""
    with db.session() as session:
        row = fetch(session, Attachment, attachment_id, "附件")
        content = row.content
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise ConflictError(f"附件“{row.file_name}”的内容与登记的校验值不符，文件可能已损坏")
        return attachment_info(row), content


def check_case_input(session: Session, data: CaseInput, prefix: str) -> Problems:
    """Every problem of a case input; `prefix` gives import field paths (cases[1].)."""
    problems = Problems()
    check_case_fields(data, prefix, problems)
    label = f"{prefix}officers" if prefix else "当事执法人员"
    if not data.officer_ids:
        problems.add(label, "至少选择一名执法人员")
    if len(set(data.officer_ids)) != len(data.officer_ids):
        problems.add(label, "同一执法人员重复选择")
    for i, officer_id in enumerate(data.officer_ids):
        if lookup(session, Officer, officer_id) is None:
            field = f"{prefix}officers[{i}]" if prefix else "当事执法人员"
            problems.add(field, f"执法人员（编号 {officer_id}）不存在")
    return problems


def check_case_fields(data: CaseInput, prefix: str, problems: Problems) -> None:
    """The checks of a case's own fields, needing no database."""

    def name(path: str, label: str) -> str:
        return f"{prefix}{path}" if prefix else label

    problems.choice(data.source, name("source", "来源"), choices.sources())
    problems.choice(
        data.enforcement_type, name("enforcement_type", "执法类型"), choices.enforcement_types()
    )
    problems.choice(data.field, name("field", "执法领域"), choices.fields())
    occurred = problems.day(data.occurred_on, name("occurred_on", "发生日期"))
    reported = problems.day(data.reported_on, name("reported_on", "登记日期"))
    if occurred and reported and occurred > reported:
        problems.add(name("occurred_on", "发生日期"), "发生日期不能晚于登记日期")
    if reported and reported > date.today():
        problems.add(name("reported_on", "登记日期"), "登记日期不能晚于今天")
    problems.text(data.description, name("description", "情况描述"), max_len=5000, multiline=True)
    problems.text(data.title, name("title", "标题"), required=False, max_len=200)
    for value, path, label in (
        (data.loss_text, "loss", "损失情况"),
        (data.impact, "impact", "不良影响"),
        (data.remedial_actions, "remedial_actions", "补救措施"),
    ):
        problems.text(value, name(path, label), required=False, multiline=True)
    problems.money(data.loss_amount, name("loss_amount", "损失金额"), "损失金额")


def _apply(session: Session, row: Case, data: CaseInput) -> None:
    row.source = choices.sources()[data.source.strip()]
    row.enforcement_type = choices.enforcement_types()[data.enforcement_type.strip()]
    row.field = choices.fields()[data.field.strip()]
    assert data.occurred_on is not None and data.reported_on is not None
    row.occurred_on = data.occurred_on
    row.reported_on = data.reported_on
    row.title = data.title.strip()
    row.description = data.description.strip()
    row.loss_text = data.loss_text.strip()
    row.loss_amount_fen = fen_from_yuan(data.loss_amount)
    row.impact = data.impact.strip()
    row.remedial_actions = data.remedial_actions.strip()
    wanted = list(data.officer_ids)
    if [link.officer_id for link in row.officer_links] != wanted:
        row.officer_links.clear()
        session.flush()
        for position, officer_id in enumerate(wanted):
            row.officer_links.append(CaseOfficerRow(officer_id=officer_id, position=position))


def _next_number(session: Session, day: date) -> str:
    """Internal register number RC-YYYY-NNN, counting on from the year's highest."""
    prefix = f"RC-{day.year}-"
    # Compared as numbers: as text "RC-2025-999" sorts above "RC-2025-1000".
    serial = cast(func.substr(Case.number, len(prefix) + 1), Integer)
    last = session.scalar(select(func.max(serial)).where(Case.number.like(f"{prefix}%")))
    seq = int(last) + 1 if last else 1
    return f"{prefix}{seq:03d}"


def _outcome(row: Case) -> Outcome | None:
    return Outcome(row.outcome) if row.outcome else None


def snapshot(row: Case) -> dict[str, Any]:
    """The audited state of a case (plain JSON values)."""
    return {
        "number": row.number,
        "source": row.source,
        "enforcement_type": row.enforcement_type,
        "field": row.field,
        "occurred_on": row.occurred_on.isoformat(),
        "reported_on": row.reported_on.isoformat(),
        "title": row.title,
        "description": row.description,
        "loss_text": row.loss_text,
        "loss_amount_fen": row.loss_amount_fen,
        "impact": row.impact,
        "remedial_actions": row.remedial_actions,
        "status": row.status,
        "officer_ids": [link.officer_id for link in row.officer_links],
    }


def attachment_info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.case_id,
        row.file_name,
        row.mime_type,
        row.size,
        row.sha256,
        row.description,
        row.added_at,
    )


def case_detail(row: Case) -> CaseDetail:
    outcome = _outcome(row)
    status = CaseStatus(row.status)
    return CaseDetail(
        id=row.id,
        number=row.number,
        title=row.title,
        source=row.source,
        source_label=choices.label("source", row.source),
        enforcement_type=row.enforcement_type,
        enforcement_type_label=choices.label("enforcement_type", row.enforcement_type),
        field=row.field,
        field_label=choices.label("field", row.field),
        occurred_on=row.occurred_on,
        reported_on=row.reported_on,
        description=row.description,
        loss_text=row.loss_text,
        loss_amount=yuan_from_fen(row.loss_amount_fen),
        impact=row.impact,
        remedial_actions=row.remedial_actions,
        status=row.status,
        status_label=status.label,
        outcome=row.outcome,
        outcome_label=outcome.label if outcome else "",
        closed_on=row.closed_on,
        created_at=row.created_at,
        updated_at=row.updated_at,
        officers=tuple(
            CaseOfficerInfo(officer_info(link.officer), link.role) for link in row.officer_links
        ),
        attachments=tuple(attachment_info(a) for a in row.attachments),
        allowed_statuses=tuple(
            str(s) for s in choices.next_statuses(status, outcome) if s is not CaseStatus.decided
        ),
        not_an_enforcement_error=_not_an_error(row),
        reference_date=row.reference_date,
        version=row.version,
        reference_reason=row.reference_reason,
    )


def _not_an_error(row: Case) -> bool:
    """第十四条 from the case's decision: its outcome and the ground it rests on."""
    session = object_session(row)
    if row.outcome is None or session is None:
        return False
    ground = session.scalar(
        select(Determination.decided_ground)
        .where(Determination.case_id == row.id)
        .order_by(Determination.id.desc())
        .limit(1)
    )
    return not_an_error(read_rule_options(session), row.outcome, ground)


def find_case(db: Database, ref: str) -> CaseDetail:
    """A case by its database id (12) or its register number (RC-2026-012)."""
    text = ref.strip()
    with db.session() as session:
        if text.isascii() and text.isdigit() and len(text) <= 18:
            return case_detail(fetch(session, Case, int(text), "案件"))
        row = session.scalar(select(Case).where(Case.number == text.upper()))
        if row is None:
            raise NotFoundError(f"找不到案件“{text if len(text) <= 40 else text[:40] + '…'}”")
        return case_detail(row)
