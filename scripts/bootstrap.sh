#!/usr/bin/env bash
# Set up a development checkout: the system libraries Qt needs (Debian/Ubuntu, as root),
# a virtual environment in .venv and the package installed into it.
#   bash scripts/bootstrap.sh        -> the app
#   bash scripts/bootstrap.sh test   -> the app and the test extras
set -euo pipefail
cd "$(dirname "$0")/.."

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

# PyInstaller (the bundle test of the test run) reads binaries with objdump.
[ "${1:-}" = "test" ] && QT_SYSTEM_PACKAGES+=(binutils)
install_system_packages

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
