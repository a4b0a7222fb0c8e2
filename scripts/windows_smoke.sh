#!/usr/bin/env bash
# The Windows program on Linux, under wine: the CLI journey (demo → draft notice → issued
# notice → ledger → check) with the Windows build, its PDFs byte-identical to the same journey
# on Linux; then, when a setup.exe was built, a silent install, a run of the installed program
# and a silent uninstall. The Windows packages are pinned to the project's (requirements.lock, else
# the Linux environment); any difference fails the run (scripts/windows_pins.py).
#   bash scripts/windows_smoke.sh          uses dist/windows/nanmu-desktop (from
#                                          build_installers.sh) if built, else the Windows Python
#                                          running the source
#   bash scripts/windows_smoke.sh --build  first builds the Windows bundle and setup.exe under wine
#                                          (build_installers.sh --windows); all steps then required
#                                          (.ci/run runs this)
# Downloads and the wine prefix are cached in .cache/windows/ (gitignored). Prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0
export PYTHON=${PYTHON:-.venv/bin/python}
BUILD=0
[ "${1:-}" = --build ] && BUILD=1
# shellcheck source=windows_env.sh
source scripts/windows_env.sh
windows_env_setup
echo "wine environment ready (${SECONDS} s)"
if [ "$BUILD" = 1 ]; then
  rm -rf dist/windows dist/nanmu-desktop-*-setup.exe
  bash scripts/build_installers.sh --windows
  echo "windows bundle and setup.exe built (${SECONDS} s)"
fi

BUNDLE=${WINDOWS_BUNDLE:-dist/windows/nanmu-desktop}
WORK=$ROOT/.cache/windows/smoke
rm -rf "$WORK" && mkdir -p "$WORK/linux" "$WORK/windows"
DATE=2026-03-02  # fixed 成文日期: the documents must not depend on the day of the run

linux_cli() { PYTHONPATH=$ROOT QT_QPA_PLATFORM=offscreen "$PYTHON" -m nanmu_desktop "$@"; }
if [ "$BUILD" = 1 ] && [ ! -f "$BUNDLE/nanmu-desktop-cli.exe" ]; then
  echo "FAIL: no Windows bundle at $BUNDLE after the build" >&2; exit 1
fi
if [ -f "$BUNDLE/nanmu-desktop-cli.exe" ]; then
  echo "Windows side: the frozen bundle $BUNDLE"
  windows_cli() { wine "$BUNDLE/nanmu-desktop-cli.exe" "$@" </dev/null; }
else
  echo "Windows side: the source under the Windows Python (no bundle at $BUNDLE)"
  windows_cli() {
    local cmd
    cmd=$(printf '%q ' env PYTHONPATH="$(winepath -w "$ROOT");$(winepath -w "$WINE_SITE")" \
      PYTHONUTF8=1 wine "$WINPY" -m nanmu_desktop "$@")
    script -qec "$cmd" /dev/null </dev/null
  }
fi
win() { winepath -w "$1" 2>/dev/null; }

journey() {  # journey SIDE RUN-FUNCTION PATH-FUNCTION
  local side=$1 run=$2 path=$3 dir=$WORK/$1
  local db
  db=$($path "$dir/journey.sqlite3")
  $run --db "$db" demo >"$dir/demo.txt"
  $run --db "$db" notice --case RC-2026-001 --kind exemption-decision --date "$DATE" \
    -o "$($path "$dir/draft.pdf")" >/dev/null
  $run --db "$db" notice --case RC-2026-002 --kind notification --date "$DATE" --issue \
    -o "$($path "$dir/issued.pdf")" >/dev/null
  $run --db "$db" ledger -o "$($path "$dir/ledger.pdf")" >/dev/null
  $run --db "$db" ledger -o "$($path "$dir/ledger.xlsx")" >/dev/null
  $run --db "$db" check >"$dir/check.txt"
  echo "$side journey done (${SECONDS} s)"
}
same_path() { echo "$1"; }
journey linux linux_cli same_path
journey windows windows_cli win

for pdf in draft issued ledger; do
  head -c 5 "$WORK/windows/$pdf.pdf" | grep -q '%PDF-' || { echo "windows $pdf.pdf is not a PDF" >&2; exit 1; }
  cmp -s "$WORK/linux/$pdf.pdf" "$WORK/windows/$pdf.pdf" \
    || { echo "FAIL: $pdf.pdf differs between Linux and Windows" >&2; exit 1; }
  echo "same bytes: $pdf.pdf ($(stat -c %s "$WORK/linux/$pdf.pdf") bytes)"
done
head -c 2 "$WORK/windows/ledger.xlsx" | grep -q PK || { echo "windows ledger.xlsx is not an .xlsx" >&2; exit 1; }

SETUP=$(ls dist/nanmu-desktop-*-setup.exe 2>/dev/null | head -1 || true)
if [ -n "$SETUP" ]; then
  folder=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local | head -1)/Programs/NanmuDesktop
  wine "$SETUP" /S && wineserver -w
  [ -f "$folder/nanmu-desktop.exe" ] || { echo "FAIL: setup.exe installed nothing" >&2; exit 1; }
  installed_db=$(win "$WORK/installed.sqlite3")
  wine "$folder/nanmu-desktop-cli.exe" --db "$installed_db" demo </dev/null >/dev/null
  wine "$folder/nanmu-desktop-cli.exe" --db "$installed_db" check </dev/null >/dev/null
  echo "installed by $SETUP and ran (${SECONDS} s)"
  wine "$folder/uninstall.exe" /S
  for _ in $(seq 60); do [ -e "$folder" ] || break; sleep 1; done
  wineserver -w
  [ ! -e "$folder" ] || { echo "FAIL: uninstall left $folder" >&2; exit 1; }
  echo "uninstalled cleanly"
elif [ "$BUILD" = 1 ]; then
  echo "FAIL: no dist/nanmu-desktop-*-setup.exe after the build" >&2; exit 1
else
  echo "no dist/nanmu-desktop-*-setup.exe: install test skipped"
fi
echo "windows smoke ok in ${SECONDS} s"
