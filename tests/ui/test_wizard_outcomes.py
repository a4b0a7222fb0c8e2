"""The determination wizard driven like a clerk would: each outcome, skipping, saving."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import type_chinese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot
from wizard_support import register_forestry_case

from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import Facts
from nanmu_desktop.services.determinations import current_determination
from nanmu_desktop.ui.common.context import UiContext
from nanmu_desktop.ui.wizard import DeterminationWizard
from nanmu_desktop.ui.wizard.determination_wizard import RESULT_ID, REVIEW_ID

EXCLUSIONS, ART9, ART10, CONDITIONS, ART11 = range(5)
CONDITION_KEYS = (
    "art10_conditions.not_prohibited",
    "art10_conditions.no_major_loss",
    "art10_conditions.remedied",
)


def dismiss(wizard: QWidget) -> None:
    """Test teardown closes widgets; hide the wizard first so it does not ask to discard."""
    assert isinstance(wizard, QDialog)
    QDialog.done(wizard, QDialog.DialogCode.Rejected.value)


def open_wizard(qtbot: QtBot, context: UiContext) -> DeterminationWizard:
    case_id = register_forestry_case(context.database)
    wizard = DeterminationWizard(context, case_id)
    qtbot.addWidget(wizard, before_close_func=dismiss)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def tick(qtbot: QtBot, wizard: DeterminationWizard, key: str) -> None:
    page = wizard.currentPage()
    assert key in page.keys, f"{key} is not asked on page {wizard.currentId()}"  # type: ignore[attr-defined]
    box = page.check_box(key)  # type: ignore[attr-defined]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()


def press_next(qtbot: QtBot, wizard: DeterminationWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def finish(qtbot: QtBot, wizard: DeterminationWizard) -> None:
    assert wizard.currentId() == RESULT_ID
    with qtbot.waitSignal(wizard.finished, timeout=5000):
        finish_button = wizard.button(QWizard.WizardButton.FinishButton)
        qtbot.mouseClick(finish_button, Qt.MouseButton.LeftButton)


# (answers per page in the order the pages must appear, expected outcome)
SCENARIOS: dict[str, tuple[list[tuple[int, list[str]]], str]] = {
    "exempt (J1)": (
        [(EXCLUSIONS, []), (ART9, []), (ART10, ["art10.4"]), (CONDITIONS, list(CONDITION_KEYS))],
        "exempt",
    ),
    "duty fulfilled": ([(EXCLUSIONS, []), (ART9, ["art9.2", "art9.5"])], "duty_fulfilled"),
    "not tolerated by 第十二条 (J2)": (
        # 第十一条 is still asked, as 追责情节: it never turns the case into 容错.
        [(EXCLUSIONS, ["exclusion.failure_to_perform", "exclusion.harmed_rights"]),
         (ART11, ["art11.1"])],
        "not_tolerated",
    ),
    "mitigated": (
        [
            (EXCLUSIONS, []),
            (ART9, []),
            (ART10, ["art10.5"]),
            (CONDITIONS, ["art10_conditions.not_prohibited"]),
            (ART11, ["art11.1", "art11.2"]),
        ],
        "mitigated",
    ),
    "no grounds": ([(EXCLUSIONS, []), (ART9, []), (ART10, []), (ART11, [])], "not_tolerated"),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_each_outcome_is_proposed_and_saved_as_the_engine_decides(
    qtbot: QtBot, ui_context: UiContext, name: str
) -> None:
    path, expected_outcome = SCENARIOS[name]
    wizard = open_wizard(qtbot, ui_context)
    for page_id, keys in path:
        assert wizard.currentId() == page_id
        for key in keys:
            tick(qtbot, wizard, key)
        press_next(qtbot, wizard)
    assert wizard.currentId() == REVIEW_ID  # every page not in `path` was skipped
    assert [i for i in wizard.visitedIds() if i < REVIEW_ID] == [p for p, _ in path]
    press_next(qtbot, wizard)

    expected = determine(Facts.from_dict(wizard.facts_dict()))
    assert expected.outcome.value == expected_outcome
    assert expected.outcome.label in wizard.result_page.view.toPlainText()
    finish(qtbot, wizard)

    saved = current_determination(ui_context.database, wizard.case_id)
    assert saved is not None
    engine = expected.to_dict()
    assert saved.outcome == engine["outcome"]
    assert list(saved.basis) == engine["basis"]
    assert list(saved.explanation) == engine["explanation"]
    assert len(saved.why_not) == len(engine["why_not"])
    ticked = {key for _page, keys in path for key in keys}
    assert Facts.from_dict(saved.facts) == Facts.from_dict(_facts_of(ticked))


def _facts_of(keys: set[str]) -> dict[str, Any]:
    """The facts JSON of ticked keys, written out independently of the wizard's own converter."""
    facts: dict[str, Any] = {}
    for key in keys:
        group, name = key.split(".")
        if group in ("exclusion", "art10_conditions"):
            facts.setdefault(group, {})[name] = True
        else:
            facts.setdefault(group, []).append(int(name))
    return facts


def test_catch_all_item_blocks_until_a_reason_is_written(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    wizard = open_wizard(qtbot, ui_context)
    press_next(qtbot, wizard)
    assert wizard.currentId() == ART9
    page = wizard.question_pages[ART9]
    tick(qtbot, wizard, "art9.9")
    message = page.findChild(QLabel, "error_art9.9")
    assert message is not None and message.isVisible()
    assert "理由" in message.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == ART9

    reason = page.findChild(QLineEdit, "reason_art9.9")
    assert reason is not None
    type_chinese(reason, "   ")  # blank is no reason
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    reason.clear()
    type_chinese(reason, "经乡党委核实属于依法履职，不应追责")
    assert not message.isVisible()
    press_next(qtbot, wizard)
    assert wizard.currentId() == REVIEW_ID
    assert "经乡党委核实属于依法履职" in wizard.review_page.view.toPlainText()
    assert wizard.facts_dict()["reasons"] == {"art9.9": "经乡党委核实属于依法履职，不应追责"}
