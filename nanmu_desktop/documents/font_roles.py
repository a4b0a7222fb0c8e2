"""The GB/T 9704 font roles and the files that serve them, without loading any font.

Kept apart from `fonts.py` (which needs reportlab) so the UI can find the bundled font at
start-up without paying for reportlab.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

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

# Licensed fonts looked for on the machine, best first: (file name, subfont index in a TTC).
SYSTEM_CANDIDATES: dict[FontRole, tuple[tuple[str, int], ...]] = {
    FontRole.XIAOBIAOSONG: (("FZXBSJW.TTF", 0), ("FZXBSK.TTF", 0), ("方正小标宋简体.ttf", 0)),
    FontRole.FANGSONG: (("仿宋_GB2312.ttf", 0), ("FANGSONG_GB2312.TTF", 0), ("simfang.ttf", 0)),
    FontRole.HEITI: (("simhei.ttf", 0),),
    FontRole.KAITI: (("楷体_GB2312.ttf", 0), ("KAITI_GB2312.TTF", 0), ("simkai.ttf", 0)),
    FontRole.SONGTI: (("simsun.ttc", 0), ("simsun.ttf", 0)),
    FontRole.MONGOLIAN: (("monbaiti.ttf", 0),),
}

# Bundled open fonts (resources/fonts, see scripts/fetch_fonts.sh); no free 仿宋 exists, so the
# body uses Noto Serif SC Light, whose thin even strokes come closest.
BUNDLED: dict[FontRole, tuple[str, str]] = {
    FontRole.XIAOBIAOSONG: ("NotoSerifSC-Black-GB.ttf", "Noto Serif SC Black"),
    FontRole.FANGSONG: ("NotoSerifSC-Light-GB.ttf", "Noto Serif SC Light"),
    FontRole.HEITI: ("NotoSansSC-Regular-GB.ttf", "Noto Sans SC"),
    FontRole.KAITI: ("WenKaiGB-Regular.ttf", "WenKai GB（霞鹜文楷子集）"),
    FontRole.SONGTI: ("NotoSerifSC-Regular-GB.ttf", "Noto Serif SC"),
    FontRole.MONGOLIAN: ("NotoSansMongolian-Regular.ttf", "Noto Sans Mongolian"),
}
# Role fonts are subsets (GB2312 ∪ 通用规范汉字表) that load fast; this whole font is tried
# for a rarer character none of them has.
BUNDLED_FALLBACKS: tuple[str, ...] = ("NotoSansSC-Regular.ttf",)


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
