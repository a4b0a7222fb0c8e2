"""Township profile and settings: names, 代字 per document kind, signer, 印发机关, 抄送,
the 7-day counting rule; the first-run flag. The holiday / 调休 table is `work_calendar`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy.orm import Session

from nanmu_desktop.domain.numbering import check_prefix
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import TownshipProfile

DEFAULT_PREFIX = "鄂政发"
DAY_COUNTING_LABELS = {"calendar": "自然日", "working": "工作日"}


@dataclass(frozen=True)
class ProfileInput:
    name_zh: str
    name_mn: str = ""
    document_prefixes: dict[str, str] = field(default_factory=dict)  # kind → 代字
    signer: str = ""
    issuing_authority: str = ""  # 印发机关
    default_cc: tuple[str, ...] = ()  # 默认抄送
    day_counting: str = "calendar"  # calendar / working


@dataclass(frozen=True)
class TownshipProfileInfo:
    name_zh: str
    name_mn: str
    document_prefixes: dict[str, str]
    signer: str
    issuing_authority: str
    default_cc: tuple[str, ...]
    day_counting: str
    day_counting_label: str
    first_run_done: bool

    def prefix_for(self, kind: str) -> str:
        """The 代字 of a document kind (鄂政发 unless the office set another)."""
        return self.document_prefixes.get(kind) or DEFAULT_PREFIX


def get_profile(db: Database) -> TownshipProfileInfo:
    with db.session() as session:
        return profile_info(read_profile(session))


def is_first_run(db: Database) -> bool:
    return not get_profile(db).first_run_done


def update_profile(
    db: Database, data: ProfileInput, *, actor: str = DEFAULT_ACTOR
) -> TownshipProfileInfo:
    return _save_profile(db, data, actor, finish_first_run=False)


def complete_first_run(
    db: Database, data: ProfileInput, *, actor: str = DEFAULT_ACTOR
) -> TownshipProfileInfo:
    """Save the profile entered on first run and mark the first run done, in one transaction."""
    return _save_profile(db, data, actor, finish_first_run=True)


def _save_profile(
    db: Database, data: ProfileInput, actor: str, *, finish_first_run: bool
) -> TownshipProfileInfo:
    _check(data).raise_if_any()
    with db.write_session() as session:
        row = load_profile(session)
        if finish_first_run and row.first_run_done:
            # Two first-run wizards (two windows): the later one must not overwrite silently.
            raise ConflictError("首次设置已在另一窗口完成，本次未保存；请在“设置”中查看或修改。")
        before = asdict(profile_info(row))
        row.name_zh = data.name_zh.strip()
        row.name_mn = data.name_mn.strip()
        row.document_prefixes = {
            k: v.strip() for k, v in data.document_prefixes.items() if v.strip()
        }
        row.signer = data.signer.strip()
        row.issuing_authority = data.issuing_authority.strip()
        row.default_cc = [cc.strip() for cc in data.default_cc if cc.strip()]
        row.day_counting = data.day_counting
        if finish_first_run:
            row.first_run_done = True
        session.flush()
        after = profile_info(row)
        action = "first_run" if finish_first_run else "update"
        audit(session, actor, action, "township_profile", 1, before, asdict(after))
        return after


def read_profile(session: Session) -> TownshipProfile:
    """The profile row, or (in a new database) an unsaved one with the defaults."""
    return session.get(TownshipProfile, 1) or _default_profile()


def load_profile(session: Session) -> TownshipProfile:
    """The single profile row for changing, added with the defaults when the database is new."""
    row = session.get(TownshipProfile, 1)
    if row is None:
        row = _default_profile()
        session.add(row)
        session.flush()
    return row


def _default_profile() -> TownshipProfile:
    return TownshipProfile(
        id=1,
        name_zh="",
        name_mn="",
        document_prefixes={},
        signer="",
        issuing_authority="",
        default_cc=[],
        day_counting="calendar",
        first_run_done=False,
    )


def profile_info(row: TownshipProfile) -> TownshipProfileInfo:
    return TownshipProfileInfo(
        name_zh=row.name_zh,
        name_mn=row.name_mn,
        document_prefixes=dict(row.document_prefixes or {}),
        signer=row.signer,
        issuing_authority=row.issuing_authority,
        default_cc=tuple(row.default_cc or ()),
        day_counting=row.day_counting,
        day_counting_label=DAY_COUNTING_LABELS.get(row.day_counting, row.day_counting),
        first_run_done=row.first_run_done,
    )


def _check(data: ProfileInput) -> Problems:
    problems = Problems()
    problems.text(data.name_zh, "单位名称", max_len=100)
    problems.text(data.name_mn, "蒙古文名称", required=False, max_len=200)
    problems.text(data.signer, "签发人", required=False, max_len=50)
    problems.text(data.issuing_authority, "印发机关", required=False, max_len=100)
    problems.check(data.day_counting in DAY_COUNTING_LABELS, "期限计算方式", "应为自然日或工作日")
    for kind, prefix in data.document_prefixes.items():
        if prefix.strip():
            for problem in check_prefix(prefix.strip()):
                problems.add(f"代字[{kind}]", problem.message)
    return problems
