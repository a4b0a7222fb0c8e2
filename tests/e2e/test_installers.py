"""The installers: the .deb installs under /opt and is removed without a trace; the Windows
setup.exe (NSIS) installs per user with shortcuts and an uninstall entry, and uninstalls.

The .deb is installed with dpkg into a scratch root (`dpkg --root`, the package's files and
dpkg's own database there), so the test machine is left as it was. The setup.exe test checks
the installer's mechanics only, under wine in a scratch prefix, over a placeholder folder (the
real Windows bundle is built and smoke-run by scripts/windows_smoke.sh). Each test skips when
its tool (dpkg-deb, makensis, wine) is missing; NANMU_SKIP_BUNDLE=1 skips them with the
bundle tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "容错纠错办理系统"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("NANMU_SKIP_BUNDLE") == "1", reason="NANMU_SKIP_BUNDLE=1"),
]


def _script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, check=False, env=env)


def _python_env() -> dict[str, str]:
    return {**os.environ, "PYTHON": sys.executable}


@pytest.mark.skipif(shutil.which("dpkg-deb") is None or shutil.which("dpkg") is None,
                    reason="needs dpkg-deb and dpkg (Debian)")
def test_deb_installs_under_opt_and_removes_cleanly(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**_python_env(), "NANMU_DEB_COMPRESSION": "none"}  # (xz for releases: minutes)
    built = _script("scripts/build_deb.sh", str(bundle), str(out), env=env)
    assert built.returncode == 0, built.stderr
    (deb,) = out.glob("nanmu-desktop_*_amd64.deb")

    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    packages = set(re.split(r",\s*|\s", depends))
    assert {"libcups2", "libfontconfig1", "libxkbcommon-x11-0"} <= packages
    assert re.search(r"libc6 \(>= 2\.\d+\)", depends)

    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    (admin / "info").mkdir(parents=True)
    (admin / "updates").mkdir()
    (admin / "status").touch()
    dpkg = ["dpkg", f"--root={root}", "--force-depends", "--force-not-root",
            "--force-script-chrootless", "--log=/dev/null"]
    install = subprocess.run([*dpkg, "-i", str(deb)], capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stderr

    opt = root / "opt" / "nanmu-desktop"
    assert (opt / "nanmu-desktop").is_file() and os.access(opt / "nanmu-desktop", os.X_OK)
    assert (opt / "_internal" / "resources" / "fonts").is_dir()
    assert os.readlink(root / "usr" / "bin" / "nanmu-desktop") == "/opt/nanmu-desktop/nanmu-desktop"
    entry = (root / "usr" / "share" / "applications" / "nanmu-desktop.desktop").read_text("utf-8")
    assert f"Name[zh_CN]={APP_NAME}" in entry
    assert "Exec=/opt/nanmu-desktop/nanmu-desktop" in entry and "Icon=nanmu-desktop" in entry
    assert (root / "usr/share/icons/hicolor/256x256/apps/nanmu-desktop.png").is_file()
    assert (root / "usr/share/icons/hicolor/16x16/apps/nanmu-desktop.png").is_file()

    # the installed program runs from /opt as dpkg left it (modes, the CLI symlink)
    env_run = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    shown = subprocess.run([str(opt / "nanmu-desktop-cli"), "--help"], capture_output=True,
                           text=True, encoding="utf-8", env=env_run, timeout=120, check=False)
    assert shown.returncode == 0 and "容错纠错办理系统" in shown.stdout

    remove = subprocess.run([*dpkg, "-r", "nanmu-desktop"], capture_output=True, text=True,
                            check=False)
    assert remove.returncode == 0, remove.stderr
    left = [p for p in root.rglob("*") if "var/lib/dpkg" not in p.as_posix() and p.is_file()]
    assert left == []
    assert not (root / "opt" / "nanmu-desktop").exists()


def _wine_ready() -> bool:
    return all(shutil.which(tool) for tool in ("makensis", "wine", "wineboot", "wineserver"))


@pytest.mark.skipif(not _wine_ready(), reason="needs makensis (nsis) and wine")
def test_setup_exe_installs_per_user_and_uninstalls(tmp_path: Path) -> None:
    # Installer mechanics only: a placeholder folder stands in for the Windows bundle here.
    placeholder = tmp_path / "placeholder"
    (placeholder / "_internal").mkdir(parents=True)
    (placeholder / "nanmu-desktop.exe").write_bytes(b"placeholder, not a program")
    (placeholder / "nanmu-desktop-cli.exe").write_bytes(b"placeholder, not a program")
    (placeholder / "_internal" / "data.txt").write_text("仅用于测试安装程序", encoding="utf-8")
    setup = tmp_path / "nanmu-desktop-test-setup.exe"
    built = _script("scripts/build_setup.sh", str(placeholder), str(setup), env=_python_env())
    assert built.returncode == 0, built.stderr
    assert setup.stat().st_size > 0

    env = {**os.environ, "WINEPREFIX": str(tmp_path / "prefix"), "WINEDEBUG": "-all",
           "WINEARCH": "win64"}
    env.pop("DISPLAY", None)
    subprocess.run(["wineboot", "-i"], env=env, capture_output=True, timeout=300, check=False)
    users = next((tmp_path / "prefix" / "drive_c" / "users").glob("[!P]*"))  # not Public
    for link in users.iterdir():  # wine links Desktop … to $HOME: keep everything in the prefix
        if link.is_symlink():
            link.unlink()
            link.mkdir()

    def wine(*args: str) -> None:
        done = subprocess.run(["wine", *args], env=env, capture_output=True, timeout=300,
                              check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        subprocess.run(["wineserver", "-w"], env=env, timeout=300, check=False)

    wine(str(setup), "/S")
    folder = users / "AppData" / "Local" / "Programs" / "NanmuDesktop"
    assert (folder / "nanmu-desktop.exe").read_bytes() == b"placeholder, not a program"
    assert (folder / "_internal" / "data.txt").is_file() and (folder / "uninstall.exe").is_file()
    start_menu = users / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs" / APP_NAME
    assert (start_menu / f"{APP_NAME}.lnk").is_file()
    assert (users / "Desktop" / f"{APP_NAME}.lnk").is_file()
    registry = (tmp_path / "prefix" / "user.reg").read_text("utf-8", errors="replace")
    key = r"[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\NanmuDesktop]"
    assert key in registry and '"QuietUninstallString"' in registry

    wine(str(folder / "uninstall.exe"), "/S")
    for _ in range(60):  # the uninstaller runs from a copy in %TEMP% and returns at once
        if not folder.exists():
            break
        time.sleep(1)
    subprocess.run(["wineserver", "-w"], env=env, timeout=300, check=False)
    assert not folder.exists()
    assert not start_menu.exists() and not (users / "Desktop" / f"{APP_NAME}.lnk").exists()
    registry = (tmp_path / "prefix" / "user.reg").read_text("utf-8", errors="replace")
    assert key not in registry
