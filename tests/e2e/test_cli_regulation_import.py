"""`regulation import FILE` as a process: the structure and the diff printed, the version kept;
a refusal is one Chinese line, exit 2, nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.services.regulation_fixtures import neighbour_text, write_docx

from .cli_helpers import assert_refused, run_cli


def stored_versions(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        rows = [r[0] for r in con.execute("SELECT version FROM regulation_versions")]
    con.close()
    return rows


def test_import_prints_structure_and_diff_and_keeps_the_version(tmp_path: Path) -> None:
    db = tmp_path / "nanmu.sqlite3"
    own = write_docx(tmp_path / "萨政发.docx", neighbour_text(drop_art10_item=True))
    run = run_cli("--db", db, "regulation", "import", own, "--effective-date", "2025-03-15")
    assert run.code == 0, run
    assert "已导入规定版本 2025-12" in run.out
    assert "第三章　容错纠错　第十条至第十九条" in run.out
    assert "第十条：结构不同（第一款：范本8项，本制度7项）" in run.out
    assert "第十条第一款有7项，认定规则需要8项" in run.out and "可以登记案件" in run.out
    assert stored_versions(db) == ["2025-12"]
    listing = run_cli("--db", db, "regulation", "list")
    assert "2025-12" in listing.out and "施行：2025-03-15" in listing.out

    again = run_cli("--db", db, "regulation", "import", own)
    assert_refused(again)
    assert "已存在" in again.err and len(again.err.strip().splitlines()) == 1
    bad_day = run_cli("--db", db, "regulation", "import", own, "--version", "x",
                      "--effective-date", "2025-13-01")
    assert_refused(bad_day)
    missing = run_cli("--db", db, "regulation", "import", tmp_path / "nope.txt")
    assert_refused(missing)
    assert stored_versions(db) == ["2025-12"]
