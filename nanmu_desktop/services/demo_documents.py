"""The `demo` extension that issues documents: at least one of every kind, each from the first
demo case (or petition) whose state fits it, so the register and the 文书 page have content."""

from __future__ import annotations

from datetime import date

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.demo import DemoResult
from nanmu_desktop.services.documents import PETITION_KINDS, DocumentTarget
from nanmu_desktop.services.issuing import issue_document
from nanmu_desktop.storage.db import Database

ACTOR = "演示数据"


def extend_demo(db: Database, result: DemoResult, today: date | None = None) -> None:
    journeys = [i for ids in result.journey_case_ids.values() for i in ids]
    case_ids = list(dict.fromkeys([*journeys, *result.case_ids]))
    for kind in DocumentKind:
        targets = (
            [DocumentTarget(kind, petition_id=p) for p in result.petition_ids]
            if kind in PETITION_KINDS
            else [DocumentTarget(kind, case_id=c) for c in case_ids]
        )
        for target in targets:
            try:
                issue_document(db, target, on=today, actor=ACTOR)
                break
            except ConflictError:
                continue  # this case is not at the stage the kind needs; try the next
        else:
            raise ConflictError(f"演示数据中没有适合出具“{kind.label}”的案件或信访举报。")
