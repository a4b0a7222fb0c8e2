#!/usr/bin/env bash
# Package a built Linux bundle as a .deb for UOS / Kylin / Debian / Ubuntu (amd64):
#   bash scripts/build_deb.sh [BUNDLE_DIR] [OUT_DIR]      (defaults: dist/nanmu-desktop, dist)
# Installs the bundle under /opt/nanmu-desktop, a /usr/bin/nanmu-desktop symlink, a desktop
# entry (Chinese name, in the office menu) and the icon in every size; declares the desktop
# libraries the bundle takes from the system. No maintainer scripts: dpkg's triggers refresh
# the menu and icon caches, and `dpkg -r` removes every file it installed (the clerks'
# databases live in their home folders and stay).
set -euo pipefail
cd "$(dirname "$0")/.."

BUNDLE=${1:-dist/nanmu-desktop}
OUT=${2:-dist}
PYTHON=${PYTHON:-.venv/bin/python}
PACKAGE=nanmu-desktop
NAME_ZH="容错纠错办理系统"
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is missing (Debian's dpkg package)" >&2; exit 1; }
[ -x "$BUNDLE/nanmu-desktop" ] || { echo "no Linux bundle at $BUNDLE" >&2; exit 1; }
VERSION=$("$PYTHON" -c 'import sys; sys.path.insert(0, "."); import nanmu_desktop; print(nanmu_desktop.__version__)')

# Packages the bundle needs from the system: scripts/bootstrap.sh's list (libxcb-cursor0 is in
# the bundle: older UOS/Kylin releases lack it) plus the owners of every other library a
# bundled binary links against (found with dpkg -S on the build machine).
system_packages() {
  sed -n '/^QT_SYSTEM_PACKAGES=(/,/^)/p' scripts/bootstrap.sh | tr -s ' ()' '\n' \
    | grep -E '^lib' | grep -vx 'libxcb-cursor0'
  local bundled needed soname
  bundled=$(find "$BUNDLE/_internal" -name '*.so*' -printf '%f\n' | sort -u)
  needed=$(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 objdump -p 2>/dev/null | awk '/NEEDED/ {print $2}' | sort -u)
  for soname in $needed; do
    grep -qxF "$soname" <<<"$bundled" && continue
    dpkg -S "*/$soname" 2>/dev/null | head -1 | cut -d: -f1
  done
}
# The C library the bundle was built against is its floor (Python and libstdc++ come from the
# build machine): dpkg then refuses an older system instead of the program failing at start.
glibc_floor() {
  find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0 | xargs -0 objdump -T 2>/dev/null \
    | grep -o 'GLIBC_2\.[0-9]*' | sed 's/GLIBC_//' | sort -t. -k2,2n -u | tail -1
}
DEPENDS=$( (system_packages | grep -vx libc6; echo "libc6 (>= $(glibc_floor))") | sort -u \
  | paste -sd, | sed 's/,/, /g')

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
ROOTFS=$STAGE/root
mkdir -p "$ROOTFS/opt" "$ROOTFS/usr/bin" "$ROOTFS/usr/share/applications" "$ROOTFS/DEBIAN"
cp -a "$BUNDLE" "$ROOTFS/opt/$PACKAGE"
ln -s "/opt/$PACKAGE/nanmu-desktop" "$ROOTFS/usr/bin/nanmu-desktop"
for png in resources/icons/nanmu-*.png; do
  size=$(basename "$png" .png | cut -d- -f2)
  mkdir -p "$ROOTFS/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$ROOTFS/usr/share/icons/hicolor/${size}x${size}/apps/$PACKAGE.png"
done
mkdir -p "$ROOTFS/usr/share/icons/hicolor/scalable/apps"
cp resources/icons/nanmu.svg "$ROOTFS/usr/share/icons/hicolor/scalable/apps/$PACKAGE.svg"
cat > "$ROOTFS/usr/share/applications/$PACKAGE.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Version=1.0
Name=Nanmu Desktop
Name[zh_CN]=$NAME_ZH
GenericName=Fault tolerance and correction case handling
GenericName[zh_CN]=容错纠错办理
Comment=Cases, determinations and documents under 鄂政发〔2024〕127号
Comment[zh_CN]=容错纠错案件登记、认定、文书与台账（鄂政发〔2024〕127号）
Exec=/opt/$PACKAGE/nanmu-desktop
Icon=$PACKAGE
Terminal=false
Categories=Office;
StartupWMClass=nanmu-desktop
DESKTOP
chmod -R u+rwX,go+rX,go-w "$ROOTFS"
find "$ROOTFS" -type d -exec chmod 0755 {} +

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
cat > "$ROOTFS/DEBIAN/control" <<CONTROL
Package: $PACKAGE
Version: $VERSION
Section: misc
Priority: optional
Architecture: amd64
Maintainer: Nanmu Desktop <nanmu-desktop@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Description: $NAME_ZH
 Offline desktop application and command line for the 容错纠错 regulation
 鄂政发〔2024〕127号: cases, determinations, notices (PDF) and the 台账 (Excel).
CONTROL

mkdir -p "$OUT"
DEB="$OUT/${PACKAGE}_${VERSION}_amd64.deb"
# xz: read by every dpkg a UOS/Kylin release ships (zstd is not); NANMU_DEB_COMPRESSION=gzip or
# none builds faster (tests).
dpkg-deb --root-owner-group "-Z${NANMU_DEB_COMPRESSION:-xz}" --build "$ROOTFS" "$DEB" >/dev/null
printf 'deb: %s (%s)\n' "$DEB" "$(du -h "$DEB" | cut -f1)"
