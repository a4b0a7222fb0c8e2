"""Constraints the database itself keeps, whatever the services do."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from nanmu_desktop.storage import Database
from nanmu_desktop.storage.models import (
    Attachment,
    Case,
    Department,
    Determination,
    Officer,
    Petition,
    TownshipProfile,
)

from .conftest import make_case


def test_badge_numbers_are_unique_when_present(db: Database) -> None:
    with db.session() as session:
        department = Department(name="综合行政执法办公室")
        session.add_all(
            [
                Officer(name="那仁", department=department, badge_number="15-0783-00001"),
                Officer(name="白音", department=department),
                Officer(name="葛根", department=department),
            ]
        )
    with pytest.raises(IntegrityError, match=r"(?i)unique"), db.session() as session:
        session.add(Officer(name="敖登", badge_number="15-0783-00001"))
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        session.add(Officer(name="敖登", badge_number=""))


def test_attachment_keeps_size_and_digest_of_its_bytes(db: Database) -> None:
    scan = "个人申请书扫描件".encode() * 100
    with db.session() as session:
        case = make_case("RC-2026-001", "申请容错")
        case.attachments.append(Attachment.from_bytes("申请书.pdf", "application/pdf", scan))
        session.add(case)
    with db.session() as session:
        stored = session.scalars(select(Attachment)).one()
        assert stored.size == len(scan)
        assert stored.sha256 == hashlib.sha256(scan).hexdigest()
        assert stored.content == scan
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        bad = Attachment.from_bytes("a.txt", "text/plain", b"abc")
        bad.size = 4
        bad.case_id = case.id
        session.add(bad)


def test_status_and_outcome_codes_are_checked(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        session.add(make_case("RC-2026-001", "x", status="archived"))
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        session.add(make_case("RC-2026-001", "x", outcome="forgiven"))


def test_a_decision_differing_from_the_proposal_needs_a_reason(db: Database) -> None:
    with db.session() as session:
        case = make_case("RC-2026-001", "申请容错")
        session.add(case)
        session.flush()
        determination = Determination(
            case_id=case.id,
            facts={"art10": [4]},
            regulation_version="2024-10-29",
            proposal={"outcome": "exempt"},
            outcome="exempt",
        )
        session.add(determination)
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        stored = session.get_one(Determination, determination.id)
        stored.decided_outcome = "mitigated"
        stored.leniency = "lighter"
    with db.session() as session:
        stored = session.get_one(Determination, determination.id)
        stored.decided_outcome = "mitigated"
        stored.leniency = "lighter"
        stored.differing_reason = "党委研究认为损失挽回不完全"
        stored.meeting_date = date(2026, 3, 10)
        stored.attendees = ["刘晓伟", "孟和"]


def test_an_anonymous_petition_holds_no_identity(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        session.add(
            Petition(
                real_name=False,
                reporter_name="某某",
                received_on=date(2026, 4, 1),
                channel="来信",
                allegations="收受好处",
            )
        )
    with db.session() as session:
        session.add(
            Petition(
                real_name=False,
                received_on=date(2026, 4, 1),
                channel="来信",
                allegations="收受好处",
            )
        )


def test_the_profile_is_a_single_row(db: Database) -> None:
    with db.session() as session:
        session.add(
            TownshipProfile(
                name_zh="扎兰屯市南木鄂伦春民族乡人民政府",
                document_prefixes={"notification": "南政告"},
            )
        )
    with db.session() as session:
        profile = session.get_one(TownshipProfile, 1)
        assert profile.document_prefixes == {"notification": "南政告"}
        assert profile.day_counting == "calendar" and profile.first_run_done is False
    with pytest.raises(IntegrityError, match=r"(?i)check"), db.session() as session:
        session.add(TownshipProfile(id=2))


def test_timestamps_come_back_aware_and_in_utc(db: Database) -> None:
    beijing = timezone(timedelta(hours=8))
    with db.session() as session:
        case = make_case("RC-2026-001", "x")
        case.created_at = datetime(2026, 3, 10, 9, 30, tzinfo=beijing)
        session.add(case)
    with db.session() as session:
        stored = session.get_one(Case, case.id)
        assert stored.created_at == datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
        assert stored.created_at.tzinfo is UTC
    with pytest.raises(StatementError, match="aware"), db.session() as session:
        session.add(Department(name="社会事务办公室", created_at=datetime(2026, 3, 10)))
