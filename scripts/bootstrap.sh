#!/usr/bin/env bash
# Set up a development checkout: the system libraries Qt needs (Debian/Ubuntu, as root),
# a virtual environment in .venv, the pinned dependencies from the lock file (hashes checked)
# and the package itself.
#   bash scripts/bootstrap.sh        -> the app          (requirements.lock)
#   bash scripts/bootstrap.sh test   -> the app and the test extras (requirements-test.lock)
# PYTHON=/path/to/python3.11 chooses the interpreter; otherwise the first of python3,
# python3.13, python3.12, python3.11 that is new enough. Too old or none: a Chinese message
# saying what is needed, exit 2 (before anything is installed).
set -euo pipefail
cd "$(dirname "$0")/.."

# The version pyproject.toml requires (requires-python = ">=3.11").
NEED=$(sed -n 's/^requires-python *= *">=\([0-9.]*\)".*/\1/p' pyproject.toml)
python_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }
new_enough() { [ "$(printf '%s\n%s\n' "$NEED" "$1" | sort -V | head -1)" = "$NEED" ]; }
choose_python() {
  local candidate found=""
  if [ -n "${PYTHON:-}" ]; then
    candidate=$PYTHON
    found=$(python_version "$candidate") || found=""
  else
    for candidate in python3 python3.13 python3.12 python3.11; do
      command -v "$candidate" >/dev/null 2>&1 || continue
      found=$(python_version "$candidate") || continue
      new_enough "$found" && break
    done
  fi
  if [ -z "$found" ]; then
    echo "未找到可用的 Python（${PYTHON:-python3}）。需要 Python ${NEED} 或更新版本；请安装后重试，例如：sudo apt-get install python${NEED} python${NEED}-venv，或用 PYTHON=/路径/python${NEED} bash scripts/bootstrap.sh 指定。" >&2
    exit 2
  fi
  if ! new_enough "$found"; then
    echo "需要 Python ${NEED} 或更新版本，当前为 ${found}（${candidate}）；请安装 Python ${NEED}（例如 sudo apt-get install python${NEED} python${NEED}-venv，或从 python.org 下载），再用 PYTHON=/路径/python${NEED} bash scripts/bootstrap.sh 运行。" >&2
    exit 2
  fi
  PYTHON=$candidate
}
choose_python

QT_SYSTEM_PACKAGES=(
  libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1
  libxi6 libsm6 libice6 libnss3 libxrandr2 libxcomposite1 libxdamage1 libxtst6 libcups2
)

install_system_packages() {
  command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  # Debian splits venv/ensurepip out of python3: a bare system needs python3-venv too.
  "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv python3-pip)
  for pkg in "${QT_SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system libraries for Qt: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# PyInstaller (the bundle test of the test run) reads binaries with objdump; the bundle's ICU
# data is trimmed with icupkg and gcc (scripts/trim_icu.py).
[ "${1:-}" = "test" ] && QT_SYSTEM_PACKAGES+=(binutils icu-devtools gcc)
install_system_packages

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
LOCK=requirements.lock
[ "${1:-}" = "test" ] && LOCK=requirements-test.lock
# Every dependency at its locked version and hash (regenerate with scripts/lock.sh), then the
# package itself without touching them. PySide6-Pdf (6.12+, from before the lock) would shadow
# the Addons' QtPdf of the locked Qt: it goes.
.venv/bin/python -m pip uninstall -q -y PySide6-Pdf 2>/dev/null || true
.venv/bin/python -m pip install -q --require-hashes --no-deps -r "$LOCK"
.venv/bin/python -m pip install -q --no-deps -e .
