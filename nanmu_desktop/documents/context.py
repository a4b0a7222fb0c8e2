"""Plain inputs of the document builders: everything a document says, already read from the store.

The services fill these from the database; the builders in `documents/kinds/` only compose text
from them, so every builder can be tested as data without a database or a page engine.
Outcomes and conclusions are kept as their string ids (`exempt`, `no_evidence`, ...) so this
module depends on nothing else of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Letterhead:
    """The township profile as printed: red header, signature and 版记."""

    authority: str  # the township's name as entered in 设置
    mongolian: str  # the Mongolian name for the header line ("" = none)
    printed_by: str  # 印发机关
    regulation_title: str  # from the case's regulation version, never from code
    regulation_number: str
    cc: tuple[str, ...] = ()  # default 抄送
    township_type: str = "xiang"  # TownshipType value: drives 乡党委 / 镇党委 / 本街道 …


@dataclass(frozen=True)
class PrintedOfficer:
    name: str
    department: str = ""
    post: str = ""
    badge_number: str = ""  # 执法证号


@dataclass(frozen=True)
class CaseInfo:
    """The case as registered and investigated (the facts found)."""

    number: str
    source: str  # Chinese label, e.g. 个人申请
    enforcement_type: str  # 行政检查 ...
    field: str  # 林业和草原 ...
    occurred_on: date
    reported_on: date
    description: str
    officers: tuple[PrintedOfficer, ...]
    loss: str = ""
    impact: str = ""
    remedial_actions: str = ""


@dataclass(frozen=True)
class Answer:
    """One question of the determination with its answer, for the worksheet."""

    citation: str  # 第十条第一款第（四）项
    question: str
    answer: str  # 是 / 否 / free text


@dataclass(frozen=True)
class PrintedInvestigation:
    """调查核实 as recorded: who, from when to when, what was found, the evidence listed."""

    investigators: tuple[str, ...]
    started_on: date
    ended_on: date
    findings: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintedProposal:
    """The engine's proposal as saved."""

    outcome: str  # Outcome value
    basis: tuple[str, ...]  # formatted citations
    explanation: tuple[str, ...]
    answers: tuple[Answer, ...]
    regulation_version: str
    made_on: date
    warnings: tuple[str, ...] = ()
    # 第十一条 circumstances of a 第十二条 case: printed for 追责, never as a basis.
    accountability: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionInfo:
    """The Party committee's decision (第十三条) and the notification deadline it starts."""

    meeting_date: date
    outcome: str  # Outcome value: what the committee decided
    basis: tuple[str, ...]  # what the decision cites (empty: no article)
    ground: str = ""  # Ground value: the legal ground the decision rests on
    tolerated: bool = False  # 第十四条: not recorded as an enforcement error
    attendees: tuple[str, ...] = ()
    leniency: str | None = None  # lighter (从轻) | reduced (减轻) for `mitigated`
    measure: str = ""  # what is lightened, for `mitigated`
    reason: str = ""  # why it departs from the proposal
    notification_days: int = 7  # 第十三条's period in the version in force
    notification_deadline: date | None = None
    day_rule: str = "自然日"  # how the 7 days are counted, in a word (自然日 / 工作日)
    day_rule_text: str = ""  # the counting rule in full, printed on the worksheet
    publication_scope: str = ""  # "" = the township's 公示栏 (domain/township.py)


@dataclass(frozen=True)
class RectificationInfo:
    """A 纠错整改 order (第十六条)."""

    reasons: str
    items: tuple[str, ...]
    requirements: str
    deadline: date
    issued_on: date | None = None


@dataclass(frozen=True)
class PrintedExtension:
    """An application to extend a rectification deadline and the reply to it."""

    requested_on: date
    reason: str
    new_deadline: date
    approved: bool
    reply: str = ""  # the reasons of the reply (required when refused)


@dataclass(frozen=True)
class PrintedPetition:
    """A 信访举报 (第十八条). The reporter's identity is only ever used in the feedback letter."""

    received_on: date
    channel: str
    real_name: bool
    allegations: str
    findings: str
    conclusion: str  # unfounded | no_evidence | tolerated | substantiated
    accused: tuple[PrintedOfficer, ...]
    malicious: bool = False
    reporter_name: str = ""
    scope: str = ""  # where an explanation or clarification is made known ("" = staff meeting)
    # The linked case's decided outcome and ground ids ("exempt", "art10_exempt"); None if
    # no case is linked or it is undecided.
    linked: tuple[str, str] | None = None
    art10_leniency_is_tolerance: bool = True  # the rule option: 第十条's 从轻/减轻 is 容错


@dataclass(frozen=True)
class RiskCase:
    """One case in a 易错风险 pattern (第十七条)."""

    number: str
    occurred_on: date
    officers: str
    summary: str


@dataclass(frozen=True)
class RiskWarningInfo:
    field: str
    citation: str  # the recurring citation, e.g. 第十条第一款第（五）项
    citation_text: str  # what that item says
    period_start: date
    period_end: date
    cases: tuple[RiskCase, ...]
    recipients: tuple[str, ...]
    unnamed: int = 0  # cases listed without their officers' names (第十四条: tolerated)


@dataclass(frozen=True)
class DocumentContext:
    """Everything one document may draw on; builders refuse when a piece they need is missing."""

    kind: str  # DocumentKind value
    letterhead: Letterhead
    issue_date: date
    number: str | None = None  # None for a draft; the issuing service draws it
    recipient: str | None = None  # 主送 one unit or party only (None: every party of the case)
    case: CaseInfo | None = None
    determination: PrintedProposal | None = None
    decision: DecisionInfo | None = None
    rectification: RectificationInfo | None = None
    extension: PrintedExtension | None = None
    petition: PrintedPetition | None = None
    risk_warning: RiskWarningInfo | None = None
    # The township's choice: a 告知书 to a party in person is a 信函 (GB/T 9704 10.1).
    notification_to_party_as_letter: bool = True
    # Evidence the case holds (its attachments' descriptions), listed on a decision's 附件.
    evidence: tuple[str, ...] = ()
    investigation: PrintedInvestigation | None = None
