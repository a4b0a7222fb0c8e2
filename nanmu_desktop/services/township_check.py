"""The first-run wizard's last page and `township show`: what is still the demo township's
(Nanmu's) or still empty in this database's profile, each as one Chinese line.

Nanmu's values are read from the demo data set and the model regulation, never repeated here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from nanmu_desktop.documents.mongolian_text import join_suffixes
from nanmu_desktop.domain.township import short_name
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.paths import resources_dir
from nanmu_desktop.services.settings import DEFAULT_PREFIX, TownshipProfileInfo
from nanmu_desktop.storage.db import Database


@dataclass(frozen=True)
class CheckItem:
    field: str  # 单位名称, 代字 …
    message: str
    nanmu: bool  # True: a value of the demo township; False: merely empty


@cache
def _demo_profile() -> dict[str, Any]:
    raw = (resources_dir() / "demo" / "demo.json").read_text(encoding="utf-8")
    profile: dict[str, Any] = json.loads(raw)["profile"]
    return profile


def demo_markers() -> tuple[str, ...]:
    """Texts that only the demo township's profile contains (its names, signer, 代字)."""
    demo = _demo_profile()
    names = (demo["name_zh"], short_name(demo["name_zh"]), demo["issuing_authority"])
    return (*names, demo["signer"], DEFAULT_PREFIX)


def check_profile(
    profile: TownshipProfileInfo, department_count: int, regulation_number: str = ""
) -> list[CheckItem]:
    demo = _demo_profile()
    items: list[CheckItem] = []

    def nanmu(field: str, value: str) -> None:
        items.append(CheckItem(field, f"{field}仍为南木乡的“{value}”，请改为本单位的。", True))

    def empty(field: str, consequence: str) -> None:
        items.append(CheckItem(field, f"{field}尚未填写：{consequence}", False))

    demo_short = short_name(demo["name_zh"])
    if not profile.name_zh:
        empty("单位名称", "不能生成任何文书。")
    elif demo_short in profile.name_zh:
        nanmu("单位名称", profile.name_zh)
    if not profile.name_mn:
        empty("蒙古文名称", "版头只印中文名称。")
    elif join_suffixes(profile.name_mn) == join_suffixes(demo["name_mn"]):
        nanmu("蒙古文名称", "（演示数据的蒙古文行）")
    prefixes = {profile.prefix_for(kind.value) for kind in DocumentKind}
    if DEFAULT_PREFIX in prefixes:
        nanmu("代字", DEFAULT_PREFIX)
    if not profile.signer:
        empty("签发人", "版头不印签发人。")
    elif profile.signer == demo["signer"]:
        nanmu("签发人", profile.signer)
    if not profile.issuing_authority:
        empty("印发机关", "版记以单位名称为印发机关。")
    elif demo_short in profile.issuing_authority:
        nanmu("印发机关", profile.issuing_authority)
    if not profile.default_cc:
        empty("默认抄送", "版记不列抄送机关。")
    for cc in profile.default_cc:
        if demo_short in cc:
            nanmu("默认抄送", cc)
    if department_count == 0:
        empty("科室", "登记执法人员时无科室可选。")
    if regulation_number and regulation_number in _demo_regulation_numbers():
        items.append(CheckItem(
            "制度", f"现行制度仍为南木乡的{regulation_number}：完成后请导入本单位的制度，"
            "文书才会援引本单位的制度。", True
        ))
    return items


@cache
def _demo_regulation_numbers() -> frozenset[str]:
    from nanmu_desktop.domain.regulation_loader import available_versions, load_regulation

    return frozenset(load_regulation(v).number for v in available_versions())


def check_database(db: Database) -> list[CheckItem]:
    """`check_profile` for this database's profile, departments and regulation in force."""
    from nanmu_desktop.services.officers import list_departments
    from nanmu_desktop.services.regulations import get_version_in_force
    from nanmu_desktop.services.settings import get_profile

    number = get_version_in_force(db, date.today()).number
    return check_profile(get_profile(db), len(list_departments(db)), number)
