#!/usr/bin/env bash
# Reproduce resources/icc/sRGB.icc (the output intent of archival PDF/A copies) and its licence
# from Debian's icc-profiles-free package (zlib licence).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download icc-profiles-free >/dev/null
dpkg-deb -x icc-profiles-free_*.deb deb
version="$(dpkg-deb -f icc-profiles-free_*.deb Version)"
mkdir -p "$here/resources/icc"
cp deb/usr/share/color/icc/sRGB.icc "$here/resources/icc/sRGB.icc"
{
    echo "sRGB.icc: from Debian's icc-profiles-free package ($version), usr/share/color/icc/sRGB.icc;"
    echo "copied by scripts/fetch_icc.sh. The package's copyright file follows."
    echo
    cat deb/usr/share/doc/icc-profiles-free/copyright
} > "$here/resources/icc/sRGB-LICENSE.txt"
echo "profile written to $here/resources/icc"
