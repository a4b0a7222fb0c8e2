#!/usr/bin/env bash
# Build everything a release ships into dist/:
#   dist/nanmu-desktop/                   the Linux bundle (PyInstaller one-folder, smoke-run)
#   dist/nanmu-desktop_<v>_amd64.deb      for UOS / Kylin / Debian / Ubuntu (scripts/build_deb.sh)
#   dist/windows/nanmu-desktop/           the Windows bundle, built by PyInstaller under wine
#   dist/nanmu-desktop-<v>-setup.exe      the Windows installer (NSIS, scripts/build_setup.sh)
# Usage:
#   bash scripts/build_installers.sh              all of it
#   bash scripts/build_installers.sh --linux      the Linux bundle and the .deb
#   bash scripts/build_installers.sh --windows    the Windows bundle and setup.exe
#   bash scripts/build_installers.sh --floor      the Linux bundle and .deb built and smoke-run
#                                                 in Debian 11 (glibc ≤ 2.28), into dist/floor/
# WINDOWS_BUNDLE=<folder> packages an existing Windows bundle (e.g. built on a Windows PC)
# instead of building one under wine. Needs (as root it installs them): wine, wine64, nsis,
# gcc-mingw-w64 for Windows; dpkg-deb for the .deb. Prints sizes and times.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHON=${PYTHON:-.venv/bin/python}
what=${1:-all}
SECONDS=0

if [ "$what" = --floor ]; then
  exec bash scripts/build_on_floor.sh
fi

if [ "$what" = all ] || [ "$what" = --linux ]; then
  bash scripts/build_bundle.sh
  bash scripts/build_deb.sh dist/nanmu-desktop dist
  echo "linux done (${SECONDS} s)"
fi

if [ "$what" = all ] || [ "$what" = --windows ]; then
  WIN_BUNDLE=${WINDOWS_BUNDLE:-}
  if [ -z "$WIN_BUNDLE" ]; then
    # shellcheck source=windows_env.sh
    source scripts/windows_env.sh
    windows_env_setup
    "$PYTHON" scripts/compile_forms.py
    # the console name of the windowed program (see build_installer.spec)
    mkdir -p build/windows
    x86_64-w64-mingw32-gcc -municode -O2 -s -Wall -o build/windows/nanmu-desktop-cli.exe \
      scripts/windows/cli_launcher.c
    NANMU_CLI_LAUNCHER=$(winepath -w build/windows/nanmu-desktop-cli.exe)
    export NANMU_CLI_LAUNCHER
    winpy -m PyInstaller --noconfirm --clean --log-level WARN \
      --distpath "$(winepath -w dist/windows)" --workpath "$(winepath -w build/windows/work)" \
      "$(winepath -w build_installer.spec)" >build/windows/pyinstaller.log 2>&1 \
      || { tail -40 build/windows/pyinstaller.log >&2; exit 1; }
    WIN_BUNDLE=dist/windows/nanmu-desktop
    # the wine-only ICU stub must never ship
    if find "$WIN_BUNDLE" -iname 'icu*.dll' | grep -q .; then
      echo "an icu*.dll got into the Windows bundle" >&2; exit 1
    fi
    printf 'windows bundle: %s (%s in %s files)\n' "$WIN_BUNDLE" \
      "$(du -sh "$WIN_BUNDLE" | cut -f1)" "$(find "$WIN_BUNDLE" -type f | wc -l)"
  fi
  bash scripts/build_setup.sh "$WIN_BUNDLE"
  echo "windows done (${SECONDS} s)"
fi
ls -la dist | grep -E '\.deb|\.exe' || true
