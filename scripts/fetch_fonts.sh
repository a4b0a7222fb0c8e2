#!/usr/bin/env bash
# Reproduce resources/fonts/ and resources/charsets/tgh-8105.txt from the public registries.
#
# Sources (all SIL OFL 1.1):
#   npm  @expo-google-fonts/noto-serif-sc@0.4.3  Noto Serif SC (TrueType, all weights)
#   npm  @expo-google-fonts/noto-sans-sc@0.4.3   Noto Sans SC
#   deb  fonts-lxgw-wenkai                       LXGW WenKai 霞鹜文楷 (kept unmodified: reserved font name)
#   deb  fonts-noto-core                         Noto Sans Mongolian
#   deb  unicode-data                            Unihan kTGH = 通用规范汉字表 (8,105 characters)
#
# The three Noto Serif SC weights are subset (fontTools) to GB2312 ∪ 通用规范汉字表 ∪ Latin,
# digits and punctuation so the body/title fonts load fast; Noto Sans SC and LXGW WenKai stay
# whole and serve as fallbacks for rarer characters.
# Usage: scripts/fetch_fonts.sh [python]   (default python: .venv/bin/python)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${1:-$here/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fonts="$here/resources/fonts"
charsets="$here/resources/charsets"
mkdir -p "$fonts" "$charsets"

cd "$work"
npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
mkdir serif sans
tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans
apt-get download fonts-lxgw-wenkai fonts-noto-core unicode-data >/dev/null
for deb in fonts-lxgw-wenkai_*.deb fonts-noto-core_*.deb unicode-data_*.deb; do
    dpkg-deb -x "$deb" deb
done

# 通用规范汉字表 from Unihan's kTGH field, one character per line, in code point order.
bzcat deb/usr/share/unicode/Unihan_OtherMappings.txt.bz2 \
    | awk -F'\t' '$1 ~ /^U\+/ && $2 == "kTGH" { print $1 }' \
    | "$py" -c 'import sys; print("\n".join(chr(int(l.strip()[2:], 16)) for l in sys.stdin if l.strip()))' \
    > "$charsets/tgh-8105.txt"

"$py" - "$work" "$fonts" "$charsets/tgh-8105.txt" <<'PY'
import sys
from pathlib import Path

from fontTools import subset

work, fonts, tgh = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
gb2312 = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            gb2312.add(bytes((hi, lo)).decode("gb2312"))
        except UnicodeDecodeError:
            pass
wanted = {ord(c) for c in gb2312} | {ord(c) for c in tgh.read_text("utf-8").split()}
for lo_, hi_ in ((0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF),
                 (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F),
                 (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)):
    wanted.update(range(lo_, hi_ + 1))
pkg = work / "serif" / "package"
for weight, out in (("300Light", "NotoSerifSC-Light-GB.ttf"),
                    ("400Regular", "NotoSerifSC-Regular-GB.ttf"),
                    ("900Black", "NotoSerifSC-Black-GB.ttf")):
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    font = subset.load_font(str(pkg / weight / f"NotoSerifSC_{weight}.ttf"), opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    font.save(str(fonts / out))
PY
cp serif/package/LICENSE_FONT "$fonts/NotoSerifSC-OFL.txt"
cp sans/package/400Regular/NotoSansSC_400Regular.ttf "$fonts/NotoSansSC-Regular.ttf"
cp sans/package/LICENSE_FONT "$fonts/NotoSansSC-OFL.txt"
cp deb/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf "$fonts/LXGWWenKai-Regular.ttf"
cp deb/usr/share/doc/fonts-lxgw-wenkai/copyright "$fonts/LXGWWenKai-OFL.txt"
cp deb/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf "$fonts/NotoSansMongolian-Regular.ttf"
cp deb/usr/share/doc/fonts-noto-core/copyright "$fonts/NotoSansMongolian-OFL.txt"
echo "fonts written to $fonts"
