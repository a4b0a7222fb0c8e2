#!/usr/bin/env bash
# Build the Linux bundle and the .deb on the oldest base Debian still serves — Debian 11
# "bullseye" (glibc 2.31) — in a debootstrap chroot kept in .cache/bullseye (gitignored), then
# prove them there: the glibc check (no bundled binary may need more than GLIBC_MAX, default
# 2.28, the glibc of UOS 20), the offscreen smoke (demo, notice, PDF/A copy, 台账, screenshots),
# and the .deb installed with dpkg, run from /opt and removed.
#   bash scripts/build_on_floor.sh            build + check + smoke  (as root; first run ~30 min)
#   bash scripts/build_on_floor.sh --smoke    check + smoke the bundle already in dist/floor/
# Output: dist/floor/nanmu-desktop/ and dist/floor/nanmu-desktop_<v>_amd64.deb.
#
# The interpreter: the code needs Python 3.11 (pyproject's requires-python), bullseye has 3.9,
# and the package index offers no relocatable CPython for Linux (pbs-installer, uv's `python
# install`, portable-python and relenv all download from elsewhere at install time). So the
# chroot builds CPython from Debian's own source package of python3.11 (bookworm, verified by
# apt) into /opt/python3.11 of the chroot, once. The dependencies come from requirements.lock
# (hashes checked).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CHROOT=${FLOOR_CHROOT:-$ROOT/.cache/bullseye}
MIRROR=${FLOOR_MIRROR:-http://deb.debian.org/debian}
GLIBC_MAX=${GLIBC_MAX:-2.28}
OUT=$ROOT/dist/floor
mode=${1:-build}
[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap and chroot)" >&2; exit 1; }

# Build tools for CPython and PyInstaller, and the desktop libraries Qt loads at run time
# (scripts/bootstrap.sh's list: the bundle takes them from the system).
BUILD_PACKAGES=(build-essential pkg-config binutils xz-utils ca-certificates dpkg-dev tcl
  icu-devtools libssl-dev libffi-dev libsqlite3-dev zlib1g-dev libbz2-dev liblzma-dev uuid-dev)
mapfile -t QT_PACKAGES < <(sed -n '/^QT_SYSTEM_PACKAGES=(/,/^)/p' scripts/bootstrap.sh \
  | tr -s ' ()' '\n' | grep -E '^lib')

mounted=()
cleanup() {
  local m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_into_chroot() {
  local what
  for what in proc sys dev dev/pts; do
    mkdir -p "$CHROOT/$what"
    mountpoint -q "$CHROOT/$what" || { mount --bind "/$what" "$CHROOT/$what"; mounted+=("$CHROOT/$what"); }
  done
  cp /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
  # pip in the chroot trusts what the host trusts (a proxy's own CA, say)
  cp "${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}" "$CHROOT/etc/host-ca.crt" 2>/dev/null || true
}
in_chroot() {  # run a bash script (stdin) inside the chroot, clean environment
  chroot "$CHROOT" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    LANG=C.UTF-8 PIP_CERT=/etc/host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 "$@" \
    /bin/bash -euo pipefail -s
}

# ---- the chroot and its CPython (kept between runs) -------------------------------------------
if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
  debootstrap --variant=minbase --include=ca-certificates bullseye "$CHROOT" "$MIRROR"
fi
mount_into_chroot
# CPython and SQLite built on glibc 2.31 would need 2.29/2.30: libm's exp/log/pow/exp2/log2 got
# new symbol versions in 2.29 and Python 3.11 uses sem_clockwait (2.30). Bound to the old symbols
# (the same code in glibc ≥ 2.29, which keeps them for compatibility) and without sem_clockwait
# (it falls back to sem_timedwait), they need no more than 2.28. SQLite is Debian 12's 3.40.1
# (the version the tests run on; bullseye's 3.34 lacks RETURNING), built from Debian's source
# into /opt/python3.11/lib, where the interpreter finds it first. The marker records that build.
if [ ! -f "$CHROOT/opt/python3.11/.glibc-2.28" ]; then
  echo "deb-src $MIRROR bookworm main" > "$CHROOT/etc/apt/sources.list.d/bookworm-src.list"
  cat > "$CHROOT/usr/local/include/glibc-2.28.h" <<'H'
/* Link libm's exp/log/pow/exp2/log2 to their glibc 2.2.5 versions (see build_on_floor.sh). */
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
H
  in_chroot <<SH
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends ${BUILD_PACKAGES[*]} ${QT_PACKAGES[*]} >/dev/null
rm -rf /opt/python3.11
mkdir -p /usr/src/sqlite && cd /usr/src/sqlite
ls sqlite3_*.orig.tar.* >/dev/null 2>&1 || apt-get source --download-only -qq sqlite3
rm -rf src && mkdir src && tar -xf \$(ls sqlite3_*.orig.tar.* | grep -v www) -C src --strip-components=1
cd src
./configure -q --prefix=/opt/python3.11 --enable-shared --disable-static --disable-tcl \
  CFLAGS="-O2 -include /usr/local/include/glibc-2.28.h -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE \
  -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_ENABLE_DBSTAT_VTAB \
  -DSQLITE_SECURE_DELETE" >/dev/null
nice make -s -j"\$(nproc)" >/dev/null 2>&1
make -s install >/dev/null 2>&1
mkdir -p /usr/src/cpython && cd /usr/src/cpython
ls python3.11_*.orig.tar.* >/dev/null 2>&1 || apt-get source --download-only -qq python3.11
rm -rf src && mkdir src && tar -xf python3.11_*.orig.tar.* -C src --strip-components=1
cd src
PKG_CONFIG_PATH=/opt/python3.11/lib/pkgconfig \
./configure -q --prefix=/opt/python3.11 --enable-shared --with-ensurepip=install \
  ac_cv_func_sem_clockwait=no CFLAGS="-include /usr/local/include/glibc-2.28.h" \
  CPPFLAGS="-I/opt/python3.11/include" \
  LDFLAGS="-L/opt/python3.11/lib -Wl,-rpath,/opt/python3.11/lib" >/dev/null
nice make -s -j"\$(nproc)" >/dev/null 2>&1
make -s install >/dev/null 2>&1
/opt/python3.11/bin/python3.11 -c 'import ssl, sqlite3, ctypes, lzma, bz2, zlib, math, hashlib; hashlib.scrypt(b"x", salt=b"y", n=2, r=1, p=1); hashlib.new("sm3"); assert math.exp(1) == 2.718281828459045; assert sqlite3.sqlite_version_info >= (3, 40)'
touch /opt/python3.11/.glibc-2.28
rm -rf /src/venv
SH
fi
echo "chroot: Debian $(in_chroot <<<'cat /etc/debian_version; getconf GNU_LIBC_VERSION; /opt/python3.11/bin/python3.11 --version' | paste -sd' ')"

# ---- the sources, then the build -----------------------------------------------------------------
rm -rf "$CHROOT/src/nanmu" && mkdir -p "$CHROOT/src/nanmu"
tar -C "$ROOT" --exclude=./.git --exclude='./.venv*' --exclude=./.cache --exclude=./dist \
  --exclude=./build --exclude='*/__pycache__' --exclude=./out -cf - . | tar -C "$CHROOT/src/nanmu" -xf -
if [ "$mode" != --smoke ]; then
  SECONDS=0
  # the app and PyInstaller from the lock (hashes checked); the package itself is found on
  # PyInstaller's path (pathex), so it is not installed
  in_chroot <<'SH'
cd /src/nanmu
command -v icupkg >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq icu-devtools >/dev/null
[ -x /src/venv/bin/python ] || /opt/python3.11/bin/python3.11 -m venv /src/venv
/src/venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-test.lock
PYTHON=/src/venv/bin/python bash scripts/build_bundle.sh --no-smoke
SH
  rm -rf "$OUT" && mkdir -p "$OUT"
  cp -a "$CHROOT/src/nanmu/dist/nanmu-desktop" "$OUT/"
  echo "built in the chroot (${SECONDS} s)"
fi
[ -x "$OUT/nanmu-desktop/nanmu-desktop" ] || { echo "no bundle at $OUT/nanmu-desktop" >&2; exit 1; }

# ---- glibc floor: the newest GLIBC_ symbol version each binary of the bundle asks for --------
bash scripts/glibc_floor.sh "$OUT/nanmu-desktop" > "$OUT/glibc-versions.txt"
newest=$(sed -n 1p "$OUT/glibc-versions.txt")
echo "newest glibc needed: $newest (limit $GLIBC_MAX; per file: $OUT/glibc-versions.txt)"
if [ "$(printf '%s\n%s\n' "${newest%% *}" "$GLIBC_MAX" | sort -V | tail -1)" != "$GLIBC_MAX" ]; then
  echo "the bundle needs glibc ${newest%% *} > $GLIBC_MAX:" >&2
  sed -n 1,20p "$OUT/glibc-versions.txt" >&2
  exit 1
fi

# ---- smoke in the chroot: the bundle, then the .deb installed, run and removed -----------------
rm -rf "$CHROOT/src/nanmu/dist" && mkdir -p "$CHROOT/src/nanmu/dist"
cp -a "$OUT/nanmu-desktop" "$CHROOT/src/nanmu/dist/"
in_chroot <<'SH'
cd /src/nanmu
PYTHON=/opt/python3.11/bin/python3.11 bash scripts/build_bundle.sh --smoke
rm -f dist/*.deb
PYTHON=/opt/python3.11/bin/python3.11 bash scripts/build_deb.sh dist/nanmu-desktop dist >/dev/null
deb=$(ls dist/nanmu-desktop_*_amd64.deb)
echo "deb: $(basename "$deb") $(stat -c %s "$deb") bytes; Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg -i "$deb" >/dev/null
QT_QPA_PLATFORM=offscreen nanmu-desktop --help | grep -q '容错纠错办理系统'
t=$(mktemp -d); QT_QPA_PLATFORM=offscreen /opt/nanmu-desktop/nanmu-desktop-cli --db "$t/a.sqlite3" demo >/dev/null
grep -q 'Name\[zh_CN\]=容错纠错办理系统' /usr/share/applications/nanmu-desktop.desktop
dpkg -r nanmu-desktop >/dev/null
[ ! -e /opt/nanmu-desktop ] && [ ! -e /usr/bin/nanmu-desktop ] \
  && [ ! -e /usr/share/applications/nanmu-desktop.desktop ] || { echo "dpkg -r left files" >&2; exit 1; }
rm -rf "$t"
echo "deb ok: installed, ran from /opt, removed cleanly"
SH
cp "$CHROOT"/src/nanmu/dist/nanmu-desktop_*_amd64.deb "$OUT/"
echo "floor ok: $OUT"
