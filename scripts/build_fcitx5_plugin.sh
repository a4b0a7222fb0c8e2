#!/usr/bin/env bash
# Build fcitx5's Qt 6 input-context plugin (libfcitx5platforminputcontextplugin.so) for the Qt
# that the bundle carries (PySide6 of $PYTHON), into
#   .cache/fcitx5-plugin/<Qt version>/libfcitx5platforminputcontextplugin.so
# where build_installer.spec picks it up (PySide6/Qt/plugins/platforminputcontexts/). Without it
# the app still types Chinese with fcitx5 through Qt's ibus plugin (nanmu_desktop/ui/common/input_method.py).
#
# The plugin implements Qt's private QPA classes (QPlatformInputContext and its plugin), so it is
# compiled against the headers of the same Qt minor version; Qt's loader itself refuses only a
# plugin built for a newer minor, and all private symbols sit under one ELF version
# (Qt_6_PRIVATE_API), so a mismatch would not be caught at load time: this script checks it.
# Sources, from Debian's packages (by a private apt configuration under the cache, nothing is
# installed on the system):
#   - Qt headers and moc: qt6-base-dev, qt6-base-private-dev, qt6-base-dev-tools of the Debian
#     release whose Qt has the same major.minor (bookworm 6.4, trixie 6.8, sid newer); moc runs
#     with that release's own C library from the cache. None with the same minor: the script
#     says so and exits 3, unless FCITX5_QT_HEADERS=<Debian version> names the headers to use
#     after the private classes above were compared by hand (see README, 中文输入).
#   - fcitx5-qt: `apt-get source fcitx5-qt` (Debian's newest), or FCITX5_QT_SOURCE=<folder>.
# Compiled with the system's g++ (libxkbcommon-dev, libxcb1-dev installed when missing, as root)
# and linked against the bundled Qt libraries; the D-Bus helper library is compiled in.
# Exit: 0 built (or cached), 3 not possible here (reason printed), other: a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-.venv/bin/python}
CACHE=$ROOT/.cache/fcitx5-plugin
PLUGIN=libfcitx5platforminputcontextplugin.so
mkdir -p "$CACHE"

read -r QT_VERSION QT_LIB < <("$PYTHON" -c '
from PySide6.QtCore import QLibraryInfo, qVersion
print(qVersion(), QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))')
OUT=$CACHE/$QT_VERSION/$PLUGIN
if [ -f "$OUT" ]; then echo "fcitx5 plugin for Qt $QT_VERSION: $OUT (cached)"; exit 0; fi
not_here() { echo "fcitx5 plugin not built for Qt $QT_VERSION: $*" >&2; exit 3; }

# --- a private apt configuration: Debian's releases, binary and source lists -------------------
APT=$CACHE/apt
mkdir -p "$APT/lists/partial" "$APT/archives/partial"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$KEYRING" ] || not_here "no Debian archive keyring ($KEYRING)"
: >"$APT/sources.list"
for suite in bookworm trixie sid; do
  for kind in deb deb-src; do
    echo "$kind [signed-by=$KEYRING] http://deb.debian.org/debian $suite main" >>"$APT/sources.list"
  done
done
APT_OPTS=(-o "Dir::State::Lists=$APT/lists" -o "Dir::Etc::SourceList=$APT/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::Cache=$APT" -o "Dir::Cache::archives=$APT/archives"
  -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")
if [ -z "$(find "$APT/lists" -name '*Sources*' -mtime -7 2>/dev/null | head -1)" ]; then
  apt-get "${APT_OPTS[@]}" update -qq || not_here "the Debian archive cannot be reached"
fi

# --- Qt headers of the same minor version ----------------------------------------------------------
minor=${QT_VERSION%.*}
mapfile -t debian_qts < <(apt-cache "${APT_OPTS[@]}" madison qt6-base-private-dev | awk '{print $3}' | sort -uV)
headers=${FCITX5_QT_HEADERS:-}
if [ -z "$headers" ]; then
  for version in "${debian_qts[@]}"; do
    upstream=${version%%+*}
    [ "${upstream%.*}" = "$minor" ] && headers=$version
  done
fi
[ -n "$headers" ] || not_here "Debian has Qt headers only for ${debian_qts[*]%%+*}, none for $minor
  (set FCITX5_QT_HEADERS=<one of: ${debian_qts[*]}> after comparing the private classes)"
qt_upstream=${headers%%+*}
[ "${qt_upstream%.*}" = "$minor" ] \
  || echo "WARNING: Qt $QT_VERSION bundled, headers of Qt $qt_upstream (FCITX5_QT_HEADERS)" >&2
[ "$(printf '%s\n' "$qt_upstream" "$QT_VERSION" | sort -V | tail -1)" = "$QT_VERSION" ] \
  || not_here "headers $qt_upstream are newer than the bundled Qt (Qt refuses such a plugin)"
suite=$(apt-cache "${APT_OPTS[@]}" madison qt6-base-private-dev | awk -v v="$headers" '$3 == v {print $6}' \
  | head -1 | cut -d/ -f1)

SYSROOT=$CACHE/debian-qt-$headers
if [ ! -f "$SYSROOT/.complete" ]; then
  rm -rf "$SYSROOT" && mkdir -p "$SYSROOT"
  debs=$CACHE/debs-$headers
  rm -rf "$debs" && mkdir -p "$debs"
  (cd "$debs" && apt-get "${APT_OPTS[@]}" download -qq \
    "qt6-base-dev=$headers" "qt6-base-private-dev=$headers" "qt6-base-dev-tools=$headers" \
    "libc6/$suite" "libstdc++6/$suite" "libgcc-s1/$suite" "libpcre2-16-0/$suite") \
    || not_here "could not download Qt $qt_upstream's headers and moc from Debian"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$SYSROOT"; done
  rm -rf "$debs"
  touch "$SYSROOT/.complete"
fi
INC=$SYSROOT/usr/include/x86_64-linux-gnu/qt6
LIBDIRS=$SYSROOT/usr/lib/x86_64-linux-gnu:$SYSROOT/lib/x86_64-linux-gnu
LOADER=
for candidate in "$SYSROOT"/{lib64,usr/lib64,usr/lib/x86_64-linux-gnu}/ld-linux-x86-64.so.2; do
  [ -n "$LOADER" ] || [ ! -e "$candidate" ] || LOADER=$candidate
done
moc() {  # Debian's moc with its own C library (it may need a newer glibc than this system's)
  "$LOADER" --library-path "$LIBDIRS" "$SYSROOT/usr/lib/qt6/libexec/moc" "$@"
}
moc --version >/dev/null || not_here "Debian's moc $qt_upstream does not run here"

# --- fcitx5-qt source ---------------------------------------------------------------------------------
SRC=${FCITX5_QT_SOURCE:-}
if [ -z "$SRC" ]; then
  SRC=$(find "$CACHE/source" -maxdepth 1 -mindepth 1 -type d -name 'fcitx5-qt-*' 2>/dev/null | sort -V | tail -1)
  if [ -z "$SRC" ]; then
    mkdir -p "$CACHE/source"
    (cd "$CACHE/source" && apt-get "${APT_OPTS[@]}" source -qq fcitx5-qt >/dev/null) \
      || not_here "could not get fcitx5-qt's source from Debian (apt-get source fcitx5-qt); set FCITX5_QT_SOURCE"
    SRC=$(find "$CACHE/source" -maxdepth 1 -mindepth 1 -type d -name 'fcitx5-qt-*' | sort -V | tail -1)
  fi
fi
[ -f "$SRC/qt6/platforminputcontext/main.cpp" ] || not_here "no fcitx5-qt source at $SRC"

for pkg in libxkbcommon-dev libxcb1-dev g++; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
  [ "$(id -u)" -eq 0 ] || not_here "$pkg is missing"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
done

# --- build: the D-Bus helpers and the plugin, one shared object ----------------------------------------
WORK=$CACHE/build-$QT_VERSION
rm -rf "$WORK" && mkdir -p "$WORK/gen"
cat >"$WORK/gen/fcitx5qt6dbusaddons_export.h" <<'H'
#pragma once
#define FCITX5QT6DBUSADDONS_EXPORT
#define FCITX5QT6DBUSADDONS_NO_EXPORT
H
sed 's/@FCITX5_QT_EXTRA_PLUGIN_NAME@/"fcitx",/' "$SRC/qt6/platforminputcontext/fcitx5.json.in" \
  >"$WORK/gen/fcitx5.json"
INCLUDES=(-I"$WORK/gen" -I"$SRC/common" -I"$SRC/qt6/dbusaddons" -I"$SRC/qt6/platforminputcontext"
  -I"$INC" -I"$INC/QtCore" -I"$INC/QtGui" -I"$INC/QtDBus" -I"$INC/QtWidgets"
  -I"$INC/QtCore/$qt_upstream" -I"$INC/QtCore/$qt_upstream/QtCore"
  -I"$INC/QtGui/$qt_upstream" -I"$INC/QtGui/$qt_upstream/QtGui")
DEFINES=(-DQT_NO_DEBUG -DENABLE_X11 -DFCITX5_QT_WITH_FCITX_NAME
  -DFCITX_PLUGIN_DATA_FILE_PATH="\"$WORK/gen/fcitx5.json\"")
sources=("$SRC"/qt6/dbusaddons/*.cpp)
for name in fcitx4watcher fcitx4inputcontextproxy fcitx4inputcontextproxyimpl fcitx4inputmethodproxy \
            hybridinputcontext qfcitxplatforminputcontext fcitxcandidatewindow fcitxtheme font qtkey main; do
  [ -f "$SRC/qt6/platforminputcontext/$name.cpp" ] && sources+=("$SRC/qt6/platforminputcontext/$name.cpp")
done
# moc: every header with Q_OBJECT (compiled as moc_<name>.cpp); a .cpp with Q_OBJECT (<name>.moc)
for header in "$SRC"/qt6/dbusaddons/*.h "$SRC"/qt6/platforminputcontext/*.h; do
  grep -q 'Q_OBJECT\|Q_PLUGIN_METADATA' "$header" || continue
  moc "${DEFINES[@]}" "${INCLUDES[@]}" "$header" -o "$WORK/gen/moc_$(basename "${header%.h}").cpp"
  sources+=("$WORK/gen/moc_$(basename "${header%.h}").cpp")
done
for source in "${sources[@]}"; do
  case $source in "$WORK"/*) continue ;; esac
  grep -q 'Q_OBJECT' "$source" || continue
  moc "${DEFINES[@]}" "${INCLUDES[@]}" "$source" -o "$WORK/gen/$(basename "${source%.cpp}").moc"
done
objects=()
for source in "${sources[@]}"; do
  object=$WORK/$(basename "${source%.cpp}").o
  g++ -std=c++17 -O2 -fPIC -fvisibility=hidden -fvisibility-inlines-hidden -w \
    "${DEFINES[@]}" "${INCLUDES[@]}" -c "$source" -o "$object"
  objects+=("$object")
done
mkdir -p "$(dirname "$OUT")"
g++ -shared -o "$WORK/$PLUGIN" "${objects[@]}" -Wl,--as-needed -Wl,-z,defs \
  -Wl,-rpath,'$ORIGIN/../../lib' \
  "$QT_LIB/libQt6Widgets.so.6" "$QT_LIB/libQt6Gui.so.6" "$QT_LIB/libQt6DBus.so.6" \
  "$QT_LIB/libQt6Core.so.6" -lxkbcommon -lxcb
strip --strip-unneeded "$WORK/$PLUGIN"
glibc=$(objdump -T "$WORK/$PLUGIN" | grep -oE 'GLIBC_[0-9.]+' | sort -uV | tail -1)
mv "$WORK/$PLUGIN" "$OUT"
printf '%s\n' "Qt $QT_VERSION (bundled), headers and moc of Debian's Qt $headers," \
  "fcitx5-qt from $SRC, needs $glibc" >"$CACHE/$QT_VERSION/BUILT-WITH.txt"
echo "fcitx5 plugin for Qt $QT_VERSION: $OUT ($(du -h "$OUT" | cut -f1), needs $glibc)"
