"""Every kind, on the demo data and on stress cases, read back from its PDF: the 版记 on an even
page and never alone, blank pages unnumbered, signatures with body text, no widow, orphan or
heading at a page foot, no gappy line, no break inside a code, 文号, date or name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from kinds_samples import (
    ANONYMOUS,
    DUTY,
    LETTERHEAD,
    MITIGATED,
    NOT_TOLERATED,
    REAL_NAME,
    RISK,
    context,
)
from layout_checks import (
    flow_problems,
    pagination_problems,
    read_pages,
    spacing_problems,
    split_tokens,
)

from nanmu_desktop.documents.context import DocumentContext, PrintedOfficer, RiskCase
from nanmu_desktop.documents.kinds import BUILDERS, build_notice
from nanmu_desktop.documents.notice_model import Notice, Table
from nanmu_desktop.documents.render import render_notice
from nanmu_desktop.errors import NanmuError
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.documents import (
    PETITION_KINDS,
    DocumentTarget,
    document_choices,
    draft_notice,
)
from nanmu_desktop.storage.db import Database, open_database

NUMBER = "鄂政发〔2026〕7号"
DAY = date(2026, 11, 30)


def problems(notice: Notice) -> list[str]:
    pages = read_pages(render_notice(notice))
    split = split_tokens(pages, notice.names)
    return [
        *pagination_problems(pages, notice.colophon is not None, notice.format == "letter"),
        *flow_problems(pages),
        *spacing_problems(pages),
        *(f"line break inside {token!r}" for token in split),
    ]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(Path(tmp_path_factory.mktemp("demo")) / "nanmu.sqlite3")
    fill_demo(db)
    yield db
    db.close()


def _demo_notices(db: Database) -> Iterator[tuple[str, Notice]]:
    for case_id in range(1, 13):
        for choice in document_choices(db, case_id, DAY):
            if choice.ready and choice.kind not in PETITION_KINDS:
                target = DocumentTarget(choice.kind, case_id=case_id)
                yield f"{choice.kind.value}/case{case_id}", draft_notice(db, target, DAY)
    for petition_id in range(1, 4):
        for kind in PETITION_KINDS:
            try:
                target = DocumentTarget(kind, petition_id=petition_id)
                yield f"{kind.value}/petition{petition_id}", draft_notice(db, target, DAY)
            except NanmuError:  # a petition this kind does not fit
                continue


def test_every_demo_document_passes_the_layout_checks(demo_db: Database) -> None:
    seen: dict[str, list[str]] = {}
    for label, notice in _demo_notices(demo_db):
        seen[label] = problems(notice)
    assert {label.split("/")[0] for label in seen} == set(BUILDERS)
    assert {k: v for k, v in seen.items() if v} == {}


# Stress: long names (officers, accused), eight 抄送 units, bodies from one to six pages,
# decisions with up to 24 attachments listed.
LONG_NAMES = (
    PrintedOfficer("巴特尔", "综合行政执法办公室", "执法队员", "15-0783-00153"),
    PrintedOfficer("白音仓", "自然资源和生态环境办公室", "执法队员", "15-0783-00154"),
    PrintedOfficer("阿拉坦巴根", "综合行政执法办公室", "执法队员", "15-0783-00155"),
)
CC = ("扎兰屯市司法局", "扎兰屯市纪委监委", "扎兰屯市人民政府办公室", "扎兰屯市林业和草原局",
      "扎兰屯市市场监督管理局", "南木鄂伦春民族乡纪委", "南木鄂伦春民族乡党政综合办公室",
      "扎兰屯市自然资源局")
FACT = ("执法人员巴特尔（执法证号：15-0783-00153）于2026年11月30日依照鄂政发〔2026〕1号文件，"
        "在RC-2026-001号案件所涉木材加工场开展复查，白音仓、阿拉坦巴根同志在场")


def stress(ctx: DocumentContext, size: int) -> DocumentContext:
    text = "；".join([FACT] * size) + "。"
    letterhead = replace(LETTERHEAD, cc=CC)
    out = replace(ctx, letterhead=letterhead, number=NUMBER)
    if ctx.case is not None:
        out = replace(out, case=replace(ctx.case, description=text, officers=LONG_NAMES,
                                        loss=text if size > 3 else ctx.case.loss))
        # Many attachments: the decisions list them on attachment pages (7.3.7).
        out = replace(out, evidence=tuple(f"{FACT[:12 * n]}（第{n}份）"
                                          for n in range(1, 4 * size + 1)))
    if ctx.petition is not None:
        out = replace(out, petition=replace(ctx.petition, findings=text,
                                            accused=LONG_NAMES[:2]))
    if ctx.risk_warning is not None:
        cases = tuple(RiskCase(f"RC-2026-{n:03d}", date(2026, 1, n), "巴特尔、白音仓", FACT)
                      for n in range(1, 3 * size + 2))
        out = replace(out, risk_warning=replace(ctx.risk_warning, cases=cases))
    return out


KIND_CONTEXTS: dict[str, DocumentContext] = {
    kind: context(kind) for kind in BUILDERS
} | {
    "mitigation-decision": context("mitigation-decision", decision=MITIGATED),
    "duty-fulfilled-decision": context("duty-fulfilled-decision", decision=DUTY),
    "non-tolerance-decision": context("non-tolerance-decision", decision=NOT_TOLERATED),
    "report-feedback": context("report-feedback", petition=REAL_NAME),
    "report-explanation": context("report-explanation", petition=ANONYMOUS, case=None),
    "clarification": context("clarification", petition=ANONYMOUS),
    "risk-warning": context("risk-warning", risk_warning=RISK),
}


@pytest.mark.parametrize("size", [1, 3, 6])
@pytest.mark.parametrize("kind", sorted(KIND_CONTEXTS))
def test_stressed_documents_pass_the_layout_checks(kind: str, size: int) -> None:
    notice = build_notice(stress(KIND_CONTEXTS[kind], size))
    assert problems(notice) == []


def test_the_stress_bodies_reach_six_pages() -> None:
    notice = build_notice(stress(KIND_CONTEXTS["exemption-decision"], 6))
    assert len(read_pages(render_notice(notice))) >= 6


def test_a_table_only_document_gets_the_standard_blank_page_before_its_colophon_page() -> None:
    """Nothing can go over with the 版记 (7.5's case): a blank page and the 版记 page, neither
    numbered."""
    rows = tuple((str(i), "风险点说明文字较长需要换行显示" * 2) for i in range(1, 200))
    base = build_notice(stress(KIND_CONTEXTS["exemption-decision"], 1))
    for count in range(10, 40):
        doc = replace(base, body=(Table(("序号", "风险点"), rows[:count], (20, 136)),),
                      recipients=(), attachments=(), appendices=(), signature=None,
                      note=None)
        pages = read_pages(render_notice(doc))
        if pages[-2].chars == 0:
            break
    else:
        pytest.fail("no table length needed the blank page")
    assert len(pages) % 2 == 0 and pages[-1].colophon
    assert pages[-2].number_text is None and pages[-1].number_text is None
    # The one exception the standard makes: its 版记 page carries nothing else.
    assert pagination_problems(pages, has_colophon=True) == [
        f"page {len(pages)} holds only the 版记"]
