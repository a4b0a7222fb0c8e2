"""Demo-like inputs of the document builders (journeys J1–J4), shared by the test_kinds_* files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nanmu_desktop.documents.context import (
    Answer,
    CaseInfo,
    DecisionInfo,
    DeterminationInfo,
    DocumentContext,
    ExtensionInfo,
    Letterhead,
    OfficerInfo,
    PetitionInfo,
    RectificationInfo,
    RiskCase,
    RiskWarningInfo,
)

LETTERHEAD = Letterhead(
    authority="扎兰屯市南木鄂伦春民族乡人民政府",
    mongolian="ᠨᠠᠮᠤ",
    printed_by="扎兰屯市南木鄂伦春民族乡党政综合办公室",
    cc=("扎兰屯市司法局",),
)
GUAN = OfficerInfo("关某某", "综合行政执法办公室", "执法队员", "15-0783-00012")
MO = OfficerInfo("莫某", "综合行政执法办公室", "执法队员", "15-0783-00031")

J1_CASE = CaseInfo(
    number="RC-2026-001",
    source="个人申请",
    enforcement_type="行政检查",
    field="林业和草原",
    occurred_on=date(2026, 1, 5),
    reported_on=date(2026, 1, 8),
    description="在暴风雪天气中对某木材加工场开展检查时，因县级许可数据延迟，误认其采伐许可证无效而查封场地",
    officers=(GUAN,),
    loss="木材场停业两天，减少销售收入约1.2万元",
    impact="未造成严重不良影响",
    remedial_actions="当即解除查封并当面致歉",
)
EXEMPT_BASIS = ("第十条第一款第（四）项", "第十条第二款第（一）（二）（三）项")
J1_DETERMINATION = DeterminationInfo(
    outcome="exempt",
    basis=EXEMPT_BASIS,
    explanation=("未见第十二条的排除情形。", "符合第十条第一款第（四）项，且具备第二款三项条件。"),
    answers=(
        Answer("第十二条", "是否滥用法定职权", "否"),
        Answer("第十条第一款第（四）项", "临机决断、因不可预见原因出现失误", "是"),
    ),
    regulation_version="2024-127",
    made_on=date(2026, 1, 9),
)
J1_DECISION = DecisionInfo(
    meeting_date=date(2026, 1, 10),
    outcome="exempt",
    basis=EXEMPT_BASIS,
    ground="art10_exempt",
    tolerated=True,
    attendees=("刘晓伟", "张某"),
    notification_deadline=date(2026, 1, 17),
    day_rule="自然日",
)
J1_ORDER = RectificationInfo(
    reasons="查封前未核验县级许可系统的实时数据",
    items=("修订查封检查程序", "组织执法人员开展县级许可系统使用培训"),
    requirements="由综合行政执法办公室牵头落实",
    deadline=date(2026, 2, 9),
)
J1_EXTENSION = ExtensionInfo(
    requested_on=date(2026, 2, 3),
    reason="培训须待县里统一安排",
    new_deadline=date(2026, 2, 24),
    approved=True,
)


def context(kind: str, **parts: object) -> DocumentContext:
    """A J1 context of `kind`; keyword arguments replace its parts."""
    ctx = DocumentContext(
        kind=kind,
        letterhead=LETTERHEAD,
        issue_date=date(2026, 1, 12),
        case=J1_CASE,
        determination=J1_DETERMINATION,
        decision=J1_DECISION,
        rectification=J1_ORDER,
        extension=J1_EXTENSION,
    )
    return replace(ctx, **parts)  # type: ignore[arg-type]


# 第十一条 leniency and 不予容错 are no 容错决定: no 7-day clock, and they count as errors.
MITIGATED = replace(
    J1_DECISION, outcome="mitigated", basis=("第十一条第（一）项",), leniency="reduced",
    ground="art11", tolerated=False, notification_deadline=None, measure="由诫勉谈话减为批评教育",
)
DUTY = replace(
    J1_DECISION, outcome="duty_fulfilled", basis=("第九条第（二）项",), ground="art9",
    notification_deadline=None,
)
NOT_TOLERATED = replace(
    J1_DECISION, outcome="not_tolerated", basis=("第十二条",), ground="art12", tolerated=False,
    notification_deadline=None,
)

ANONYMOUS = PetitionInfo(
    received_on=date(2026, 3, 2),
    channel="来信",
    real_name=False,
    allegations="在对某商店罚款时收受好处",
    findings="该商店罚款程序合法，未发现收受好处的证据",
    conclusion="no_evidence",
    accused=(MO,),
    malicious=True,
    reporter_name="王举报",  # must never be printed outside the feedback letter
)
REAL_NAME = replace(ANONYMOUS, real_name=True, malicious=False, reporter_name="王某某")

RISK = RiskWarningInfo(
    field="市场监管",
    citation="第十条第一款第（五）项",
    citation_text="开展行政执法检查中，因执法对象故意隐瞒或未如实反映情况，致使没有及时发现潜在问题的",
    period_start=date(2025, 9, 1),
    period_end=date(2026, 2, 28),
    cases=tuple(
        RiskCase(f"RC-2026-{n:03d}", date(2026, 1, n), "莫某", "检查时经营者隐瞒进货台账")
        for n in range(2, 6)
    ),
    recipients=("综合行政执法办公室",),
)
