"""The demonstration data set (resources/demo/demo.json) written through the services.

Every record goes in through the same operations the clerk uses, so each has its audit rows
and every case has walked its lifecycle step by step. Other areas extend the demo by adding
a module to `DEMO_EXTENSIONS`: each has `extend_demo(db, result)` and runs after the data
is in (e.g. issuing documents for the demo cases).
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from nanmu_desktop.domain.lifecycle import CaseStatus
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.paths import resources_dir
from nanmu_desktop.services import (
    cases,
    decisions,
    determinations,
    notices,
    officers,
    petitions,
    settings,
)
from nanmu_desktop.services import rectification as rect
from nanmu_desktop.services.case_types import CaseInput
from nanmu_desktop.services.demo_investigations import (
    demo_investigation,
    record_demo_investigation,
)
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import Case

# Modules with `extend_demo(db: Database, result: DemoResult) -> None`, run in this order.
DEMO_EXTENSIONS: tuple[str, ...] = ("nanmu_desktop.services.demo_documents",)

_ORDER = tuple(CaseStatus)


@dataclass
class DemoResult:
    """What the demo wrote, for extensions and for the summary line."""

    officer_ids: dict[str, int] = field(default_factory=dict)  # badge number → id
    case_ids: list[int] = field(default_factory=list)
    journey_case_ids: dict[str, list[int]] = field(default_factory=dict)  # J1 → [ids]
    petition_ids: list[int] = field(default_factory=list)


def load_demo_data(today: date | None = None) -> dict[str, Any]:
    """The demo data, its dates moved back as a whole if any would lie after `today`."""
    raw = (resources_dir() / "demo" / "demo.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    latest = max(date.fromisoformat(d) for d in _dates(data))
    shift = min(0, ((today or date.today()) - latest).days)
    return _shift_dates(data, timedelta(days=shift)) if shift else data


def fill_demo(
    db: Database,
    *,
    force: bool = False,
    actor: str = "演示数据",
    data: dict[str, Any] | None = None,
) -> DemoResult:
    """Write the demo data set (or `data` of the same shape); refuses a database that already
    has cases unless `force`. A profile already set up is kept (the demo's is Nanmu's)."""
    with db.session() as session:
        existing = session.scalar(select(func.count()).select_from(Case)) or 0
    if existing and not force:
        raise ConflictError(f"数据库中已有 {existing} 件案件，为免混淆不再写入演示数据")
    data = data if data is not None else load_demo_data()
    result = DemoResult()
    _profile(db, data["profile"], actor)
    _officers(db, data["officers"], result, actor)
    for entry in data["cases"]:
        _case(db, entry, result, actor)
    for entry in data["petitions"]:
        _petition(db, entry, result, actor)
    for module in DEMO_EXTENSIONS:
        importlib.import_module(module).extend_demo(db, result)
    return result


def _profile(db: Database, profile: dict[str, Any], actor: str) -> None:
    if settings.get_profile(db).first_run_done:
        return
    data = settings.ProfileInput(
        name_zh=profile["name_zh"],
        name_mn=profile["name_mn"],
        signer=profile["signer"],
        issuing_authority=profile["issuing_authority"],
        default_cc=tuple(profile["default_cc"]),
        day_counting=profile["day_counting"],
        township_type=profile.get("township_type", "xiang"),
        default_prefix=profile.get("default_prefix", ""),
    )
    if settings.is_first_run(db):
        settings.complete_first_run(db, data, actor=actor)
    else:  # demo data written into a set-up database (force)
        settings.update_profile(db, data, actor=actor)


def _officers(db: Database, entries: list[dict[str, Any]], result: DemoResult, actor: str) -> None:
    departments = {d.name: d.id for d in officers.ensure_default_departments(db, actor=actor)}
    for entry in entries:
        found = officers.find_officer_by_badge(db, entry["badge_number"])
        if found is None:
            data = officers.OfficerInput(
                name=entry["name"],
                department_id=departments[entry["department"]],
                badge_number=entry["badge_number"],
                ethnicity=entry["ethnicity"],
                post=entry["post"],
            )
            found = officers.add_officer(db, data, actor=actor)
        result.officer_ids[entry["badge_number"]] = found.id


def _case(db: Database, entry: dict[str, Any], result: DemoResult, actor: str) -> None:
    target = CaseStatus(entry["status"])
    amount = entry.get("loss_amount")
    detail = cases.register_case(
        db,
        CaseInput(
            source=entry["source"],
            enforcement_type=entry["enforcement_type"],
            field=entry["field"],
            occurred_on=date.fromisoformat(entry["occurred_on"]),
            reported_on=date.fromisoformat(entry["reported_on"]),
            description=entry["description"],
            officer_ids=tuple(result.officer_ids[b] for b in entry["officers"]),
            loss_text=entry.get("loss", ""),
            loss_amount=Decimal(str(amount)) if amount is not None else None,
            impact=entry.get("impact", ""),
            remedial_actions=entry.get("remedial_actions", ""),
        ),
        actor=actor,
    )
    case_id = detail.id
    result.case_ids.append(case_id)
    for attachment in entry.get("attachments", []):  # the evidence a decision lists
        cases.add_attachment(db, case_id, attachment["file"], attachment["text"].encode(),
                             description=attachment["description"], actor=actor)
    if "journey" in entry:
        result.journey_case_ids.setdefault(entry["journey"], []).append(case_id)

    def reaches(status: CaseStatus) -> bool:
        return _ORDER.index(target) >= _ORDER.index(status)

    investigated = detail.reported_on
    if reaches(CaseStatus.investigating):
        investigation = demo_investigation(len(result.case_ids) - 1)
        if investigation is None:
            cases.change_status(db, case_id, CaseStatus.investigating, actor=actor)
        else:  # 调查核实 recorded: the case moves on to 调查核实 with it
            investigated = record_demo_investigation(
                db, case_id, investigation, result.officer_ids, actor)
    if reaches(CaseStatus.determining):
        # The demo's history: the proposal was formed on the day after registration, or when
        # the investigation ended.
        formed = min(max(detail.reported_on + timedelta(days=1), investigated), date.today())
        determinations.save_proposal(db, case_id, entry["facts"], made_on=formed, actor=actor)
    if reaches(CaseStatus.decided):
        _decide(db, case_id, entry["decision"], actor)
    if reaches(CaseStatus.decided):  # a decided case may be partly served already
        _notify(db, case_id, entry, actor)
    if reaches(CaseStatus.correcting) and "rectification" in entry:
        _correct(db, case_id, entry["rectification"], actor)
    if target is CaseStatus.closed:
        cases.change_status(db, case_id, CaseStatus.closed, actor=actor)
    reached = cases.get_case(db, case_id).status
    if reached != target:
        raise ConflictError(
            f"演示数据有误：案件停在“{CaseStatus(reached).label}”，应为“{target.label}”"
        )


def _decide(db: Database, case_id: int, decision: dict[str, Any], actor: str) -> None:
    decisions.record_decision(
        db,
        case_id,
        decisions.DecisionInput(
            meeting_date=date.fromisoformat(decision["meeting_date"]),
            attendees=tuple(decision["attendees"].split("、")),
            outcome=decision.get("outcome"),
            leniency=decision.get("leniency"),
            measure=decision.get("measure", ""),
            reason=decision.get("reason", ""),
        ),
        actor=actor,
    )


def _notify(db: Database, case_id: int, entry: dict[str, Any], actor: str) -> None:
    for n in entry.get("notifications", ()):
        receipt = n.get("receipt")
        data = notices.NotificationInput(
            n["name"],
            date.fromisoformat(n["notified_on"]),
            n["method"],
            role=n["to"],
            delivered_by=n.get("by", ""),
            receipt=notices.Receipt(receipt["file"], receipt["text"].encode()) if receipt else None,
        )
        notices.record_notification(db, case_id, data, actor=actor)
    if "publication" in entry:
        p = entry["publication"]
        publication = notices.PublicationInput(
            p["scope"], date.fromisoformat(p["published_on"]), p["method"]
        )
        notices.record_publication(db, case_id, publication, actor=actor)


def _correct(db: Database, case_id: int, spec: dict[str, Any], actor: str) -> None:
    order = rect.issue_order(
        db,
        case_id,
        rect.OrderInput(
            reasons=spec["reasons"],
            items=tuple(spec["items"]),
            requirements=spec["requirements"],
            ordered_on=date.fromisoformat(spec["issued_on"]),
            deadline_days=spec["deadline_days"],
        ),
        actor=actor,
    )
    if "extension" in spec:
        ext = spec["extension"]
        requested_on = date.fromisoformat(ext["requested_on"])
        request = rect.request_extension(
            db, order.id, rect.ExtensionInput(requested_on, ext["days"], ext["reason"]), actor=actor
        )
        rect.reply_extension(
            db,
            request.id,
            approved=ext["approved"],
            reply=ext["reply"],
            replied_on=requested_on + timedelta(days=2),
            actor=actor,
        )
    for f in spec.get("follow_ups", ()):
        data = rect.FollowUpInput(
            date.fromisoformat(f["date"]), f["method"], f["findings"], f["verified"], order.id
        )
        rect.record_follow_up(db, case_id, data, actor=actor)


def _petition(db: Database, entry: dict[str, Any], result: DemoResult, actor: str) -> None:
    case_id = None
    if "case_journey" in entry:
        case_id = result.journey_case_ids[entry["case_journey"]][0]
    info = petitions.register_petition(
        db,
        petitions.PetitionInput(
            real_name=entry["real_name"],
            received_on=date.fromisoformat(entry["received_on"]),
            channel=entry["channel"],
            allegations=entry["allegations"],
            accused_officer_ids=tuple(result.officer_ids[b] for b in entry["accused"]),
            reporter_name=entry.get("reporter_name", ""),
            reporter_contact=entry.get("reporter_contact", ""),
            case_id=case_id,
        ),
        actor=actor,
    )
    findings = petitions.FindingsInput(entry["findings"], entry["conclusion"], entry["malicious"])
    petitions.record_findings(db, info.id, findings, actor=actor)
    for r in entry["responses"]:
        response = petitions.ResponseInput(
            r["kind"], date.fromisoformat(r["date"]), r["scope"], r["method"], r["text"]
        )
        petitions.record_response(db, info.id, response, actor=actor)
    result.petition_ids.append(info.id)


def _dates(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [d for v in value.values() for d in _dates(v)]
    if isinstance(value, list):
        return [d for v in value for d in _dates(v)]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return [value]
    return []


def _shift_dates(value: Any, delta: timedelta) -> Any:
    if isinstance(value, dict):
        return {k: _shift_dates(v, delta) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift_dates(v, delta) for v in value]
    if isinstance(value, str) and _dates(value):
        return (date.fromisoformat(value) + delta).isoformat()
    return value
