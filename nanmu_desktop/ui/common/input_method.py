"""Chinese input on Linux: pick a Qt input-context plugin that can reach the running input method.

UOS and Kylin run fcitx5 and set QT_IM_MODULE=fcitx (or only XMODIFIERS=@im=fcitx). Qt needs
fcitx5's own plugin (libfcitx5platforminputcontextplugin.so) for that; the bundle carries it
only when scripts/build_fcitx5_plugin.sh could build it for the bundled Qt. Without it Qt falls
back to plain keys ("rongcuo" instead of 容错). Qt's ibus plugin, which is always bundled, also
reaches fcitx5: fcitx5 answers the IBus protocol on the session bus (its ibusfrontend, the
"portal" name). Qt's ibus plugin only uses that name when IBUS_USE_PORTAL is set, and otherwise
declares itself unusable when no ibus-daemon program is installed. So, before the
QApplication exists: fcitx requested but its plugin missing → ibus through the portal; ibus
requested but no ibus-daemon → the portal too (fcitx5 answers).

NANMU_DEBUG_FOCUS_DUMP=FILE makes the app write the focused field's name and text to FILE every
200 ms (tests/e2e/test_chinese_input.py reads what the input method committed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import MutableMapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

FCITX_PLUGIN = "libfcitx5platforminputcontextplugin.so"
FCITX_KEYS = {"fcitx", "fcitx5"}
FOCUS_DUMP_VARIABLE = "NANMU_DEBUG_FOCUS_DUMP"


def plugin_folders(environ: MutableMapping[str, str]) -> list[Path]:
    """Where Qt looks for plugins: its own folder, then QT_PLUGIN_PATH."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    folders += [Path(part) for part in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if part]
    return folders


def fcitx_plugin_present(folders: list[Path]) -> bool:
    return any((folder / "platforminputcontexts" / FCITX_PLUGIN).is_file() for folder in folders)


def choose_input_method(
    environ: MutableMapping[str, str] | None = None, folders: list[Path] | None = None
) -> str | None:
    """Adjust QT_IM_MODULE (and IBUS_USE_PORTAL) so that Chinese input works; returns the
    module chosen, None when nothing was changed. Linux only; call before the QApplication."""
    env = os.environ if environ is None else environ
    requested = env.get("QT_IM_MODULE", "").strip().lower()
    if not requested and "@im=fcitx" in env.get("XMODIFIERS", "").lower():
        requested = "fcitx"
    if requested in FCITX_KEYS:
        if fcitx_plugin_present(plugin_folders(env) if folders is None else folders):
            if env.get("QT_IM_MODULE", "").strip().lower() == requested:
                return None
            env["QT_IM_MODULE"] = requested
            return requested
        env["QT_IM_MODULE"] = "ibus"
        env["IBUS_USE_PORTAL"] = "1"
        return "ibus"
    if requested == "ibus" and "IBUS_USE_PORTAL" not in env and not shutil.which("ibus-daemon"):
        env["IBUS_USE_PORTAL"] = "1"
        return "ibus"
    return None


def start_focus_dump(app: QApplication, target: str) -> QTimer:
    """Write the focused field's text to `target` every 200 ms (a test hook, see the top)."""
    path = Path(target)

    def dump() -> None:
        widget = app.focusWidget()
        if isinstance(widget, QLineEdit):
            text = widget.text()
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            text = widget.toPlainText()
        else:
            text = ""
        name = (widget.objectName() or type(widget).__name__) if widget is not None else ""
        path.write_text(f"{name}\n{text}", encoding="utf-8")

    timer = QTimer(app)
    timer.timeout.connect(dump)
    timer.start(200)
    return timer
