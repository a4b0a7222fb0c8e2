"""Every kind rendered by the page engine: its text, read back from the PDF, says what it must."""

from __future__ import annotations

import io
from dataclasses import replace

import pdfplumber
import pytest
from kinds_samples import ANONYMOUS, DUTY, MITIGATED, NOT_TOLERATED, REAL_NAME, RISK, context

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds import build_notice
from nanmu_desktop.documents.render import render_notice

NUMBER = "鄂政发〔2026〕7号"

CASES: list[tuple[DocumentContext, tuple[str, ...]]] = [
    (
        context("exemption-decision"),
        (
            "关于对关某某同志予以容错免责的决定",
            "依据第十条第一款第（四）项及第二款第（一）（二）（三）项",
            "不作为执法错误认定",
            "启动纠错程序",
            "2026年1月17日前",
        ),
    ),
    (
        context("mitigation-decision", decision=MITIGATED),
        ("依据第十一条第（一）项", "减轻处理", "由诫勉谈话减为批评教育"),
    ),
    (
        context("duty-fulfilled-decision", decision=DUTY),
        ("依据第九条第（二）项", "履职尽责", "不予追究责任"),
    ),
    (
        context("non-tolerance-decision", decision=NOT_TOLERATED),
        ("依据第十二条", "不予容错", "另行处理"),
    ),
    (
        context("notification"),
        ("容错认定结果告知书", "认定结论：容错免责", "第十条第一款第（四）项", "特此告知"),
    ),
    (
        context("rectification-order"),
        ("纠错整改通知书", "修订查封检查程序", "2026年2月9日前", "申请适当延长整改期限"),
    ),
    (context("extension-reply"), ("批复", "2026年2月24日", "此复")),
    (
        context("report-feedback", petition=REAL_NAME),
        ("王某某：", "查无实据", "第十八条"),
    ),
    (
        context("report-explanation", petition=ANONYMOUS, case=None),
        ("匿名信访举报", "查无实据", "第十八条"),
    ),
    (
        context("clarification", petition=ANONYMOUS),
        ("为莫某同志澄清正名", "恶意中伤", "第十八条"),
    ),
    (
        context("risk-warning", risk_warning=RISK),
        ("易错风险", "第十七条", "第十条第一款第（五）项", "RC-2026-005"),
    ),
    (
        context("determination-worksheet"),
        ("容错纠错认定审批表", "经办", "审核", "签发", "2026年1月17日前", "RC-2026-001"),
    ),
]


def page_texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return ["".join((p.extract_text() or "").split()) for p in doc.pages]


@pytest.mark.parametrize(("ctx", "expected"), CASES, ids=[c.kind for c, _ in CASES])
def test_issued_kind_prints_its_content(ctx: DocumentContext, expected: tuple[str, ...]) -> None:
    pdf = render_notice(build_notice(replace(ctx, number=NUMBER)))
    text = "".join(page_texts(pdf))
    for words in expected:
        assert words in text, words
    if ctx.kind == "determination-worksheet":
        assert NUMBER not in text  # an internal form: no 文号
    elif ctx.kind == "report-feedback":  # a letter (信函): the name alone, no 印发 line
        assert NUMBER in page_texts(pdf)[0]
        assert "扎兰屯市南木鄂伦春民族乡人民政府文件" not in text and "印发" not in text
    else:
        assert NUMBER in page_texts(pdf)[0]  # under the red header on page 1
        assert "扎兰屯市南木鄂伦春民族乡人民政府文件" in page_texts(pdf)[0]
        assert "印发" in page_texts(pdf)[-1]  # 版记 on the last page
    if ctx.petition is not None and ctx.kind != "report-feedback":
        assert ctx.petition.reporter_name not in text


def test_rendering_is_deterministic() -> None:
    ctx = replace(context("exemption-decision"), number=NUMBER)
    assert render_notice(build_notice(ctx)) == render_notice(build_notice(ctx))
