#!/usr/bin/env bash
# Build the one-folder bundle (dist/nanmu-desktop/) with PyInstaller, then smoke-run it headless:
# fill a fresh database with the demo data, render a notice to PDF, export an issued document's
# PDF/A copy (pikepdf/qpdf must be bundled), export the 台账 to Excel,
# take the screenshots.
# Prints the build time and the bundle size. PyInstaller does not cross-compile: run this on the
# system you ship for (see README, "Windows").
#   bash scripts/build_bundle.sh            build + smoke
#   bash scripts/build_bundle.sh --smoke    smoke an existing bundle only
#   bash scripts/build_bundle.sh --no-smoke build only (scripts/build_on_floor.sh smokes apart)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
BUNDLE=dist/nanmu-desktop
CLI="$BUNDLE/nanmu-desktop-cli"

if [ "${1:-}" != "--smoke" ]; then
  [ -x .venv/bin/pyinstaller ] || "$PYTHON" -m pip install -q "pyinstaller>=6.6"
  "$PYTHON" scripts/compile_forms.py
  # fcitx5's input plugin for the bundled Qt, when it can be built (3: not here, the reason printed)
  PYTHON="$PYTHON" bash scripts/build_fcitx5_plugin.sh || [ $? -eq 3 ]
  SECONDS=0
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller build_installer.spec
  echo "build time: ${SECONDS} s"
fi
[ -x "$CLI" ] || { echo "no bundle at $BUNDLE" >&2; exit 1; }
[ "${1:-}" = "--no-smoke" ] && exit 0
printf 'bundle size: %s (%s files)\n' "$(du -sh "$BUNDLE" | cut -f1)" "$(find "$BUNDLE" -type f | wc -l)"
# Chinese input: Qt's ibus plugin always (it also reaches fcitx5), fcitx5's own when built
inputs=$(find "$BUNDLE" -path '*platforminputcontexts/*.so' -printf '%f ')
echo "input plugins: $inputs"
case $inputs in *libibusplatforminputcontextplugin.so*) ;; *)
  echo "no ibus input plugin in the bundle: Chinese input would not work" >&2; exit 1 ;;
esac

smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
export QT_QPA_PLATFORM=offscreen
db="$smoke/smoke.sqlite3"
"$CLI" --db "$db" demo >/dev/null
case_id=$("$CLI" --db "$db" cases --json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$CLI" --db "$db" notice --case "$case_id" --kind determination-worksheet -o "$smoke/notice.pdf"
head -c 5 "$smoke/notice.pdf" | grep -q '%PDF-' || { echo "notice is not a PDF" >&2; exit 1; }
number=$("$CLI" --db "$db" documents --json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[0]["number"])')
"$CLI" --db "$db" document show "$number" --archival -o "$smoke/archival.pdf" >/dev/null
head -c 5 "$smoke/archival.pdf" | grep -q '%PDF-' || { echo "archival copy is not a PDF" >&2; exit 1; }
"$CLI" --db "$db" ledger -o "$smoke/ledger.xlsx" >/dev/null
head -c 2 "$smoke/ledger.xlsx" | grep -q 'PK' || { echo "ledger is not an .xlsx" >&2; exit 1; }
"$CLI" --db "$db" screenshots -o "$smoke/shots" >/dev/null
shots=$(find "$smoke/shots" -name '*.png' | wc -l)
[ "$shots" -gt 0 ] || { echo "no screenshots written" >&2; exit 1; }
echo "smoke ok: notice $(stat -c %s "$smoke/notice.pdf") bytes, $shots screenshots"
