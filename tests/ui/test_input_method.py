"""Which Qt input-context plugin the app asks for (fcitx5 on UOS/Kylin), and the focus dump hook.

The real typing of pinyin under Xvfb with fcitx5 is tests/e2e/test_chinese_input.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from nanmu_desktop.ui.common.input_method import (
    FCITX_PLUGIN,
    choose_input_method,
    plugin_folders,
    start_focus_dump,
)


@pytest.fixture
def with_fcitx5_plugin(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "plugins"
    (folder / "platforminputcontexts").mkdir(parents=True)
    (folder / "platforminputcontexts" / FCITX_PLUGIN).write_bytes(b"")
    return [folder]


@pytest.fixture
def without_ibus_daemon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))


@pytest.mark.parametrize("requested", ["fcitx", "fcitx5", "FCITX"])
def test_fcitx_without_its_plugin_goes_through_the_ibus_portal(tmp_path, requested):
    env = {"QT_IM_MODULE": requested}
    assert choose_input_method(env, [tmp_path]) == "ibus"
    assert env == {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}


def test_fcitx_with_its_plugin_is_left_alone(with_fcitx5_plugin):
    env = {"QT_IM_MODULE": "fcitx"}
    assert choose_input_method(env, with_fcitx5_plugin) is None
    assert env == {"QT_IM_MODULE": "fcitx"}


def test_xmodifiers_alone_names_fcitx(tmp_path, with_fcitx5_plugin):
    env = {"XMODIFIERS": "@im=fcitx"}
    assert choose_input_method(env, with_fcitx5_plugin) == "fcitx"
    assert env["QT_IM_MODULE"] == "fcitx"
    env = {"XMODIFIERS": "@im=fcitx"}
    assert choose_input_method(env, [tmp_path]) == "ibus"
    assert env["IBUS_USE_PORTAL"] == "1"


def test_ibus_without_ibus_daemon_uses_the_portal(without_ibus_daemon):
    env = {"QT_IM_MODULE": "ibus"}
    assert choose_input_method(env, []) == "ibus"
    assert env["IBUS_USE_PORTAL"] == "1"


def test_a_chosen_portal_setting_is_kept(without_ibus_daemon):
    env = {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "0"}
    assert choose_input_method(env, []) is None
    assert env["IBUS_USE_PORTAL"] == "0"


@pytest.mark.parametrize("env", [{}, {"QT_IM_MODULE": "compose"}, {"XMODIFIERS": "@im=ibus"}])
def test_other_settings_are_left_alone(tmp_path, env):
    before = dict(env)
    assert choose_input_method(env, [tmp_path]) is None
    assert env == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux plugins")
def test_qt_brings_the_ibus_plugin_the_fallback_needs():
    folder = plugin_folders({})[0] / "platforminputcontexts"
    assert (folder / "libibusplatforminputcontextplugin.so").is_file()
    assert (folder / "libcomposeplatforminputcontextplugin.so").is_file()


def test_the_focus_dump_writes_the_focused_fields_name_and_text(qtbot, qapp, tmp_path):
    field = QLineEdit()
    field.setObjectName("title_edit")
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitActive(field)
    field.setFocus()
    field.setText("容错")
    target = tmp_path / "focus.txt"
    timer = start_focus_dump(qapp, str(target))
    try:
        qtbot.waitUntil(target.exists, timeout=3000)
        assert target.read_text(encoding="utf-8") == "title_edit\n容错"
    finally:
        timer.stop()
        timer.deleteLater()
