"""The document subcommands as a user runs them: a real process on a demo database."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from nanmu_desktop.domain.vocabulary import DocumentKind

NUMBER = re.compile(r"^鄂政发〔\d{4}〕[1-9]\d*号$")


def nanmu(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nanmu_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    """Exit 2 with one Chinese line naming the problem, never a traceback."""
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = nanmu(path, "demo")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "nanmu.sqlite3"
    shutil.copyfile(demo_db, copy)
    return copy


def listed(db: Path) -> list[dict[str, object]]:
    result = nanmu(db, "documents", "--json")
    assert result.returncode == 0, result.stderr
    documents: list[dict[str, object]] = json.loads(result.stdout)
    return documents


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as doc:
        pages = [p.filter(lambda o: o.get("size", 0) < 100).extract_text() for p in doc.pages]
    return "".join("".join(pages).split())


def exempted_case(db: Path) -> str:
    decisions = [d for d in listed(db) if d["kind"] == DocumentKind.exemption_decision.value]
    return str(decisions[0]["case_number"])


def test_demo_issues_every_kind_with_consecutive_numbers(db: Path) -> None:
    documents = listed(db)
    assert {d["kind"] for d in documents} == {k.value for k in DocumentKind}
    # Each series numbers on its own: 文件 (鄂政发), letters (鄂政函); the 审批表 takes none.
    for series in ("鄂政发", "鄂政函"):
        numbers = [str(d["number"]) for d in documents if str(d["number"]).startswith(series)]
        assert numbers and all(re.fullmatch(f"{series}〔\\d{{4}}〕[1-9]\\d*号", n) for n in numbers)
        serials = sorted(int(re.findall(r"〕(\d+)号", n)[0]) for n in numbers)
        assert serials == list(range(1, len(numbers) + 1))
    sheets = [d for d in documents if d["kind"] == DocumentKind.determination_worksheet.value]
    assert sheets and all(str(d["number"]).endswith("审批表") for d in sheets)
    assert len(documents) == sum(
        str(d["number"]).startswith(("鄂政发", "鄂政函")) for d in documents) + len(sheets)
    text = nanmu(db, "documents")
    assert text.returncode == 0 and "文号" in text.stdout and "容错免责决定书" in text.stdout


def test_the_worksheet_is_shown_by_its_internal_reference(db: Path, tmp_path: Path) -> None:
    sheet = next(d for d in listed(db)
                 if d["kind"] == DocumentKind.determination_worksheet.value)
    out = tmp_path / "sheet.pdf"
    result = nanmu(db, "document", "show", str(sheet["number"]), "-o", str(out))
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(out) as doc:
        assert len(doc.pages) == 1
    assert "容错纠错认定审批表" in pdf_text(out) and "〔" not in pdf_text(out).split("适用制度")[0]


def test_notice_writes_a_draft_then_issues_and_reprints_identically(
    db: Path, tmp_path: Path
) -> None:
    case = exempted_case(db)
    draft = tmp_path / "draft.pdf"
    result = nanmu(db, "notice", "--case", case, "--kind", "notification", "-o", str(draft))
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(draft) as doc:
        assert "".join(c["text"] for c in doc.pages[0].chars if c["size"] > 100) == "草稿"
    before = len(listed(db))

    issued = tmp_path / "issued.pdf"
    result = nanmu(
        db, "notice", "--case", case, "--kind", "容错认定结果告知书", "--issue", "-o", str(issued)
    )
    assert result.returncode == 0, result.stderr
    number = result.stdout.strip()
    assert NUMBER.match(number)
    assert number in pdf_text(issued) and "认定结论" in pdf_text(issued)
    assert len(listed(db)) == before + 1

    to_office = tmp_path / "to-office.pdf"
    result = nanmu(
        db,
        "notice",
        "--case",
        case,
        "--kind",
        "notification",
        "--to",
        "扎兰屯市司法局",
        "-o",
        str(to_office),
    )
    assert result.returncode == 0 and "扎兰屯市司法局：" in pdf_text(to_office)

    again = tmp_path / "again.pdf"
    assert nanmu(db, "document", "show", number, "-o", str(again)).returncode == 0
    assert again.read_bytes() == issued.read_bytes()


def test_void_keeps_the_number_with_its_reason(db: Path) -> None:
    number = str(listed(db)[0]["number"])
    result = nanmu(db, "document", "void", number, "--reason", "主送单位有误")
    assert result.returncode == 0, result.stderr
    entry = next(d for d in listed(db) if d["number"] == number)
    assert entry["voided"] is True and entry["void_reason"] == "主送单位有误"
    refused(nanmu(db, "document", "void", number, "--reason", "再次"), "不能重复作废")
    assert nanmu(db, "check").returncode == 0  # the register still has no gap


def test_ledger_to_excel_and_pdf(db: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "台账.xlsx"
    result = nanmu(db, "ledger", "-o", str(xlsx))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["序号", "案件编号", "登记日期"] and "第十四条" in header
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) >= 12
    marks = {row[header.index("认定结论")]: row[header.index("第十四条")] for row in rows}
    assert marks["容错免责"] == "不作为执法错误认定"
    assert not marks["不予容错"]

    pdf = tmp_path / "台账.pdf"
    assert nanmu(db, "ledger", "-o", str(pdf)).returncode == 0
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as doc:
        page = doc.pages[0]
        assert page.width > page.height  # landscape
        assert "容错纠错工作台账" in (page.extract_text() or "")


def test_fonts_lists_every_role(db: Path) -> None:
    result = nanmu(db, "fonts")
    assert result.returncode == 0, result.stderr
    for role in ("小标宋", "仿宋", "黑体", "楷体", "宋体", "蒙古文"):
        assert role in result.stdout


def test_bad_input_is_one_chinese_line_and_exit_2(db: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    case = exempted_case(db)
    refused(nanmu(db, "notice", "--case", case, "--kind", "公函", "-o", out), "不认识")
    refused(
        nanmu(db, "notice", "--case", "RC-1999-999", "--kind", "notification", "-o", out),
        "找不到案件",
    )
    refused(
        nanmu(
            db, "notice", "--case", case, "--kind", "notification", "-o", str(tmp_path / "x.docx")
        ),
        ".pdf",
    )
    refused(
        nanmu(
            db, "notice", "--case", case, "--kind", "non-tolerance-decision", "--issue", "-o", out
        ),
        "不能生成",
    )
    refused(nanmu(db, "document", "show", "鄂政发〔2020〕99号", "-o", out), "找不到文号")
    refused(nanmu(db, "ledger", "-o", str(tmp_path / "台账.txt")), ".xlsx")
    refused(
        nanmu(
            db, "notice", "--case", case, "--kind", "exemption-decision", "--to", "甲", "-o", out
        ),
        "告知对象",
    )
    assert not Path(out).exists()


def test_a_name_outside_every_font_is_refused(db: Path, tmp_path: Path) -> None:
    # A case whose officer has such a name, imported the way the office would.
    case_file = tmp_path / "case.json"
    out = tmp_path / "x.pdf"
    data = {
        "cases": [
            {
                "source": "个人申请",
                "enforcement_type": "行政检查",
                "field": "林业和草原",
                "occurred_on": "2026-01-05",
                "reported_on": "2026-01-08",
                "description": "测试",
                # a real CJK Ext-B character that no bundled font has
                "officers": [{"name": "关\U0002a6d6"}],
                "facts": {"art9": [1]},
            }
        ]
    }
    case_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    imported = nanmu(db, "case", "import", str(case_file))
    assert imported.returncode == 0, imported.stderr
    number = json.loads(nanmu(db, "cases", "--json").stdout)[-1]["number"]
    before = len(listed(db))
    result = nanmu(
        db,
        "notice",
        "--case",
        number,
        "--kind",
        "determination-worksheet",
        "--issue",
        "-o",
        str(out),
    )
    refused(result, "U+2A6D6")
    assert len(listed(db)) == before and not out.exists()


def test_document_subcommands_never_import_qt(db: Path) -> None:
    code = (
        "import sys; from nanmu_desktop.cli.main import main; "
        f"main(['--db', {str(db)!r}, 'documents']); main(['--db', {str(db)!r}, 'fonts']); "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_petition_documents_by_petition_id(db: Path, tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as raw:
        (anonymous,) = raw.execute("SELECT id FROM petitions WHERE real_name = 0").fetchone()
    out = tmp_path / "说明.pdf"
    result = nanmu(
        db, "notice", "--petition", str(anonymous), "--kind", "report-explanation", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "匿名信访举报" in text and "第十八条" in text
    refused(
        nanmu(
            db, "notice", "--petition", str(anonymous), "--kind", "report-feedback", "-o", str(out)
        ),
        "匿名",
    )
