"""Each builder composes the right text from a case (as data, before any rendering)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from kinds_samples import (
    ANONYMOUS,
    DUTY,
    J1_DECISION,
    MITIGATED,
    NOT_TOLERATED,
    REAL_NAME,
    RISK,
    context,
)

from nanmu_desktop.documents.kinds import BUILDERS, build_notice
from nanmu_desktop.documents.kinds.common import join_citations
from nanmu_desktop.documents.notice_model import Notice, Paragraph, Table
from nanmu_desktop.documents.templates import (
    Fill,
    TemplateError,
    compose,
    load_template,
    template_dirs,
)
from nanmu_desktop.errors import ConflictError

ALL_KINDS = {
    "determination-worksheet",
    "exemption-decision",
    "mitigation-decision",
    "duty-fulfilled-decision",
    "non-tolerance-decision",
    "notification",
    "rectification-order",
    "extension-reply",
    "report-feedback",
    "report-explanation",
    "clarification",
    "risk-warning",
}


def text_of(notice: Notice) -> str:
    parts = [notice.title, *notice.recipients]
    for block in notice.body:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.extend(block.header)
            parts.extend(cell for row in block.rows for cell in row)
    return "\n".join(parts)


def test_every_kind_of_the_domain_has_a_builder_and_a_template() -> None:
    assert set(BUILDERS) == ALL_KINDS
    bundled = template_dirs()[-1]
    for kind in ALL_KINDS:
        assert (bundled / f"{kind}.toml").is_file()


def test_citations_of_one_article_are_joined_with_ji() -> None:
    assert (
        join_citations(("第十条第一款第（四）项", "第十条第二款第（一）（二）（三）项"))
        == "第十条第一款第（四）项及第二款第（一）（二）（三）项"
    )
    assert (
        join_citations(("第十条第一款第（四）项", "第十一条第（一）项"))
        == "第十条第一款第（四）项、第十一条第（一）项"
    )


def test_exemption_decision_states_facts_citations_outcome_and_articles_13_14_15() -> None:
    notice = build_notice(context("exemption-decision"))
    text = text_of(notice)
    assert notice.header is not None and notice.header.mark.endswith("人民政府文件")
    assert "依据第十条第一款第（四）项及第二款第（一）（二）（三）项" in text
    assert "予以容错免责" in text
    assert "因县级许可数据延迟" in text  # the facts found
    assert "第十四条" in text and "不作为执法错误认定" in text
    assert "第十五条" in text and "启动纠错程序" in text
    assert "7日内" in text and "2026年1月17日前" in text
    assert notice.recipients == ("关某某", "综合行政执法办公室")
    assert notice.signature is not None and notice.signature.sealed
    assert notice.colophon is not None and notice.colophon.cc == ("扎兰屯市司法局",)
    assert notice.number is None


def test_mitigation_says_which_leniency_and_is_not_article_14() -> None:
    text = text_of(build_notice(context("mitigation-decision", decision=MITIGATED)))
    assert "减轻处理" in text and "依据第十一条第（一）项" in text
    assert "减轻的处理措施为：由诫勉谈话减为批评教育" in text
    # 第十一条 alone: accountability lightened, never "不完全具备免除责任的条件".
    assert "可以从轻或者减轻责任" in text and "免除责任条件" not in text
    assert "第十四条" not in text  # 第十一条 leniency still counts as an enforcement error


def test_article_10_mitigation_is_tolerance_and_says_why_not_exempt() -> None:
    lenient = replace(
        MITIGATED, ground="art10_lenient", basis=("第十条第一款第（四）项",), tolerated=True,
        notification_deadline=date(2026, 1, 17),
    )
    text = text_of(build_notice(context("mitigation-decision", decision=lenient)))
    assert "不完全具备第十条第二款规定的免除责任条件" in text and "应当从轻、减轻处理" in text
    assert "依据第十条第一款第（四）项" in text and "第十一条" not in text
    assert "不作为执法错误认定" in text
    chosen = replace(lenient, ground="art10_exempt", reason="拆除前未作合法性审查")
    text = text_of(build_notice(context("mitigation-decision", decision=chosen)))
    assert "“可以”免除责任，经研究决定不予免除" in text and "拆除前未作合法性审查" in text


def test_mitigation_without_recorded_leniency_is_refused() -> None:
    with pytest.raises(ConflictError, match="从轻还是减轻"):
        build_notice(context("mitigation-decision", decision=replace(MITIGATED, leniency=None)))


def test_duty_fulfilled_and_non_tolerance_decisions() -> None:
    duty = text_of(build_notice(context("duty-fulfilled-decision", decision=DUTY)))
    assert "依据第九条第（二）项" in duty and "不作为执法错误认定" in duty
    refused = text_of(build_notice(context("non-tolerance-decision", decision=NOT_TOLERATED)))
    assert "依据第十二条" in refused and "不予容错" in refused
    assert "不作为执法错误认定" not in refused


def test_a_decision_document_must_match_the_decided_outcome() -> None:
    with pytest.raises(ConflictError, match="容错免责"):
        build_notice(context("non-tolerance-decision"))
    with pytest.raises(ConflictError, match="党委研究决定"):
        build_notice(context("exemption-decision", decision=None))


def test_notification_tells_outcome_and_basis_to_each_party() -> None:
    notice = build_notice(context("notification"))
    text = text_of(notice)
    assert "认定结论：容错免责" in text
    assert "第十三条" in text and "第十五条" in text
    assert notice.recipients == ("关某某", "综合行政执法办公室")
    lines = [b.text for b in notice.body if isinstance(b, Paragraph)]
    assert [line[:2] for line in lines[1:6]] == ["一、", "二、", "三、", "四、", "五、"]


def test_notification_numbering_closes_up_when_a_paragraph_drops_out() -> None:
    notice = build_notice(context("notification", decision=NOT_TOLERATED))
    lines = [b.text for b in notice.body if isinstance(b, Paragraph)]
    assert [line[:2] for line in lines[1:4]] == ["一、", "二、", "三、"]
    assert "第十四条" not in text_of(notice)


def test_rectification_order_lists_reasons_items_deadline_and_extension_right() -> None:
    text = text_of(build_notice(context("rectification-order")))
    assert "查封前未核验县级许可系统的实时数据。" in text
    assert "（一）修订查封检查程序。" in text
    assert "（二）组织执法人员开展县级许可系统使用培训。" in text
    assert "2026年2月9日前" in text
    assert "申请适当延长整改期限" in text and "第十六条" in text


def test_extension_reply_approves_or_refuses_with_reason() -> None:
    approved = text_of(build_notice(context("extension-reply")))
    assert "同意延长纠错整改期限，延长后的整改期限至2026年2月24日" in approved
    refusal = replace(context("extension-reply").extension, approved=False, reply="理由不充分")  # type: ignore[type-var]
    refused = text_of(build_notice(context("extension-reply", extension=refusal)))
    assert "不同意延长整改期限" in refused and "理由不充分。" in refused
    assert "于2026年2月9日前完成整改" in refused
    with pytest.raises(ConflictError, match="理由"):
        build_notice(context("extension-reply", extension=replace(refusal, reply="")))


def test_anonymous_explanation_never_reveals_the_reporter() -> None:
    notice = build_notice(context("report-explanation", petition=ANONYMOUS, case=None))
    text = text_of(notice)
    assert "匿名" in text and "查无实据" in text and "第十八条" in text
    assert ANONYMOUS.reporter_name not in text
    assert ANONYMOUS.channel not in text
    with pytest.raises(ConflictError, match="反馈函"):
        build_notice(context("report-explanation", petition=REAL_NAME))


def test_feedback_goes_to_the_real_name_reporter_only() -> None:
    notice = build_notice(context("report-feedback", petition=REAL_NAME))
    assert notice.recipients == ("王某某",)
    # A letter (信函) to the reporter alone: no 抄送, hence no 版记 at all (10.1).
    assert notice.format == "letter" and notice.colophon is None
    with pytest.raises(ConflictError, match="匿名"):
        build_notice(context("report-feedback", petition=ANONYMOUS))


def test_clarification_only_for_a_malicious_unfounded_report() -> None:
    text = text_of(build_notice(context("clarification", petition=ANONYMOUS)))
    assert "为莫某同志澄清正名" in text and "第十八条" in text
    assert ANONYMOUS.reporter_name not in text
    with pytest.raises(ConflictError, match="恶意"):
        build_notice(context("clarification", petition=replace(ANONYMOUS, malicious=False)))


def test_risk_warning_lists_the_risk_point_and_the_cases() -> None:
    notice = build_notice(context("risk-warning", risk_warning=RISK))
    text = text_of(notice)
    assert "第十七条" in text and "第十条第一款第（五）项" in text
    assert "因执法对象故意隐瞒" in text and "共有4件" in text
    # The cases are listed on the attachment page the 附件说明 names (7.3.7).
    assert not [b for b in notice.body if isinstance(b, Table)]
    (appendix,) = notice.appendices
    assert notice.attachments == (appendix.title,) and "相关案件清单" in appendix.title
    tables = [b for b in appendix.body if isinstance(b, Table)]
    assert [row[0] for row in tables[0].rows] == [c.number for c in RISK.cases]


def test_worksheet_is_a_plain_form_with_answers_rule_and_signature_boxes() -> None:
    notice = build_notice(context("determination-worksheet"))
    assert notice.header is None and notice.signature is None
    text = text_of(notice)
    for expected in ("经办", "审核", "签发", "临机决断", "按自然日计算", "2026年1月17日前"):
        assert expected in text
    pending = text_of(build_notice(context("determination-worksheet", decision=None)))
    assert "待党委研究决定" in pending
    with pytest.raises(ConflictError, match="研判"):
        build_notice(context("determination-worksheet", determination=None))


def test_decision_with_working_day_rule_prints_that_rule() -> None:
    decision = replace(J1_DECISION, day_rule="工作日", notification_deadline=date(2026, 1, 19))
    text = text_of(build_notice(context("exemption-decision", decision=decision)))
    assert "7日内（按工作日计算，即2026年1月19日前）" in text


def test_the_period_comes_from_the_decision_not_from_code() -> None:
    decision = replace(J1_DECISION, notification_days=10, notification_deadline=date(2026, 1, 20))
    text = text_of(build_notice(context("exemption-decision", decision=decision)))
    assert "10日内" in text and "7日内" not in text


def test_a_decision_without_the_clock_claims_no_seven_days() -> None:
    text = text_of(build_notice(context("non-tolerance-decision", decision=NOT_TOLERATED)))
    assert "7日" not in text and "告知相关单位及当事人" in text


def test_office_copy_of_a_template_overrides_the_bundled_one(tmp_path: Path) -> None:
    bundled = template_dirs()[-1]
    (tmp_path / "notification.toml").write_text(
        'title = "告知书（{case_number}）"\n[[body]]\ntext = "{officer_names}：特此告知。"\n',
        encoding="utf-8",
    )
    template = load_template("notification", [tmp_path, bundled])
    title, body, _ = compose(template, Fill({"case_number": "甲1", "officer_names": "关某某"}))
    assert title == "告知书（甲1）"
    assert body == (Paragraph("关某某：特此告知。"),)


def test_unknown_placeholder_is_a_clear_template_error(tmp_path: Path) -> None:
    (tmp_path / "notification.toml").write_text(
        'title = "{nonexistent}"\n[[body]]\ntext = "x"\n', encoding="utf-8"
    )
    with pytest.raises(TemplateError, match="nonexistent"):
        compose(load_template("notification", [tmp_path]), Fill({}))
    (tmp_path / "clarification.toml").write_text("title = [", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"clarification\.toml"):
        load_template("clarification", [tmp_path])


def test_worksheet_answers_list_each_exclusion_and_condition_and_the_items_found() -> None:
    from nanmu_desktop.documents.worksheet_answers import worksheet_answers
    from nanmu_desktop.domain.regulation_loader import load_regulation

    facts = {
        "art10": [4, 8],
        "reasons": {"art10.8": "暴雪封路无法核实"},
        "art10_conditions": {"not_prohibited": True, "no_major_loss": True},
    }
    rows = {(a.citation, a.answer) for a in worksheet_answers(facts, load_regulation())}
    assert ("第十二条", "否") in rows
    assert ("第九条", "否") in rows and ("第十一条", "否") in rows
    assert ("第十条第一款第（四）项", "是") in rows
    assert ("第十条第一款第（八）项", "是（暴雪封路无法核实）") in rows
    assert ("第十条第二款第（二）项", "是") in rows and ("第十条第二款第（三）项", "否") in rows
    assert not any(c.startswith("第十条第一款第（一）") for c, _ in rows)


def test_notification_to_one_party_only() -> None:
    notice = build_notice(replace(context("notification"), recipient="扎兰屯市司法局"))
    assert notice.recipients == ("扎兰屯市司法局",)
    with pytest.raises(ConflictError, match="告知对象"):
        build_notice(replace(context("notification"), recipient=" "))
