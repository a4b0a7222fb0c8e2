#!/usr/bin/env bash
# Reproduce resources/fonts/ and resources/charsets/tgh-8105.txt from the public registries.
#
# Sources (all SIL OFL 1.1):
#   npm  @expo-google-fonts/noto-serif-sc@0.4.3  Noto Serif SC (TrueType, all weights)
#   npm  @expo-google-fonts/noto-sans-sc@0.4.3   Noto Sans SC
#   deb  fonts-lxgw-wenkai                       LXGW WenKai 霞鹜文楷 (subset renamed WenKai GB)
#   deb  fonts-noto-core                         Noto Sans Mongolian
#   deb  unicode-data                            Unihan kTGH = 通用规范汉字表 (8,105 characters)
#
# Every role font is subset (fontTools) to GB2312 ∪ 通用规范汉字表 ∪ Latin, digits and
# punctuation so it loads fast (reportlab parses a whole font on load); Noto Sans SC also stays
# whole as the fallback for rarer characters. LXGW WenKai has Reserved Font Names ("LXGW",
# "霞鹜"), so its subset — a Modified Version under the OFL — is renamed "WenKai GB".
# Usage: scripts/fetch_fonts.sh [python]   (default python: .venv/bin/python)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${1:-$here/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fonts="$here/resources/fonts"
charsets="$here/resources/charsets"
mkdir -p "$fonts" "$charsets"
rm -f "$fonts"/*.ttf "$fonts"/*-OFL.txt

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
serif = work / "serif" / "package"
sans = work / "sans" / "package"
kai = work / "deb" / "usr" / "share" / "fonts" / "truetype" / "lxgw-wenkai"
jobs = (
    (serif / "300Light" / "NotoSerifSC_300Light.ttf", "NotoSerifSC-Light-GB.ttf", None),
    (serif / "400Regular" / "NotoSerifSC_400Regular.ttf", "NotoSerifSC-Regular-GB.ttf", None),
    (serif / "900Black" / "NotoSerifSC_900Black.ttf", "NotoSerifSC-Black-GB.ttf", None),
    (sans / "400Regular" / "NotoSansSC_400Regular.ttf", "NotoSansSC-Regular-GB.ttf", None),
    (kai / "LXGWWenKai-Regular.ttf", "WenKaiGB-Regular.ttf", "WenKai GB"),
)
for source, out, rename in jobs:
    opts = subset.Options()
    opts.layout_features = []  # reportlab draws CJK without OpenType layout
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    font = subset.load_font(str(source), opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    if rename:
        # Only the font's names change; copyright and licence records stay as they are.
        for record in font["name"].names:
            if record.nameID not in (1, 3, 4, 6, 16, 17, 18, 21, 22):
                continue
            text = record.toUnicode()
            for reserved, new in (("LXGW WenKai", rename), ("LXGWWenKai", rename.replace(" ", "")),
                                  ("霞鹜文楷", rename), ("LXGW", ""), ("霞鹜", "")):
                text = text.replace(reserved, new)
            record.string = text.strip()
    font.recalcTimestamp = False  # same bytes on every run
    font.save(str(fonts / out))
PY
cp serif/package/LICENSE_FONT "$fonts/NotoSerifSC-OFL.txt"
cp sans/package/400Regular/NotoSansSC_400Regular.ttf "$fonts/NotoSansSC-Regular.ttf"
cp sans/package/LICENSE_FONT "$fonts/NotoSansSC-OFL.txt"
{
    echo "WenKai GB: a subset of LXGW WenKai Regular 1.250 (Debian fonts-lxgw-wenkai), renamed"
    echo "as the SIL OFL 1.1 requires for Modified Versions of a font with Reserved Font Names."
    echo
    cat deb/usr/share/doc/fonts-lxgw-wenkai/copyright
} > "$fonts/WenKaiGB-OFL.txt"
cp deb/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf "$fonts/NotoSansMongolian-Regular.ttf"
cp deb/usr/share/doc/fonts-noto-core/copyright "$fonts/NotoSansMongolian-OFL.txt"
echo "fonts written to $fonts"
