"""The GB/T 9704 font roles and the files that serve them, without loading any font.

Kept apart from `fonts.py` (which needs reportlab) so the UI can find the bundled font at
start-up without paying for reportlab.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from nanmu_desktop.paths import resources_dir


class FontRole(StrEnum):
    XIAOBIAOSONG = "xiaobiaosong"  # 发文机关标志, 标题
    FANGSONG = "fangsong"  # body, 发文字号, 版记, levels 3–4
    HEITI = "heiti"  # level-1 headings
    KAITI = "kaiti"  # level-2 headings, 签发人 names
    SONGTI = "songti"  # page numbers
    MONGOLIAN = "mongolian"  # the Mongolian line of the header


ROLE_LABELS: dict[FontRole, str] = {
    FontRole.XIAOBIAOSONG: "小标宋",
    FontRole.FANGSONG: "仿宋",
    FontRole.HEITI: "黑体",
    FontRole.KAITI: "楷体",
    FontRole.SONGTI: "宋体",
    FontRole.MONGOLIAN: "蒙古文",
}

# The design GB/T 9704 asks of each role; a face of another design is a stand-in and says so.
ROLE_DESIGNS: dict[FontRole, str] = {
    FontRole.XIAOBIAOSONG: "小标宋体",
    FontRole.FANGSONG: "仿宋体",
    FontRole.HEITI: "黑体",
    FontRole.KAITI: "楷体",
    FontRole.SONGTI: "宋体",
    FontRole.MONGOLIAN: "蒙古文",
}

# Licensed fonts looked for on the machine by the family name in their name table (any
# language, case-insensitive), best first; files and their names vary between systems.
SYSTEM_FAMILIES: dict[FontRole, tuple[str, ...]] = {
    FontRole.XIAOBIAOSONG: ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK",
                            "FZXiaoBiaoSong-B05"),
    FontRole.FANGSONG: ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "方正仿宋_GBK",
                        "FZFangSong-Z02"),
    FontRole.HEITI: ("黑体", "SimHei", "方正黑体_GBK", "FZHei-B01"),
    FontRole.KAITI: ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "方正楷体_GBK", "FZKai-Z03"),
    FontRole.SONGTI: ("宋体", "SimSun", "方正书宋_GBK", "FZShuSong-Z01"),
    FontRole.MONGOLIAN: ("Mongolian Baiti",),
}


class BundledFace(NamedTuple):
    file: str
    family: str
    design: str  # what the face is, in the terms of ROLE_DESIGNS


# Bundled open fonts (resources/fonts, see scripts/fetch_fonts.sh). FandolFang is a real 仿宋;
# no open 小标宋 exists, so the heaviest Noto Serif SC (a bold Song) stands in for it.
BUNDLED: dict[FontRole, BundledFace] = {
    FontRole.XIAOBIAOSONG: BundledFace("NotoSerifSC-Black-GB.ttf", "Noto Serif SC Black", "粗宋体"),
    FontRole.FANGSONG: BundledFace("FandolFang-Regular-GB.ttf", "FandolFang", "仿宋体"),
    FontRole.HEITI: BundledFace("NotoSansSC-Regular-GB.ttf", "Noto Sans SC", "黑体"),
    FontRole.KAITI: BundledFace("WenKaiGB-Regular.ttf", "WenKai GB（霞鹜文楷子集）", "楷体"),
    FontRole.SONGTI: BundledFace("NotoSerifSC-Regular-GB.ttf", "Noto Serif SC", "宋体"),
    FontRole.MONGOLIAN: BundledFace("NotoSansMongolian-Regular.ttf", "Noto Sans Mongolian",
                                    "蒙古文"),
}
# Tried first for a character a role's own font lacks (FandolFang has about 1,500 of the 8,105
# 通用规范汉字 fewer than the others): a light Song keeps the body's weight.
ROLE_FALLBACKS: dict[FontRole, tuple[BundledFace, ...]] = {
    FontRole.FANGSONG: (BundledFace("NotoSerifSC-Light-GB.ttf", "Noto Serif SC Light", "宋体"),),
}
# Role fonts are subsets (GB2312 ∪ 通用规范汉字表) that load fast; this whole font is tried
# for a rarer character none of them has.
BUNDLED_FALLBACKS: tuple[str, ...] = ("NotoSansSC-Regular.ttf",)


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
