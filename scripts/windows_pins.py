"""Pins for the Windows packages of scripts/windows_env.sh, and the check that they match.

`windows_pins.py requirements` prints the packages to install for Windows: the project's runtime
dependencies (pyproject.toml) plus PyInstaller, one a line.
`windows_pins.py constraints` prints `name==version` for pip's `-c`: from requirements.lock when
the project has one (NANMU_LOCK overrides the path), else from the Linux environment running
this script (so both sides run the same versions and the documents come out byte-identical).
`windows_pins.py check SITE` compares the distributions installed in the Windows SITE folder with
those pins and with the Linux environment; any difference (PySide6 above all) exits 1, loudly.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# pip evaluates markers for the Linux side: the Windows-only dependencies of PyInstaller by name
BUILD_TOOLS = ["pyinstaller", "pyinstaller-hooks-contrib", "pefile", "pywin32-ctypes"]
PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;\\#]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_path() -> Path:
    return Path(os.environ.get("NANMU_LOCK") or ROOT / "requirements.lock")


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]
             for dep in project["project"]["dependencies"]]
    return names + BUILD_TOOLS


def linux_versions() -> dict[str, str]:
    found: dict[str, str] = {}
    for dist in metadata.distributions():  # in sys.path order: the first one is the one imported
        found.setdefault(canonical(dist.metadata["Name"]), dist.version)
    return found


def pins() -> tuple[dict[str, str], str]:
    lock = lock_path()
    if lock.is_file():
        found: dict[str, str] = {}
        for line in lock.read_text(encoding="utf-8").splitlines():
            match = PIN.match(line)
            if match:
                found[canonical(match.group(1))] = match.group(2)
        return found, str(lock)
    return linux_versions(), "the Linux environment"


def site_versions(site: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for info in site.glob("*.dist-info"):
        meta = (info / "METADATA").read_text(encoding="utf-8", errors="replace")
        name = re.search(r"^Name: (.+)$", meta, re.MULTILINE)
        version = re.search(r"^Version: (.+)$", meta, re.MULTILINE)
        if name and version:
            found[canonical(name.group(1).strip())] = version.group(1).strip()
    return found


def check(site: Path) -> int:
    wanted, source = pins()
    linux = linux_versions()
    windows = site_versions(site)
    problems = [f"{name}: Windows {version}, {source} {wanted[name]}"
                for name, version in sorted(windows.items())
                if name in wanted and wanted[name] != version]
    for name in ("pyside6-essentials", "shiboken6"):
        if name not in windows:
            problems.append(f"{name}: not installed for Windows")
        elif linux.get(name) != windows[name]:
            problems.append(f"{name}: Windows {windows[name]}, Linux {linux.get(name, 'absent')}")
    if problems:
        print("FAIL: the Windows packages do not match the project's pins:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Windows packages match {source}: PySide6 {windows['pyside6-essentials']}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["requirements"]:
        print("\n".join(requirements()))
    elif argv[:1] == ["constraints"]:
        wanted, _ = pins()
        print("\n".join(f"{name}=={version}" for name, version in sorted(wanted.items())))
    elif argv[:1] == ["check"] and len(argv) == 2:
        return check(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
