#!/usr/bin/env bash
# Build the Windows setup.exe from a Windows bundle folder with NSIS (Debian's nsis package):
#   bash scripts/build_setup.sh BUNDLE_DIR [OUT_EXE]
# (default OUT_EXE: dist/nanmu-desktop-<version>-setup.exe). The script is
# scripts/windows/installer.nsi; the folder's whole content is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

BUNDLE=${1:?usage: build_setup.sh BUNDLE_DIR [OUT_EXE]}
PYTHON=${PYTHON:-.venv/bin/python}
command -v makensis >/dev/null || { echo "makensis is missing (Debian's nsis package)" >&2; exit 1; }
[ -f "$BUNDLE/nanmu-desktop.exe" ] || { echo "no Windows bundle at $BUNDLE" >&2; exit 1; }
VERSION=$("$PYTHON" -c 'import sys; sys.path.insert(0, "."); import nanmu_desktop; print(nanmu_desktop.__version__)')
OUT=${2:-dist/nanmu-desktop-$VERSION-setup.exe}
mkdir -p "$(dirname "$OUT")"
makensis -V2 -INPUTCHARSET UTF8 -DBUNDLE_DIR="$(cd "$BUNDLE" && pwd)" \
  -DOUT_FILE="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")" -DVERSION="$VERSION" \
  -DICON="$PWD/resources/icons/nanmu.ico" scripts/windows/installer.nsi
printf 'setup: %s (%s)\n' "$OUT" "$(du -h "$OUT" | cut -f1)"
