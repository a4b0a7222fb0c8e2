"""第十七条's threshold and period as the services read them: from the version in force on the
day, including a version kept in the database; the statistics' default threshold follows it."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from nanmu_desktop.services.statistics import risk_defaults
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import RegulationVersion
from tests.domain.test_risk_patterns import second_version


def test_a_later_version_kept_in_the_database_brings_its_own_threshold(db: Database) -> None:
    text = json.dumps(second_version(4, 90), ensure_ascii=False)
    with db.write_session() as session:
        session.add(RegulationVersion(
            version="2026-15", content=text, sha256=hashlib.sha256(text.encode()).hexdigest()
        ))
    before, after = risk_defaults(db, date(2026, 5, 31)), risk_defaults(db, date(2026, 6, 1))
    assert (before.min_count, before.period_days) == (3, 183)
    assert (after.min_count, after.period_days) == (4, 90)
