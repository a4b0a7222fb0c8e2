"""调查核实 for some demo cases (resources/demo/investigations.json), recorded through the same
service the clerk uses at the case's 调查核实 step, before its proposal — so the demo's history
reads in order and the issued 审批表 print it. The other demo cases stay without one and show
how its absence is warned of (imported and back-entered cases)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from typing import Any

from nanmu_desktop.paths import resources_dir
from nanmu_desktop.services.cases import add_attachment, get_case
from nanmu_desktop.services.investigations import InvestigationInput, record_investigation
from nanmu_desktop.storage.db import Database


@cache
def _entries() -> dict[int, dict[str, Any]]:
    raw = (resources_dir() / "demo" / "investigations.json").read_text(encoding="utf-8")
    return {entry["case"]: entry for entry in json.loads(raw)["investigations"]}


def demo_investigation(position: int) -> dict[str, Any] | None:
    """The investigation of the demo case at `position` in demo.json, if it has one."""
    return _entries().get(position)


def record_demo_investigation(
    db: Database, case_id: int, entry: dict[str, Any], officer_ids: dict[str, int], actor: str
) -> date:
    """Record `entry` for the case (its dates are days after registration); returns its end."""
    case = get_case(db, case_id)
    today = date.today()
    started = min(case.reported_on + timedelta(days=entry["from_day"]), today)
    ended = min(case.reported_on + timedelta(days=entry["to_day"]), today)
    for spec in entry.get("files", ()):
        add_attachment(db, case_id, spec["file"], spec["text"].encode(),
                       description=spec["description"], actor=actor)
    files = {a.file_name: a.id for a in get_case(db, case_id).attachments}
    record_investigation(
        db,
        case_id,
        InvestigationInput(
            investigators=tuple(officer_ids[b] for b in entry["investigators"]),
            started_on=started,
            ended_on=ended,
            findings=entry["findings"],
            evidence=tuple(entry["evidence"]),
            attachment_ids=tuple(files[name] for name in entry.get("attachments", ())),
        ),
        actor=actor,
    )
    return ended
