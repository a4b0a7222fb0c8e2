"""Every kind names the regulation before it cites an article of it the first time, and the
澄清正名通报 says it is made known to the units it is addressed to."""

from __future__ import annotations

import re

import pytest
from kinds_samples import ANONYMOUS, DUTY, MITIGATED, NOT_TOLERATED, REAL_NAME, RISK, context

from nanmu_desktop.documents.context import DocumentContext
from nanmu_desktop.documents.kinds import build_notice
from nanmu_desktop.documents.notice_model import Block, Notice, Paragraph

ARTICLE = re.compile(r"第[〇一二三四五六七八九十百]+条")

KINDS: list[DocumentContext] = [
    context("determination-worksheet"),
    context("exemption-decision"),
    context("mitigation-decision", decision=MITIGATED),
    context("duty-fulfilled-decision", decision=DUTY),
    context("non-tolerance-decision", decision=NOT_TOLERATED),
    context("notification"),
    context("rectification-order"),
    context("extension-reply"),
    context("report-feedback", petition=REAL_NAME),
    context("report-explanation", petition=ANONYMOUS, case=None),
    context("clarification", petition=ANONYMOUS),
    context("risk-warning", risk_warning=RISK),
]


def blocks_text(blocks: tuple[Block, ...]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            out += ["".join(block.header), *("".join(row) for row in block.rows)]
    return "".join(out)


def reading_order(notice: Notice) -> str:
    """What a reader meets in order: title, 主送, body, 附件说明, 附注, attachment pages."""
    parts = [notice.title, "、".join(notice.recipients), blocks_text(notice.body),
             "".join(notice.attachments), notice.note or ""]
    parts += [a.title + blocks_text(a.body) for a in notice.appendices]
    return "".join(parts)


@pytest.mark.parametrize("ctx", KINDS, ids=[c.kind for c in KINDS])
def test_each_kind_names_the_regulation_before_its_first_article(ctx: DocumentContext) -> None:
    text = reading_order(build_notice(ctx))
    first = ARTICLE.search(text)
    assert first is not None, "every kind cites the regulation"
    title = f"《{ctx.letterhead.regulation_title}》"
    named = text.find(title)
    assert 0 <= named < first.start(), text[: first.end()]


def test_clarification_scope_matches_its_addressees() -> None:
    notice = build_notice(context("clarification", petition=ANONYMOUS))
    body = blocks_text(notice.body)
    assert notice.recipients
    for unit in notice.recipients:
        assert unit in body  # the units it goes to are the ones it speaks to
    assert "各科室要" not in body  # never only part of the addressees
