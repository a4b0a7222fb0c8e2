"""Case list: 1- and 2-character Chinese search, filters that combine, counts, sort, paging,
and an index that follows every change made through the ORM."""

from __future__ import annotations

import random
from datetime import date

import pytest
from db_backends import raw_connection
from sqlalchemy import select

from nanmu_desktop.storage import Database, case_search
from nanmu_desktop.storage.case_search import CaseQuery, search_cases
from nanmu_desktop.storage.models import Case, CaseOfficer, Department, Officer

from .conftest import make_case, make_officer

J1 = "执法人员在暴风雪中查封木材场，后经查许可证有效，系县级系统数据延迟所致。"
J2 = "执法人员对屠宰场的三次投诉未予处理，致使消费者患病，造成不良后果。"
J3 = "匿名举报称执法人员收受好处后罚款，经调查查无实据。"


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.session() as session:
        forestry = Department(name="自然资源和生态环境办公室")
        enforcement = Department(name="综合行政执法办公室")
        guan = make_officer("关山", forestry, "15-0783-00012")
        mo = make_officer("莫日根", enforcement, "15-0783-00031")
        cases = {
            "j1": make_case(
                "RC-2026-001",
                J1,
                officers=(guan,),
                reported_on=date(2026, 1, 5),
                status="closed",
                outcome="exempt",
            ),
            "j2": make_case(
                "RC-2026-002",
                J2,
                officers=(mo,),
                reported_on=date(2026, 2, 1),
                status="notified",
                outcome="not_tolerated",
                field="市场监管",
            ),
            "j3": make_case(
                "RC-2026-003",
                J3,
                officers=(guan, mo),
                reported_on=date(2026, 3, 1),
                source="信访举报",
            ),
        }
        session.add_all(cases.values())
        session.flush()
        return {
            **{key: case.id for key, case in cases.items()},
            "forestry": forestry.id,
            "enforcement": enforcement.id,
            "guan": guan.id,
            "mo": mo.id,
        }


def _numbers(db: Database, query: CaseQuery) -> tuple[list[str], int]:
    with db.session() as session:
        page = search_cases(session, query)
    return [row.number for row in page.rows], page.total


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("查封", ["RC-2026-001"]),  # two characters
        ("雪", ["RC-2026-001"]),  # one character
        ("屠", ["RC-2026-002"]),
        ("执法", ["RC-2026-003", "RC-2026-002", "RC-2026-001"]),
        ("查无实据", ["RC-2026-003"]),
        ("莫日根", ["RC-2026-003", "RC-2026-002"]),  # an officer's name
        ("rc-2026-002", ["RC-2026-002"]),  # the number, any case
        ("暴风雪 木材", ["RC-2026-001"]),  # every word must match
        ("暴风雨", []),
        ("实据查无", []),  # the characters, but not in that order
        ("，。", []),  # punctuation alone matches nothing
    ],
)
def test_text_search(db: Database, ids: dict[str, int], term: str, expected: list[str]) -> None:
    assert _numbers(db, CaseQuery(text=term)) == (expected, len(expected))


def test_filters_combine(db: Database, ids: dict[str, int]) -> None:
    assert _numbers(db, CaseQuery(department_id=ids["enforcement"])) == (
        ["RC-2026-003", "RC-2026-002"],
        2,
    )
    assert _numbers(
        db, CaseQuery(department_id=ids["enforcement"], text="执法", outcomes=("not_tolerated",))
    ) == (["RC-2026-002"], 1)
    assert _numbers(db, CaseQuery(officer_id=ids["guan"], statuses=("closed", "registered"))) == (
        ["RC-2026-003", "RC-2026-001"],
        2,
    )
    assert _numbers(db, CaseQuery(source="信访举报", field="林业和草原")) == (["RC-2026-003"], 1)
    assert _numbers(db, CaseQuery(field="市场监管", text="查封")) == ([], 0)


def test_date_range_is_inclusive(db: Database, ids: dict[str, int]) -> None:
    query = CaseQuery(date_from=date(2026, 1, 5), date_to=date(2026, 2, 1), descending=False)
    assert _numbers(db, query) == (["RC-2026-001", "RC-2026-002"], 2)


def test_paging_keeps_the_total(db: Database, ids: dict[str, int]) -> None:
    first = _numbers(db, CaseQuery(limit=2))
    second = _numbers(db, CaseQuery(limit=2, offset=2))
    assert first == (["RC-2026-003", "RC-2026-002"], 3)
    assert second == (["RC-2026-001"], 3)


def test_rows_carry_the_officers_in_order(db: Database, ids: dict[str, int]) -> None:
    with db.session() as session:
        row = search_cases(session, CaseQuery(text="匿名")).rows[0]
    assert row.officer_names == ("关山", "莫日根")
    assert row.summary == J3[: len(row.summary)]


def test_the_index_follows_edits_links_renames_and_deletes(
    db: Database, ids: dict[str, int]
) -> None:
    with db.session() as session:
        case = session.get_one(Case, ids["j1"])
        case.description = "执法人员在草原防火检查中扣押了打火机。"
    assert _numbers(db, CaseQuery(text="暴风雪"))[1] == 0
    assert _numbers(db, CaseQuery(text="防火"))[0] == ["RC-2026-001"]

    with db.session() as session:
        officer = session.get_one(Officer, ids["mo"])
        officer.name = "孟和"
    assert _numbers(db, CaseQuery(text="莫日根"))[1] == 0
    assert _numbers(db, CaseQuery(text="孟和"))[1] == 2

    with db.session() as session:
        session.add(CaseOfficer(case_id=ids["j1"], officer_id=ids["mo"], position=1))
    assert _numbers(db, CaseQuery(text="孟和"))[1] == 3

    with db.session() as session:
        session.delete(session.get_one(Case, ids["j2"]))
    assert _numbers(db, CaseQuery(text="屠宰"))[1] == 0


def test_a_raw_delete_also_leaves_the_index(db: Database, ids: dict[str, int]) -> None:
    key = "case_id" if db.backend.name == "postgresql" else "rowid"
    with raw_connection(db) as raw:
        raw.execute(f"DELETE FROM cases WHERE id = {ids['j3']}")
        left = raw.execute(
            f"SELECT count(*) FROM case_search_index WHERE {key} = {ids['j3']}"
        ).fetchone()[0]
    assert left == 0
    assert _numbers(db, CaseQuery(text="匿名")) == ([], 0)


def test_search_agrees_with_substring_matching(db: Database) -> None:
    """Against plain `in` on many random texts and queries from a small alphabet."""
    rng = random.Random(2024)
    alphabet = "容错纠正免责办理"
    texts = ["".join(rng.choices(alphabet, k=rng.randint(1, 14))) for _ in range(40)]
    with db.session() as session:
        session.add_all(make_case(f"RC-2025-{i:03d}", t) for i, t in enumerate(texts, 1))
    with db.session() as session:
        stored = session.execute(select(Case.description, Case.number)).all()
        for _ in range(150):
            term = "".join(rng.choices(alphabet, k=rng.randint(1, 4)))
            page = search_cases(session, CaseQuery(text=term, limit=500))
            expected = {n for d, n in stored if term in d}
            assert {r.number for r in page.rows} == expected, term
            assert page.total == len(expected)


def test_a_case_with_two_officers_of_one_department_counts_once(
    db: Database, ids: dict[str, int]
) -> None:
    with db.session() as session:
        forestry = session.get_one(Department, ids["forestry"])
        pair = (make_officer("达瓦", forestry), make_officer("乌日娜", forestry))
        session.add(make_case("RC-2026-004", "两名执法人员共同实施行政强制。", officers=pair))
    assert _numbers(db, CaseQuery(department_id=ids["forestry"])) == (
        ["RC-2026-004", "RC-2026-003", "RC-2026-001"],
        3,
    )
    assert _numbers(db, CaseQuery(department_id=ids["forestry"], text="强制")) == (
        ["RC-2026-004"],
        1,
    )


def test_status_sort_orders_by_date_within_each_status(db: Database, ids: dict[str, int]) -> None:
    with db.session() as session:
        session.add(
            make_case("RC-2026-009", "补充材料", status="closed", reported_on=date(2026, 4, 1))
        )
    query = CaseQuery(sort="status", descending=False)
    assert _numbers(db, query)[0] == ["RC-2026-001", "RC-2026-009", "RC-2026-002", "RC-2026-003"]


@pytest.mark.parametrize("sort_in_memory_max", [0, 10_000])
def test_both_query_plans_give_the_same_pages(
    db: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch, sort_in_memory_max: int
) -> None:
    """Large results walk the sort index, small ones are sorted in memory: same answer."""
    monkeypatch.setattr(case_search, "SORT_IN_MEMORY_MAX", sort_in_memory_max)
    assert _numbers(db, CaseQuery(text="执法", limit=2, offset=1)) == (
        ["RC-2026-002", "RC-2026-001"],
        3,
    )
    assert _numbers(db, CaseQuery(department_id=ids["enforcement"], descending=False)) == (
        ["RC-2026-002", "RC-2026-003"],
        2,
    )


@pytest.mark.parametrize("sort", ["reported_on", "occurred_on", "updated_at", "number", "status"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_page_is_a_slice_of_the_whole_list(
    db: Database, sort: case_search.SortKey, descending: bool
) -> None:
    """Pages past the middle are read from the other end: still the same rows, same order."""
    rng = random.Random(7)
    with db.session() as session:
        session.add_all(
            make_case(
                f"RC-2025-{i}",
                "容错办理" if i % 3 else "免责",
                reported_on=date(2025, 1, 1 + rng.randrange(3)),  # ties: decided by id
                status=rng.choice(["closed", "notified", "registered"]),
            )
            for i in range(1, 24)
        )
    with db.session() as session:
        cases = session.scalars(select(Case)).all()

    def key(case: Case) -> tuple[object, ...]:
        if sort == "number":
            return (len(case.number), case.number, case.id)
        if sort == "status":
            return (case.status, case.reported_on, case.id)
        return (getattr(case, sort), case.id)

    for text in ("", "容错"):
        matching = sorted((c for c in cases if text in c.description), key=key)
        whole = [c.number for c in (reversed(matching) if descending else matching)]
        total = len(whole)
        for limit in (1, 7):
            for offset in range(total + 2):
                query = CaseQuery(
                    text=text, sort=sort, descending=descending, offset=offset, limit=limit
                )
                assert _numbers(db, query) == (whole[offset : offset + limit], total)
