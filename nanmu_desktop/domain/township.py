"""The township as a kind of unit: 乡 / 镇 / 苏木 / 街道, and every word that depends on it.

The one home of the township's self-designations in documents (乡党委 / 镇党委 / 苏木党委 /
街道党工委, 我乡 / 本街道, 乡人民政府 …): templates use these as `{placeholders}`, never the
characters themselves. Also the product name derived from the township's name, so no window,
file name or PDF says another township's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

PRODUCT_NAME = "容错纠错办理系统"


class TownshipType(StrEnum):
    xiang = "xiang"
    zhen = "zhen"
    sumu = "sumu"
    jiedao = "jiedao"

    @property
    def label(self) -> str:
        return _UNIT[self]


_UNIT = {
    TownshipType.xiang: "乡",
    TownshipType.zhen: "镇",
    TownshipType.sumu: "苏木",
    TownshipType.jiedao: "街道",
}


@dataclass(frozen=True)
class TownshipWording:
    """How a township names itself in its own documents."""

    unit: str  # 乡
    party_committee: str  # 乡党委 (a 街道 has a 党工委)
    we: str  # 我乡 (a 街道 says 本街道)
    government: str  # 乡人民政府 (a 街道 has a 办事处)
    government_short: str  # 乡政府
    whole: str  # 全乡
    own_departments: str  # 乡属各科室
    villages: str  # 各村（社区）; a 苏木 has 嘎查, a 街道 社区


    def placeholders(self) -> dict[str, str]:
        """The template placeholders, by name."""
        return {
            "unit": self.unit,
            "party_committee": self.party_committee,
            "we": self.we,
            "government": self.government,
            "government_short": self.government_short,
            "whole": self.whole,
            "own_departments": self.own_departments,
            "villages": self.villages,
        }

    @property
    def publication_board(self) -> str:
        """Where a decision is published unless the clerk recorded another scope."""
        return f"{self.government_short}公示栏"

    @property
    def staff_meeting(self) -> str:
        """Where an explanation or clarification is made known unless another scope is given."""
        return f"{self.whole}干部职工会议"


def wording_for(township_type: TownshipType | str) -> TownshipWording:
    kind = TownshipType(township_type)
    unit = kind.label
    if kind is TownshipType.jiedao:
        return TownshipWording(
            unit=unit,
            party_committee="街道党工委",
            we="本街道",
            government="街道办事处",
            government_short="街道办事处",
            whole="全街道",
            own_departments="街道各科室",
            villages="各社区",
        )
    return TownshipWording(
        unit=unit,
        party_committee=f"{unit}党委",
        we=f"我{unit}",
        government=f"{unit}人民政府",
        government_short=f"{unit}政府",
        whole=f"全{unit}",
        own_departments=f"{unit}属各科室",
        villages="各嘎查（社区）" if kind is TownshipType.sumu else "各村（社区）",
    )


_GOVERNMENT_SUFFIX = re.compile(r"(人民政府|办事处)$")
_CITY_PREFIX = re.compile(r"^.{2,6}?(市|县|旗|区)(?=.{2,})")


def guess_type(name_zh: str) -> TownshipType | None:
    """The type a name states (…镇人民政府 → 镇); None when it says none."""
    short = _GOVERNMENT_SUFFIX.sub("", name_zh.strip())
    for kind, ending in ((TownshipType.jiedao, "街道"), (TownshipType.sumu, "苏木"),
                         (TownshipType.zhen, "镇"), (TownshipType.xiang, "乡")):
        if short.endswith(ending):
            return kind
    return None


def short_name(name_zh: str) -> str:
    """扎兰屯市萨马街鄂温克民族乡人民政府 → 萨马街鄂温克民族乡: without the government word and
    the city or banner in front."""
    short = _GOVERNMENT_SUFFIX.sub("", name_zh.strip())
    return _CITY_PREFIX.sub("", short) or short


def product_name(name_zh: str) -> str:
    """The program's name as this township sees it: 萨马街鄂温克民族乡容错纠错办理系统."""
    short = short_name(name_zh)
    return f"{short}{PRODUCT_NAME}" if short else PRODUCT_NAME
