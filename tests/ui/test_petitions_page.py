"""J3 through the 信访举报 dialogs: an anonymous report, 查无实据 + malicious, then
情况说明 and 澄清正名 — and never 反馈 for an anonymous report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.petitions import list_petitions
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.petitions.page import PetitionsPage
from tests.ui.helpers import type_chinese


def _settle(qtbot: QtBot, context: UiContext) -> None:
    qtbot.waitUntil(lambda: context.tasks.active_count == 0, timeout=10000)


def test_j3_anonymous_report_through_the_dialogs(qtbot: QtBot, demo_context: UiContext) -> None:
    page = PetitionsPage(demo_context)
    qtbot.addWidget(page)
    _settle(qtbot, demo_context)
    before = len(list_petitions(demo_context.database))

    register = page.open_register_dialog()
    assert not register.real_name.isChecked() and not register.reporter_name.isVisibleTo(register)
    register.officers.item(0).setCheckState(Qt.CheckState.Checked)
    type_chinese(register.allegations, "反映该执法人员检查中态度粗暴")
    register.submitted.emit()
    qtbot.waitUntil(lambda: len(list_petitions(demo_context.database)) == before + 1, timeout=10000)
    _settle(qtbot, demo_context)
    new = max(list_petitions(demo_context.database), key=lambda p: p.id)
    assert not new.real_name and new.reporter_name == "" and len(new.accused) == 1
    qtbot.waitUntil(lambda: page.current_id() == new.id, timeout=10000)
    assert "匿名举报" in page.detail.toPlainText()
    assert not page.response_button.isEnabled()  # nothing to answer before the findings

    findings = page.open_findings_dialog()
    assert findings is not None
    type_chinese(findings.findings, "经调取执法记录仪视频，未见所反映情形")
    findings.conclusion.setCurrentIndex(findings.conclusion.findData("no_evidence"))
    findings.malicious.setChecked(True)
    findings.submitted.emit()
    qtbot.waitUntil(lambda: page.current() is not None and page.current().malicious,  # type: ignore[union-attr]
                    timeout=10000)

    for kind in ("explanation", "clarification"):
        dialog = page.open_response_dialog()
        assert dialog is not None
        offered = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        assert offered == ["explanation", "clarification"]  # 反馈 is never offered here
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        type_chinese(dialog.scope, "执法大队全体人员")
        type_chinese(dialog.method, "会议通报")
        type_chinese(dialog.text, "经查，所反映问题查无实据。")
        dialog.submitted.emit()
        _settle(qtbot, demo_context)
    qtbot.waitUntil(lambda: len(page.current().responses) == 2, timeout=10000)  # type: ignore[union-attr]
    stored = next(p for p in list_petitions(demo_context.database) if p.id == new.id)
    assert sorted(r.kind for r in stored.responses) == ["clarification", "explanation"]

    labels = [page.document_bar.itemAt(i).widget().text()  # type: ignore[union-attr]
              for i in range(page.document_bar.count())]
    assert labels == ["生成情况说明", "生成澄清正名通报"]
    with qtbot.waitSignal(page.document_requested) as signal:
        page.document_bar.itemAt(0).widget().click()  # type: ignore[union-attr]
    assert signal.args[0].kind is DocumentKind.report_explanation
    assert signal.args[0].petition_id == new.id


def test_reporter_identity_only_for_real_name(qtbot: QtBot, demo_context: UiContext) -> None:
    page = PetitionsPage(demo_context)
    qtbot.addWidget(page)
    _settle(qtbot, demo_context)
    dialog = page.open_register_dialog()
    dialog.show()
    dialog.real_name.setChecked(True)
    assert dialog.reporter_name.isVisible()
    type_chinese(dialog.reporter_name, "张三")
    dialog.real_name.setChecked(False)
    assert not dialog.reporter_name.isVisible()
    assert dialog.value().reporter_name == ""
    dialog.reject()


def test_refused_input_keeps_dialog_open(qtbot: QtBot, demo_context: UiContext) -> None:
    page = PetitionsPage(demo_context)
    qtbot.addWidget(page)
    _settle(qtbot, demo_context)
    before = len(list_petitions(demo_context.database))
    dialog = page.open_register_dialog()
    dialog.submitted.emit()  # no officer, no allegations: the service refuses
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=10000)
    assert dialog.isVisible()
    assert len(list_petitions(demo_context.database)) == before
    box = _error_box()
    assert box is not None
    box.close()
    dialog.reject()


def _error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "taskErrorBox":
            return widget if widget.isVisible() else None
    return None


def test_tolerated_finding_through_a_linked_case(qtbot: QtBot, demo_context: UiContext) -> None:
    """经认定予以容错免责 with the case linked at registration: the J1 case, decided 容错免责."""
    page = PetitionsPage(demo_context)
    qtbot.addWidget(page)
    _settle(qtbot, demo_context)
    database = demo_context.database
    before = len(list_petitions(database))
    register = page.open_register_dialog()
    exempt = [i for i in range(register.case.count()) if register.case.itemData(i) is not None
              and "查封" in register.case.itemText(i)]
    assert exempt, "the J1 case is offered for linking"
    register.case.setCurrentIndex(exempt[0])
    case_id = register.case.itemData(exempt[0])
    register.officers.item(0).setCheckState(Qt.CheckState.Checked)
    type_chinese(register.allegations, "反映查封木材堆放场")
    register.submitted.emit()
    qtbot.waitUntil(lambda: len(list_petitions(database)) == before + 1, timeout=10000)
    _settle(qtbot, demo_context)
    new = max(list_petitions(database), key=lambda p: p.id)
    assert new.case_id == case_id and new.linked is not None
    qtbot.waitUntil(lambda: page.current_id() == new.id, timeout=10000)

    findings = page.open_findings_dialog()
    assert findings is not None
    type_chinese(findings.findings, "已由党委研究决定予以容错免责")
    findings.conclusion.setCurrentIndex(findings.conclusion.findData("tolerated"))
    findings.submitted.emit()
    qtbot.waitUntil(lambda: page.current() is not None
                    and page.current().conclusion == "tolerated",  # type: ignore[union-attr]
                    timeout=10000)
    assert "关联案件党委决定：容错免责" in page.detail.toPlainText()
    dialog = page.open_response_dialog()
    assert dialog is not None
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["explanation"]
    assert "不适用澄清正名" in dialog.not_offered.text()
    dialog.reject()
