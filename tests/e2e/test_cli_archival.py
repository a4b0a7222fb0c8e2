"""`document show --archival` and `fonts` as a user runs them: a real process on a demo database."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest


def nanmu(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nanmu_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = nanmu(path, "demo")
    assert result.returncode == 0, result.stderr
    return path


def first_issued(db: Path) -> dict[str, str]:
    result = nanmu(db, "documents", "--json")
    assert result.returncode == 0, result.stderr
    document: dict[str, str] = json.loads(result.stdout)[0]
    return document


def test_show_writes_the_issued_bytes_and_archival_the_pdfa_copy(db: Path, tmp_path: Path) -> None:
    document = first_issued(db)
    issued, archival = tmp_path / "issued.pdf", tmp_path / "archival.pdf"
    result = nanmu(db, "document", "show", document["number"], "-o", str(issued))
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(issued.read_bytes()).hexdigest() == document["sha256"]
    result = nanmu(db, "document", "show", document["number"], "--archival", "-o", str(archival))
    assert result.returncode == 0, result.stderr
    assert "PDF/A-2b" in result.stdout and document["number"] in result.stdout
    with pikepdf.open(io.BytesIO(archival.read_bytes())) as pdf:
        assert len(pdf.Root.OutputIntents) == 1
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            assert meta.pdfa_status == "2B"
            assert meta["dc:title"] == document["title"]
    again = tmp_path / "again.pdf"
    assert nanmu(db, "document", "show", document["number"], "--archival",
                 "-o", str(again)).returncode == 0
    assert again.read_bytes() == archival.read_bytes()  # frozen by construction
    assert first_issued(db)["sha256"] == document["sha256"]  # the issued file never changes


def test_archival_errors_are_one_chinese_line_and_exit_2(db: Path, tmp_path: Path) -> None:
    refused(nanmu(db, "document", "show", "鄂政发〔2099〕1号", "--archival",
                  "-o", str(tmp_path / "x.pdf")), "找不到文号")
    number = first_issued(db)["number"]
    refused(nanmu(db, "document", "show", number, "--archival", "-o", str(tmp_path / "x.txt")),
            ".pdf")
    refused(nanmu(db, "document", "show", number, "--archival",
                  "-o", str(tmp_path / "missing" / "x.pdf")), "输出目录不存在")
    assert not (tmp_path / "x.pdf").exists()


def test_fonts_marks_the_stand_in_and_names_fandolfang_for_fangsong(db: Path) -> None:
    result = nanmu(db, "fonts")
    assert result.returncode == 0, result.stderr
    rows = {line.split("\t")[0]: line for line in result.stdout.splitlines() if "\t" in line}
    if "\tbundled\t" in rows["仿宋"]:  # no licensed 仿宋 installed on this machine
        assert "FandolFang" in rows["仿宋"] and "代用" not in rows["仿宋"]
    if "\tbundled\t" in rows["小标宋"]:  # no licensed 小标宋 installed on this machine
        assert "粗宋体代用" in rows["小标宋"]
        assert "代用字体：小标宋以Noto Serif SC Black（粗宋体）代用" in result.stdout
