"""Fixed choices of the office's work (journeys.md, domain.md), English names → Chinese labels."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from nanmu_desktop.domain.outcomes import Outcome


class _Labelled(StrEnum):
    """A StrEnum whose members carry a Chinese label, looked up both ways."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> Self:
        for member in cls:
            if _LABELS[member] == label:
                return member
        raise ValueError(f"{cls.__name__} has no member labelled {label!r}")


class CaseSource(_Labelled):
    """How a case starts (第十三条; 第十八条 for petitions)."""

    personal_application = "personal_application"
    unit_initiated = "unit_initiated"
    accountability_investigation = "accountability_investigation"
    petition_report = "petition_report"
    higher_assignment = "higher_assignment"


class EnforcementType(_Labelled):
    """The kind of enforcement act the case concerns (第五条)."""

    administrative_penalty = "administrative_penalty"
    administrative_coercion = "administrative_coercion"
    administrative_inspection = "administrative_inspection"
    other = "other"


class EnforcementField(_Labelled):
    """执法领域, the field in which the officer acted."""

    forestry_grassland = "forestry_grassland"
    agriculture_husbandry = "agriculture_husbandry"
    natural_resources = "natural_resources"
    ecology_environment = "ecology_environment"
    market_regulation = "market_regulation"
    work_safety = "work_safety"
    urban_rural_construction = "urban_rural_construction"
    culture_tourism = "culture_tourism"
    health = "health"
    other = "other"


class DocumentKind(_Labelled):
    """Every document the office issues; the value is the id used in files and the database."""

    determination_worksheet = "determination-worksheet"
    exemption_decision = "exemption-decision"
    mitigation_decision = "mitigation-decision"
    duty_fulfilled_decision = "duty-fulfilled-decision"
    non_tolerance_decision = "non-tolerance-decision"
    notification = "notification"
    rectification_order = "rectification-order"
    extension_reply = "extension-reply"
    report_feedback = "report-feedback"
    report_explanation = "report-explanation"
    clarification = "clarification"
    risk_warning = "risk-warning"

    @property
    def is_decision(self) -> bool:
        return self in DECISION_KIND_BY_OUTCOME.values()


# The township's offices (科室) offered when the settings are first filled in; editable later.
DEFAULT_DEPARTMENTS: tuple[str, ...] = (
    "党政综合办公室",
    "综合行政执法办公室",
    "经济发展办公室（农牧业）",
    "自然资源和生态环境办公室",
    "社会事务办公室",
    "应急管理和安全生产办公室",
)

DECISION_KIND_BY_OUTCOME: dict[Outcome, DocumentKind] = {
    Outcome.exempt: DocumentKind.exemption_decision,
    Outcome.mitigated: DocumentKind.mitigation_decision,
    Outcome.duty_fulfilled: DocumentKind.duty_fulfilled_decision,
    Outcome.not_tolerated: DocumentKind.non_tolerance_decision,
}
#: the stored `kind` values of the decision documents
DECISION_KINDS: tuple[str, ...] = tuple(k.value for k in DocumentKind if k.is_decision)


def decision_kind(outcome: Outcome) -> DocumentKind:
    """The decision document that records `outcome`."""
    return DECISION_KIND_BY_OUTCOME[outcome]


_LABELS: dict[_Labelled, str] = {
    CaseSource.personal_application: "个人申请",
    CaseSource.unit_initiated: "单位启动",
    CaseSource.accountability_investigation: "问责调查",
    CaseSource.petition_report: "信访举报",
    CaseSource.higher_assignment: "上级交办",
    EnforcementType.administrative_penalty: "行政处罚",
    EnforcementType.administrative_coercion: "行政强制",
    EnforcementType.administrative_inspection: "行政检查",
    EnforcementType.other: "其他",
    EnforcementField.forestry_grassland: "林业和草原",
    EnforcementField.agriculture_husbandry: "农牧业",
    EnforcementField.natural_resources: "自然资源",
    EnforcementField.ecology_environment: "生态环境",
    EnforcementField.market_regulation: "市场监管",
    EnforcementField.work_safety: "安全生产",
    EnforcementField.urban_rural_construction: "城乡建设",
    EnforcementField.culture_tourism: "文化旅游",
    EnforcementField.health: "卫生健康",
    EnforcementField.other: "其他",
    DocumentKind.determination_worksheet: "容错纠错认定审批表",
    DocumentKind.exemption_decision: "容错免责决定书",
    DocumentKind.mitigation_decision: "从轻（减轻）处理决定书",
    DocumentKind.duty_fulfilled_decision: "履职尽责认定书",
    DocumentKind.non_tolerance_decision: "不予容错决定书",
    DocumentKind.notification: "容错认定结果告知书",
    DocumentKind.rectification_order: "纠错整改通知书",
    DocumentKind.extension_reply: "延期整改申请批复",
    DocumentKind.report_feedback: "信访举报调查结果反馈函",
    DocumentKind.report_explanation: "信访举报情况说明",
    DocumentKind.clarification: "澄清正名通报",
    DocumentKind.risk_warning: "易错风险警示提醒",
}
