"""Fixed choices and their Chinese labels."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.domain.vocabulary import (
    DEFAULT_DEPARTMENTS,
    CaseSource,
    DocumentKind,
    EnforcementField,
    EnforcementType,
    decision_kind,
)


def test_labels_and_reverse_lookup() -> None:
    sources = ["个人申请", "单位启动", "问责调查", "信访举报", "上级交办"]
    assert [s.label for s in CaseSource] == sources
    assert [t.label for t in EnforcementType] == ["行政处罚", "行政强制", "行政检查", "其他"]
    assert len(EnforcementField) == 10 and EnforcementField.from_label("林业和草原").value == (
        "forestry_grassland")
    with pytest.raises(ValueError):
        CaseSource.from_label("自行发现")
    assert "综合行政执法办公室" in DEFAULT_DEPARTMENTS


def test_document_kinds_use_the_ids_of_domain_md() -> None:
    assert DocumentKind("risk-warning").label == "易错风险警示提醒"
    assert len({k.label for k in DocumentKind}) == len(DocumentKind) == 12


@pytest.mark.parametrize(("outcome", "label"), [
    (Outcome.exempt, "容错免责决定书"), (Outcome.mitigated, "从轻（减轻）处理决定书"),
    (Outcome.duty_fulfilled, "履职尽责认定书"), (Outcome.not_tolerated, "不予容错决定书"),
])
def test_decision_kind_per_outcome(outcome: Outcome, label: str) -> None:
    kind = decision_kind(outcome)
    assert kind.label == label and kind.is_decision
    assert not DocumentKind.notification.is_decision


def test_outcome_labels_and_error_counting() -> None:
    assert Outcome.duty_fulfilled.label == "履职尽责（不予追责）"
    assert Outcome.mitigated.more_favourable() == (Outcome.duty_fulfilled, Outcome.exempt)
