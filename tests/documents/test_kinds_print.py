"""Issue 9's acceptance, read back from real PDFs issued from real databases: letters come out
in the 信函 format with their own series and register; the 审批表 is one page for every demo
case and takes no 文号; 附件说明, 附注 and attachment pages are where GB/T 9704 puts them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from issuing_db import TOWNSHIP, add_case, new_database
from kinds_samples import context
from page_samples import baseline_y, find_line, line_text, open_pdf, text_lines

from nanmu_desktop.documents.kinds import build_notice
from nanmu_desktop.documents.notice_model import Appendix, Paragraph
from nanmu_desktop.documents.page_grid import AREA_LEFT, AREA_TOP, AREA_WIDTH, CHAR_PITCH, MM
from nanmu_desktop.documents.render import render_notice
from nanmu_desktop.domain.vocabulary import DocumentKind as K
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.determinations import current_determination
from nanmu_desktop.services.documents import DocumentTarget, draft_pdf
from nanmu_desktop.services.issuing import (
    document_pdf,
    issue_document,
    list_documents,
    void_document,
)
from nanmu_desktop.services.settings import ProfileInput, get_profile, update_profile
from nanmu_desktop.storage.checks import run_checks
from nanmu_desktop.storage.db import Database, open_database

DAY = date(2026, 1, 12)
RED = (0.0, 1.0, 1.0, 0.0)
TOL = 0.5 * MM


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(Path(tmp_path_factory.mktemp("demo")) / "nanmu.sqlite3")
    fill_demo(db)
    yield db
    db.close()


def red_rules(page: Any) -> list[dict[str, Any]]:
    return [ln for ln in page.lines if tuple(ln["stroking_color"]) == RED]


def register_rows(db: Database) -> list[tuple[str, int, int]]:
    with sqlite3.connect(db.path) as raw:
        return raw.execute(
            "SELECT prefix, year, seq FROM number_register ORDER BY prefix, seq").fetchall()


def assert_letter(pdf: bytes, number: str) -> None:
    """GB/T 9704 10.1: the name alone, double red lines top and bottom, the number flush
    right, no page number on page 1, no 印发 line."""
    with open_pdf(pdf) as doc:
        first = doc.pages[0]
        assert line_text(find_line(first, TOWNSHIP)) == TOWNSHIP  # no 「文件」
        rules = red_rules(first)
        tops = [r for r in rules if r["top"] < first.height / 2]
        bottoms = [r for r in rules if r["top"] > first.height / 2]
        assert len(tops) == 2 and len(bottoms) == 2  # 上粗下细 / 上细下粗
        assert tops[0]["linewidth"] > tops[1]["linewidth"]
        assert bottoms[0]["linewidth"] < bottoms[1]["linewidth"]
        row = find_line(first, number)
        assert row[-1]["x1"] == pytest.approx(AREA_LEFT + AREA_WIDTH, abs=TOL)
        assert "—1—" not in "".join(line_text(r) for r in text_lines(first, 14.0))
        assert all("印发" not in (p.extract_text() or "") for p in doc.pages)


# ---- letters and series -------------------------------------------------------------------


def test_a_letter_and_a_decision_issued_the_same_day_each_take_1_in_their_own_series(
    tmp_path: Path,
) -> None:
    db = new_database(tmp_path / "n.sqlite3")
    case_id = add_case(db, "关某某")
    decision = issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    letter = issue_document(
        db, DocumentTarget(K.notification, case_id, recipient="关某某"), on=DAY)
    units = issue_document(
        db, DocumentTarget(K.notification, case_id, recipient="综合行政执法办公室"), on=DAY)
    assert (decision.number, letter.number, units.number) == (
        "鄂政发〔2026〕1号", "鄂政函〔2026〕1号", "鄂政发〔2026〕2号")
    assert register_rows(db) == [("鄂政函", 2026, 1), ("鄂政发", 2026, 1), ("鄂政发", 2026, 2)]
    assert_letter(document_pdf(db, letter.number)[1], letter.number)
    with open_pdf(document_pdf(db, units.number)[1]) as doc:  # to units: a 文件
        assert f"{TOWNSHIP}文件" in (doc.pages[0].extract_text() or "").replace("\n", "")


def test_letter_series_is_configurable_and_the_letter_format_a_setting(tmp_path: Path) -> None:
    db = new_database(tmp_path / "s.sqlite3", prefixes={"exemption-decision": "萨政发",
                                                        "notification": "萨政发",
                                                        "rectification-order": "萨政发"})
    profile = get_profile(db)
    # Defaults derive from the township's 代字; letters default to a 信函 for the party.
    assert profile.prefix_for("notification.letter") == "鄂政函"  # most kinds: 鄂政发
    assert profile.notification_to_party_as_letter
    data = ProfileInput(name_zh=TOWNSHIP, document_prefixes={"notification.letter": "南政函"})
    update_profile(db, data)
    case_id = add_case(db, "关某某")
    to_party = DocumentTarget(K.notification, case_id, recipient="关某某")
    letter = issue_document(db, to_party, on=DAY)
    assert letter.number == "南政函〔2026〕1号"
    update_profile(db, replace(data, notification_to_party_as_letter=False))
    void_document(db, letter.number, "改以文件格式告知")  # the same day: a re-issue needs a void
    assert not get_profile(db).notification_to_party_as_letter
    plain = issue_document(db, to_party, on=DAY)
    assert plain.number == "鄂政发〔2026〕1号"  # the township chose 文件 for parties too
    with open_pdf(document_pdf(db, plain.number)[1]) as doc:
        assert f"{TOWNSHIP}文件" in (doc.pages[0].extract_text() or "").replace("\n", "")


def test_demo_feedback_letter_is_a_letter_in_the_letter_series(demo_db: Database) -> None:
    feedback = [d for d in list_documents(demo_db) if d.kind == K.report_feedback.value]
    assert feedback and all(d.number.startswith("鄂政函〔") for d in feedback)
    assert_letter(document_pdf(demo_db, feedback[0].number)[1], feedback[0].number)


# ---- the 审批表 ----------------------------------------------------------------------------


def test_worksheet_fits_one_page_for_every_demo_case_with_meaningful_dates(
    demo_db: Database,
) -> None:
    checked = 0
    for case_id in range(1, 13):
        made = current_determination(demo_db, case_id)
        if made is None:  # no determination yet: no 审批表
            continue
        # Printed on a day far from every date of the case: that day appears nowhere.
        pdf = draft_pdf(demo_db, DocumentTarget(K.determination_worksheet, case_id),
                        date(2027, 6, 30))
        with open_pdf(pdf) as doc:
            assert len(doc.pages) == 1, f"case {case_id}"
            text = "".join((doc.pages[0].extract_text() or "").split())
        day = made.made_at.date()
        assert f"研判日期{day.year}年{day.month}月{day.day}日" in text  # the proposal's day
        assert "2027年6月30日" not in text
        for wrong in ("继续审查", "制度版本", "〔2026〕"):
            assert wrong not in text, (case_id, wrong)
        for box in ("经办人意见", "审核意见", "党委研究意见", "签发"):
            assert box in text
        checked += 1
    assert checked >= 8


def test_worksheet_boxes_leave_room_to_write_and_its_text_is_small_type(
    demo_db: Database,
) -> None:
    pdf = draft_pdf(demo_db, DocumentTarget(K.determination_worksheet, 1), DAY)
    with open_pdf(pdf) as doc:
        page = doc.pages[0]
        label = find_line(page, "经办人意见")
        under = [r for r in page.rects if r["top"] > label[0]["bottom"] + 1]
        assert under and min(r["height"] for r in under) >= 20 * MM  # five lines and more
        sizes = {round(c["size"], 1) for c in page.chars if c["text"] == "是"}
        assert sizes == {9.0}  # 小五: an internal form


def test_issuing_the_worksheet_draws_no_number(tmp_path: Path) -> None:
    db = new_database(tmp_path / "w.sqlite3")
    case_id = add_case(db)
    before = register_rows(db)
    sheet = issue_document(db, DocumentTarget(K.determination_worksheet, case_id), on=DAY)
    retried = issue_document(db, DocumentTarget(K.determination_worksheet, case_id), on=DAY)
    assert retried.found_again and retried.number == sheet.number  # a retry, no new file
    void_document(db, sheet.number, "补填意见后重新印制")
    again = issue_document(db, DocumentTarget(K.determination_worksheet, case_id), on=DAY)
    assert (sheet.number, again.number) == ("RC-2026-001审批表", "RC-2026-001审批表-2")
    assert register_rows(db) == before
    first = issue_document(db, DocumentTarget(K.exemption_decision, case_id), on=DAY)
    assert first.number == "鄂政发〔2026〕1号"  # the 发文 register was never touched
    stored, pdf = document_pdf(db, sheet.number)  # found by its internal reference
    assert stored.kind == K.determination_worksheet.value
    with open_pdf(pdf) as doc:
        assert len(doc.pages) == 1 and "〔2026〕" not in (doc.pages[0].extract_text() or "")
    assert all(result.ok for result in run_checks(db))


# ---- 附件说明, 附注, attachment pages -------------------------------------------------------


def test_decision_lists_its_evidence_as_an_attachment_placed_per_the_standard(
    demo_db: Database,
) -> None:
    decision = next(d for d in list_documents(demo_db) if d.kind == K.exemption_decision.value)
    with open_pdf(document_pdf(demo_db, decision.number)[1]) as doc:
        pages = doc.pages
        # 附件说明 (7.3.4): after the body, indented two characters, before the 署名.
        where = next(i for i, p in enumerate(pages) if "附件：" in (p.extract_text() or ""))
        notice_row = find_line(pages[where], "附件：案件证据材料清单")
        assert notice_row[0]["x0"] == pytest.approx(AREA_LEFT + 2 * CHAR_PITCH, abs=1.0)
        signature = find_line(pages[where], TOWNSHIP)
        assert baseline_y(notice_row[0]) > baseline_y(signature[0])
        # 附注 (7.3.6): on the line after the 成文日期, indented two characters.
        date_row = next(r for r in text_lines(pages[where], 16.0)
                        if line_text(r).endswith("日") and "年" in line_text(r))
        note = find_line(pages[where], "（此件在")
        assert baseline_y(date_row[0]) > baseline_y(note[0])
        assert note[0]["x0"] == pytest.approx(AREA_LEFT + 2 * CHAR_PITCH, abs=1.0)
        # The attachment page (7.3.7): a new page after the signature, 附件 in 黑体 on line 1,
        # the title centred on line 3, the evidence rows, then the 版记 on the last page.
        attached = pages[where + 1]
        label = text_lines(attached)[0]
        assert line_text(label) == "附件"
        assert "hei" in label[0]["fontname"].lower() or "sans" in label[0]["fontname"].lower()
        assert AREA_TOP - baseline_y(label[0]) < 16.0 + 1
        title = find_line(attached, "案件证据材料清单")
        middle = (title[0]["x0"] + title[-1]["x1"]) / 2
        assert middle == pytest.approx(AREA_LEFT + AREA_WIDTH / 2, abs=1.0)
        assert baseline_y(label[0]) - baseline_y(title[0]) == pytest.approx(2 * 29.61, abs=8)
        text = attached.extract_text() or ""
        assert "查封（扣押）决定书及送达回证" in text
        assert "印发" in (pages[-1].extract_text() or "") and len(pages) % 2 == 0


def test_several_attachments_are_numbered_in_the_notice_and_on_their_pages() -> None:
    notice = build_notice(replace(context("exemption-decision"), number="鄂政发〔2026〕7号",
                                  evidence=("现场笔录", "查封决定书")))
    extra = Appendix("案件基本情况", (Paragraph("2026年1月5日，执法人员开展检查。"),))
    notice = replace(notice, appendices=(*notice.appendices, extra),
                     attachments=(*notice.attachments, extra.title))
    with open_pdf(render_notice(notice)) as doc:
        texts = ["".join((p.extract_text() or "").split()) for p in doc.pages]
    joined = "".join(texts)
    assert "附件：1．案件证据材料清单" in joined and "2．案件基本情况" in joined
    starts = [t for t in texts if t.startswith("附件")]
    assert [t[:3] for t in starts] == ["附件1", "附件2"]


@pytest.mark.parametrize(("kind", "note"), [
    ("exemption-decision", "（此件在乡政府公示栏公开）"),
    ("non-tolerance-decision", "（此件不公开）"),
    ("rectification-order", "（此件不公开）"),
    ("report-feedback", "（此件不公开）"),
    ("clarification", "范围内公开）"),
])
def test_kinds_with_a_note_print_it(demo_db: Database, kind: str, note: str) -> None:
    issued = next(d for d in list_documents(demo_db) if d.kind == kind)
    with open_pdf(document_pdf(demo_db, issued.number)[1]) as doc:
        text = "".join("".join((p.extract_text() or "").split()) for p in doc.pages)
    assert note in text


def test_risk_memo_attaches_its_case_list(demo_db: Database) -> None:
    memo = next(d for d in list_documents(demo_db) if d.kind == K.risk_warning.value)
    with open_pdf(document_pdf(demo_db, memo.number)[1]) as doc:
        texts = ["".join((p.extract_text() or "").split()) for p in doc.pages]
    assert any("附件：" in t and "相关案件清单" in t for t in texts)
    first = next(i for i, t in enumerate(texts) if t.startswith("附件") and "附件：" not in t)
    assert "案件编号" in texts[first] and "RC-" in texts[first]
