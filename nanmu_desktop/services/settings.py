"""Township profile and settings: names, type (乡/镇/苏木/街道), one 代字 for every document kind
with per-kind overrides, signer, 印发机关, 抄送, the 7-day counting rule; the first-run flag.
The holiday / 调休 table is `work_calendar`."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy.orm import Session

from nanmu_desktop.documents.mongolian_text import join_suffixes
from nanmu_desktop.domain.numbering import check_prefix
from nanmu_desktop.domain.roles import Operation
from nanmu_desktop.domain.township import (
    TownshipType,
    TownshipWording,
    product_name,
    short_name,
    wording_for,
)
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ConflictError
from nanmu_desktop.services.access import require
from nanmu_desktop.services.common import DEFAULT_ACTOR, audit
from nanmu_desktop.services.document_formats import (
    DocumentFormats,
    read_document_formats,
    write_document_formats,
)
from nanmu_desktop.services.validate import Problems
from nanmu_desktop.storage.db import Database
from nanmu_desktop.storage.models import TownshipProfile

DEFAULT_PREFIX = "鄂政发"  # only for a database whose office never entered a 代字 (the demo's)
# Series keys of letters (信函, GB/T 9704 10.1): the 反馈函 always, the 告知书 when it goes to a
# party in person. Their default 代字 is the township's own with 函 for 发 (鄂政发 → 鄂政函).
NOTIFICATION_LETTER = "notification.letter"
LETTER_SERIES = frozenset({"report-feedback", NOTIFICATION_LETTER})
# Kinds that never draw a 文号 (the 审批表 is an internal form).
UNNUMBERED_KINDS = frozenset({DocumentKind.determination_worksheet.value})
FILE_SERIES = tuple(
    k.value for k in DocumentKind if k.value not in LETTER_SERIES | UNNUMBERED_KINDS
)
# Every numbered series in the order 设置 lists them.
ALL_SERIES = (*FILE_SERIES, NOTIFICATION_LETTER, DocumentKind.report_feedback.value)
SERIES_LABELS = {k.value: k.label for k in DocumentKind} | {
    NOTIFICATION_LETTER: "容错认定结果告知书（致当事人，信函）",
    DocumentKind.report_feedback.value: "信访举报调查结果反馈函（信函）",
}
DAY_COUNTING_LABELS = {"calendar": "自然日", "working": "工作日"}
CC_SEPARATORS = re.compile(r"[、，,；;\n]+")


def split_cc(text: str) -> tuple[str, ...]:
    """抄送 typed as one line: 扎兰屯市司法局、乡纪委 → each unit."""
    return tuple(part.strip() for part in CC_SEPARATORS.split(text) if part.strip())


@dataclass(frozen=True)
class ProfileInput:
    name_zh: str
    name_mn: str = ""
    document_prefixes: dict[str, str] = field(default_factory=dict)  # kind → 代字 (overrides)
    signer: str = ""
    issuing_authority: str = ""  # 印发机关
    default_cc: tuple[str, ...] = ()  # 默认抄送
    day_counting: str = "calendar"  # calendar / working
    township_type: str = TownshipType.xiang.value
    default_prefix: str = ""  # the 代字 of every kind without an override
    # A 告知书 to a party in person is printed as a 信函 in the letter series.
    notification_to_party_as_letter: bool = True


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
    township_type: str = TownshipType.xiang.value
    default_prefix: str = ""
    notification_to_party_as_letter: bool = True

    def prefix_for(self, kind: str) -> str:
        """The 代字 of a series key (a kind, or `NOTIFICATION_LETTER`): its override, else the
        one for all kinds — for a 信函 series turned into the letter series (鄂政发 → 鄂政函)."""
        chosen = self.document_prefixes.get(kind)
        if chosen:
            return chosen
        return letter_prefix(self.main_prefix) if kind in LETTER_SERIES else self.main_prefix

    @property
    def main_prefix(self) -> str:
        """The 代字 for all kinds (鄂政发 only where the office never entered one)."""
        return self.default_prefix or DEFAULT_PREFIX

    @property
    def wording(self) -> TownshipWording:
        return wording_for(self.township_type)

    @property
    def type_label(self) -> str:
        return TownshipType(self.township_type).label

    @property
    def short_name(self) -> str:
        return short_name(self.name_zh)

    @property
    def product_name(self) -> str:
        """容错纠错办理系统 with the township's short name in front (none before the first run)."""
        return product_name(self.name_zh)


def letter_prefix(prefix: str) -> str:
    """The letter series of a 代字: 鄂政发 → 鄂政函; one without 发 gets 函 added."""
    return prefix[:-1] + "函" if prefix.endswith("发") else prefix + "函"


def series_key(kind: str, document_format: str) -> str:
    """Which series a document draws from: its kind's, or the 告知书's letter series."""
    return NOTIFICATION_LETTER if kind == "notification" and document_format == "letter" else kind


def get_profile(db: Database) -> TownshipProfileInfo:
    with db.session() as session:
        return _with_formats(session, profile_info(read_profile(session)))


def _with_formats(session: Session, info: TownshipProfileInfo) -> TownshipProfileInfo:
    formats = read_document_formats(session)
    return replace(info, notification_to_party_as_letter=formats.notification_to_party_as_letter)


def is_first_run(db: Database) -> bool:
    return not get_profile(db).first_run_done


def update_profile(
    db: Database, data: ProfileInput, *, actor: str = DEFAULT_ACTOR
) -> TownshipProfileInfo:
    require(db, Operation.settings)
    return _save_profile(db, data, actor, finish_first_run=False)


def complete_first_run(
    db: Database, data: ProfileInput, *, actor: str = DEFAULT_ACTOR
) -> TownshipProfileInfo:
    """Save the profile entered on first run and mark the first run done, in one transaction."""
    require(db, Operation.settings)
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
        before = asdict(_with_formats(session, profile_info(row)))
        row.name_zh = data.name_zh.strip()
        row.name_mn = join_suffixes(data.name_mn.strip())
        row.township_type = data.township_type
        row.default_prefix = data.default_prefix.strip()
        row.document_prefixes = {
            k: v.strip()
            for k, v in data.document_prefixes.items()
            if v.strip() and v.strip() != row.default_prefix
        }
        row.signer = data.signer.strip()
        row.issuing_authority = data.issuing_authority.strip()
        row.default_cc = [cc.strip() for cc in data.default_cc if cc.strip()]
        row.day_counting = data.day_counting
        if finish_first_run:
            row.first_run_done = True
        write_document_formats(session, DocumentFormats(data.notification_to_party_as_letter))
        session.flush()
        after = _with_formats(session, profile_info(row))
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
        township_type=TownshipType.xiang.value,
        default_prefix="",
    )


def info_from_input(data: ProfileInput) -> TownshipProfileInfo:
    """What `data` would read back as once saved (the first-run check page shows it before)."""
    default = data.default_prefix.strip()
    return TownshipProfileInfo(
        name_zh=data.name_zh.strip(),
        name_mn=join_suffixes(data.name_mn.strip()),
        document_prefixes={
            k: v.strip() for k, v in data.document_prefixes.items()
            if v.strip() and v.strip() != default
        },
        signer=data.signer.strip(),
        issuing_authority=data.issuing_authority.strip(),
        default_cc=tuple(cc.strip() for cc in data.default_cc if cc.strip()),
        day_counting=data.day_counting,
        day_counting_label=DAY_COUNTING_LABELS.get(data.day_counting, data.day_counting),
        first_run_done=False,
        township_type=data.township_type,
        default_prefix=default,
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
        township_type=row.township_type or TownshipType.xiang.value,
        default_prefix=row.default_prefix or "",
    )


def _check(data: ProfileInput) -> Problems:
    problems = Problems()
    problems.text(data.name_zh, "单位名称", max_len=100)
    problems.text(data.name_mn, "蒙古文名称", required=False, max_len=200, mongolian=True)
    problems.text(data.signer, "签发人", required=False, max_len=50)
    problems.text(data.issuing_authority, "印发机关", required=False, max_len=100)
    for cc in data.default_cc:
        problems.text(cc, "默认抄送", required=False, max_len=100)
    problems.check(data.day_counting in DAY_COUNTING_LABELS, "期限计算方式", "应为自然日或工作日")
    problems.check(
        data.township_type in set(TownshipType), "单位类型", "应为乡、镇、苏木或街道"
    )
    if data.default_prefix.strip():
        for problem in check_prefix(data.default_prefix.strip()):
            problems.add("代字", problem.message)
    for kind, prefix in data.document_prefixes.items():
        if prefix.strip():
            for problem in check_prefix(prefix.strip()):
                problems.add(f"代字[{kind}]", problem.message)
    return problems
