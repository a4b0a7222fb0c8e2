"""No residue (issue 8): a township with entirely different values finds no string of Nanmu's
in any document kind, the 台账 (xlsx and pdf), the window titles, the about box, backup names or
PDF metadata."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from helpers import answer_message_box
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from township_support import (
    SAMAJIE_PROFILE,
    add_neighbour_regulation,
    neighbour_demo_data,
    residue,
)

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.backup import backup_database
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.issuing import document_pdf, list_documents
from nanmu_desktop.services.ledger import export_ledger
from nanmu_desktop.services.settings import complete_first_run
from nanmu_desktop.storage.db import Database, open_database
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.main_window import MainWindow
from nanmu_desktop.ui.settings.first_run import FirstRunWizard


@pytest.fixture(scope="module")
def neighbour_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("samajie") / "samajie.sqlite3")
    complete_first_run(db, SAMAJIE_PROFILE)
    add_neighbour_regulation(db)
    fill_demo(db, data=neighbour_demo_data())
    yield db
    db.close()


def _pdf_text_and_metadata(pdf: bytes) -> tuple[str, dict[str, object]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
        return text, dict(document.metadata)


def test_no_document_kind_says_anything_of_nanmu(neighbour_db: Database) -> None:
    documents = list_documents(neighbour_db)
    assert {d.kind for d in documents} >= {k.value for k in DocumentKind}
    for info in documents:
        _, pdf = document_pdf(neighbour_db, info.number)
        text, metadata = _pdf_text_and_metadata(pdf)
        # 文件 in 萨政发, letters in 萨政函; the 审批表 is filed under its case (no 文号).
        assert info.number.startswith(("萨政发〔", "萨政函〔")) or info.number.endswith("审批表")
        assert residue(text) == [], (info.kind, residue(text))
        assert residue(" ".join(map(str, metadata.values()))) == [], metadata
        assert metadata.get("Creator") == "容错纠错办理系统"
        assert metadata.get("Author") in ("萨马街鄂温克民族乡人民政府", "容错纠错办理系统")
    decisions = [d for d in documents if DocumentKind(d.kind).is_decision]
    text, _ = _pdf_text_and_metadata(document_pdf(neighbour_db, decisions[0].number)[1])
    flat = text.replace("\n", "")
    assert "萨马街鄂温克民族乡人民政府文件" in flat
    assert "《萨马街鄂温克民族乡行政执法尽职尽责和容错纠错制度（试行）》" in flat
    assert "萨政发〔2024〕31号" in flat and "乡党委" in flat


def test_the_ledger_in_both_formats(neighbour_db: Database, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "台账.xlsx", tmp_path / "台账.pdf"
    assert export_ledger(neighbour_db, xlsx) > 0
    export_ledger(neighbour_db, pdf)
    book = openpyxl.load_workbook(xlsx)
    cells = " ".join(
        str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
        for cell in row if cell is not None
    )
    props = book.properties
    cells += f" {props.creator} {props.title} {props.lastModifiedBy}"
    assert residue(cells) == []
    text, metadata = _pdf_text_and_metadata(pdf.read_bytes())
    assert residue(text + " ".join(map(str, metadata.values()))) == []


def test_backup_names_the_neighbour(neighbour_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()  # a backup never creates its folder (an unplugged USB stick)
    info = backup_database(neighbour_db, folder)
    assert info.path.name.startswith("萨马街鄂温克民族乡容错纠错-备份-")
    assert residue(info.path.name) == []


def test_window_titles_and_about_box(
    qtbot: QtBot, neighbour_db: Database, qt_settings: object, tmp_path: Path
) -> None:
    context = UiContext(neighbour_db, neighbour_db.path, qt_settings)  # type: ignore[arg-type]
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("萨马街鄂温克民族乡容错纠错办理系统")
    wizard = FirstRunWizard(context, window)
    qtbot.addWidget(wizard)
    assert residue(wizard.windowTitle()) == []
    answer = answer_message_box(QMessageBox.StandardButton.Ok)
    window._about()
    qtbot.waitUntil(lambda: answer.handled, timeout=5000)
    assert "萨马街鄂温克民族乡容错纠错办理系统" in answer.text
    assert "萨政发〔2024〕31号" in answer.text
    assert residue(answer.text) == []
