"""Build a large, realistic database for the benchmarks: `make_big_db.py PATH [--cases N]`.

Goes through `open_database` (so the schema is the real one) and then bulk-inserts with
executemany on the raw connection, writing the search index rows alongside.
Other benchmarks reuse `build(path, cases)`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from nanmu_desktop.domain.vocabulary import (
    DEFAULT_DEPARTMENTS,
    CaseSource,
    EnforcementField,
    EnforcementType,
)
from nanmu_desktop.storage import open_database
from nanmu_desktop.storage.models import CASE_STATUSES, OUTCOMES
from nanmu_desktop.storage.search_index import index_text

# The codes the services store (labels only inside the description text), so the case list's
# filters work on the benchmark database as on a real one.
DEPARTMENTS = DEFAULT_DEPARTMENTS
FIELDS = tuple(EnforcementField)
SOURCES = tuple(CaseSource)
TYPES = tuple(t for t in EnforcementType if t.label != "其他")
SURNAMES = "关莫孟白吴何葛郭敖那乌包宝韩李王张刘陈杨赵孙鄂"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超霞平刚桂花巴特尔其木格乌力吉阿拉坦"
ETHNICITIES = ("鄂伦春族", "蒙古族", "达斡尔族", "汉族", None)

OPENINGS = (
    "{d}，执法人员在{f}领域开展{t}时，",
    "{d}，根据群众反映，执法人员赴辖区内开展{f}方面的{t}，",
    "{d}，在上级部署的专项整治行动中，执法人员对{f}相关经营主体实施{t}，",
)
MIDDLES = (
    "因县级审批系统数据延迟，现场无法核实许可证件的有效性，执法人员依据当时掌握的情况采取了查封措施，",
    "当事人隐瞒了部分关键事实，执法人员在履行告知程序后作出了处理决定，事后查明相关事实与认定不一致，",
    "受暴风雪天气影响，现场取证条件受限，执法人员按照操作规程先行登记保存了涉案物品，",
    "由于法律法规调整后配套细则尚未出台，执法人员参照原有标准进行了认定，",
    "在推进改革探索中缺乏可借鉴的先例，执法人员按照集体研究意见先行先试，",
)
ENDINGS = (
    "造成当事人两日停业，经济损失约{m}元。执法人员发现问题后立即解除措施，当面赔礼道歉并协助挽回损失，未造成重大不良影响，本人书面申请容错纠错。",
    "未造成重大损失和严重不良影响。执法人员主动说明情况，积极消除不良影响，单位研究后启动容错纠错程序，并同步开展纠错整改。",
    "群众对此有所反映。经调查核实，执法人员不存在滥用职权或不履行法定职责的情形，已积极采取补救措施，拟按规定予以从轻或减轻处理。",
)


def _description(rng: random.Random, day: date, field: str, kind: str) -> str:
    opening = rng.choice(OPENINGS).format(
        d=f"{day.year}年{day.month}月{day.day}日", f=field, t=kind
    )
    ending = rng.choice(ENDINGS).format(m=rng.randrange(500, 50_000, 100))
    return opening + rng.choice(MIDDLES) + ending


def build(path: Path, cases: int, seed: int = 127) -> Path:
    """Create `path` afresh with `cases` cases, ~60 officers and the six departments."""
    path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    rng = random.Random(seed)
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        stamp = "2026-11-01 08:00:00.000000"
        cursor.executemany(
            # the schema's migration may have added the default departments already
            "INSERT OR IGNORE INTO departments"
            " (id, name, sort_order, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)",
            [(i + 1, name, i, stamp, stamp) for i, name in enumerate(DEPARTMENTS)],
        )
        officers = [
            (
                i + 1,
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", *GIVEN)),
                rng.choice(ETHNICITIES),
                rng.randint(1, len(DEPARTMENTS)),
                "执法队员",
                f"15-0783-{i + 1:05d}",
                stamp,
                stamp,
            )
            for i in range(60)
        ]
        cursor.executemany(
            "INSERT INTO officers (id, name, ethnicity, department_id, post, badge_number, active,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
            officers,
        )
        case_rows, links, index_rows = [], [], []
        first_day = date(2020, 1, 1)
        per_year: dict[int, int] = {}
        for case_id in range(1, cases + 1):
            occurred = first_day + timedelta(days=rng.randrange(0, 7 * 365))
            reported = occurred + timedelta(days=rng.randrange(0, 30))
            per_year[reported.year] = per_year.get(reported.year, 0) + 1
            number = f"RC-{reported.year}-{per_year[reported.year]:03d}"
            field, kind = rng.choice(FIELDS), rng.choice(TYPES)
            description = _description(rng, occurred, field.label, kind.label)
            status = rng.choice(CASE_STATUSES)
            decided = CASE_STATUSES.index(status) >= CASE_STATUSES.index("decided")
            outcome = rng.choice(OUTCOMES) if decided else None
            title = f"{field.label}{kind.label}容错纠错申请"
            case_rows.append(
                (
                    case_id,
                    number,
                    rng.choice(SOURCES).value,
                    kind.value,
                    field.value,
                    occurred.isoformat(),
                    reported.isoformat(),
                    title,
                    description,
                    status,
                    outcome,
                    stamp,
                    stamp,
                )
            )
            chosen = rng.sample(officers, rng.choice((1, 1, 2)))
            links.extend((case_id, o[0], "party", pos) for pos, o in enumerate(chosen))
            names = " ".join(o[1] for o in chosen)
            index_rows.append((case_id, index_text((number, title, description, names))))
        cursor.executemany(
            "INSERT INTO cases (id, number, source, enforcement_type, field, occurred_on,"
            " reported_on, title, description, status, outcome, created_at, updated_at,"
            " loss_text, impact, remedial_actions)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '')",
            case_rows,
        )
        cursor.executemany(
            "INSERT INTO case_officers (case_id, officer_id, role, position) VALUES (?, ?, ?, ?)",
            links,
        )
        cursor.executemany("INSERT INTO case_search_index (rowid, body) VALUES (?, ?)", index_rows)
        cursor.execute("COMMIT")
        cursor.execute("PRAGMA optimize")
        cursor.execute("INSERT INTO case_search_index (case_search_index) VALUES ('optimize')")
        cursor.execute("ANALYZE")
    finally:
        raw.close()
        db.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=127)
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.path, args.cases, args.seed)
    size_mb = args.path.stat().st_size / 1e6
    seconds = time.perf_counter() - started
    print(f"{args.cases} cases → {args.path} ({size_mb:.0f} MB) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
