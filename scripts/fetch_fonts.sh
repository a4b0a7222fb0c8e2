#!/usr/bin/env bash
# Reproduce resources/fonts/ and resources/charsets/tgh-8105.txt from the public registries.
#
# Sources (SIL OFL 1.1 unless noted):
#   npm  @expo-google-fonts/noto-serif-sc@0.4.3  Noto Serif SC (TrueType, all weights)
#   npm  @expo-google-fonts/noto-sans-sc@0.4.3   Noto Sans SC
#   deb  fonts-lxgw-wenkai                       LXGW WenKai 霞鹜文楷 (subset renamed WenKai GB)
#   deb  fonts-noto-core                         Noto Sans Mongolian
#   deb  unicode-data                            Unihan kTGH = 通用规范汉字表 (8,105 characters)
#   deb  texlive-lang-chinese                    FandolFang 仿宋 (GPL-3 with the font exception)
#
# Every role font is subset (fontTools) to GB2312 ∪ 通用规范汉字表 ∪ Latin, digits and
# punctuation so it loads fast (reportlab parses a whole font on load); Noto Sans SC also stays
# whole as the fallback for rarer characters. FandolFang's outlines are CFF, which reportlab
# cannot embed: its subset is converted to TrueType (quadratic) outlines with fontTools' cu2qu
# (max. error 1 unit of 1000). LXGW WenKai has Reserved Font Names ("LXGW",
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
rm -f "$fonts"/*.ttf "$fonts"/*-OFL.txt "$fonts"/*-LICENSE.txt

cd "$work"
npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
mkdir serif sans
tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz -C serif
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz -C sans
apt-get download fonts-lxgw-wenkai fonts-noto-core unicode-data >/dev/null
for deb in fonts-lxgw-wenkai_*.deb fonts-noto-core_*.deb unicode-data_*.deb; do
    dpkg-deb -x "$deb" deb
done
# Only the Fandol files of the (large) TeX Live package; nothing of TeX is installed.
apt-get download texlive-lang-chinese >/dev/null
fandol=./usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf
fandol_doc=./usr/share/doc/texlive-doc/fonts/fandol
dpkg-deb --fsys-tarfile texlive-lang-chinese_*.deb \
    | tar -x -C deb "$fandol" "$fandol_doc/README" "$fandol_doc/COPYING.gz"

# 通用规范汉字表 from Unihan's kTGH field, one character per line, in code point order.
bzcat deb/usr/share/unicode/Unihan_OtherMappings.txt.bz2 \
    | awk -F'\t' '$1 ~ /^U\+/ && $2 == "kTGH" { print $1 }' \
    | "$py" -c 'import sys; print("\n".join(chr(int(l.strip()[2:], 16)) for l in sys.stdin if l.strip()))' \
    > "$charsets/tgh-8105.txt"

"$py" - "$work" "$fonts" "$charsets/tgh-8105.txt" <<'PY'
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable


def cff_to_truetype(font):
    """Replace CFF outlines by quadratic TrueType ones (as fontTools' otf2ttf snippet does)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = font["glyf"] = newTable("glyf")
    font["loca"] = newTable("loca")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font.recalcBBoxes = True  # glyph bounds, maxp and head are computed from the new outlines
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: reportlab needs none, and they cost ~100 KB
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\0\1\0\0"


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
fandol = work / "deb" / "usr" / "share" / "texlive" / "texmf-dist" / "fonts" / "opentype" / "public"
jobs = (
    (serif / "300Light" / "NotoSerifSC_300Light.ttf", "NotoSerifSC-Light-GB.ttf", None),
    (serif / "400Regular" / "NotoSerifSC_400Regular.ttf", "NotoSerifSC-Regular-GB.ttf", None),
    (serif / "900Black" / "NotoSerifSC_900Black.ttf", "NotoSerifSC-Black-GB.ttf", None),
    (sans / "400Regular" / "NotoSansSC_400Regular.ttf", "NotoSansSC-Regular-GB.ttf", None),
    (kai / "LXGWWenKai-Regular.ttf", "WenKaiGB-Regular.ttf", "WenKai GB"),
    (fandol / "fandol" / "FandolFang-Regular.otf", "FandolFang-Regular-GB.ttf", None),
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
    if "CFF " in font:
        for table in ("BASE", "GPOS", "GSUB", "vhea", "vmtx"):  # unused by reportlab
            if table in font:
                del font[table]
        cff_to_truetype(font)
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
{
    echo "FandolFang GB: a subset (what it has of GB2312 and 通用规范汉字表) of FandolFang-Regular 1.300 from Debian's"
    echo "texlive-lang-chinese package (2022.20230122-1), with its CFF outlines converted to TrueType"
    echo "outlines, made by scripts/fetch_fonts.sh from that package's"
    echo "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf,"
    echo "which is its source. The font exception below is extended to this modified version."
    echo
    cat "deb/$fandol_doc/README"
    echo
    zcat "deb/$fandol_doc/COPYING.gz"
} > "$fonts/FandolFang-LICENSE.txt"
cp deb/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf "$fonts/NotoSansMongolian-Regular.ttf"
cp deb/usr/share/doc/fonts-noto-core/copyright "$fonts/NotoSansMongolian-OFL.txt"
echo "fonts written to $fonts"
