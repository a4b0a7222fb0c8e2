"""A neighbouring township (萨马街鄂温克民族乡) with nothing of Nanmu's: its profile, its own
regulation version (the model text renamed) and a year of its own cases (the demo data set with
the neighbour's names), shared by the residue and first-run tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nanmu_desktop.paths import resources_dir
from nanmu_desktop.services.demo import load_demo_data
from nanmu_desktop.services.regulations import add_version
from nanmu_desktop.services.settings import ProfileInput
from nanmu_desktop.storage.db import Database

# Strings of Nanmu's that must appear nowhere in a neighbour's output.
NANMU_STRINGS = ("南木", "鄂伦春", "鄂政发", "扎兰屯", "127号", "刘晓伟")

SAMAJIE = "萨马街鄂温克民族乡人民政府"
SAMAJIE_PROFILE = ProfileInput(
    name_zh=SAMAJIE,
    default_prefix="萨政发",
    signer="乌日娜",
    issuing_authority="萨马街鄂温克民族乡党政综合办公室",
    default_cc=("阿荣旗司法局", "萨马街鄂温克民族乡纪委"),
    township_type="xiang",
)
# Longest first, so the full names are renamed before their parts.
_RENAMES = (
    ("扎兰屯市南木鄂伦春民族乡", "萨马街鄂温克民族乡"),
    ("南木鄂伦春民族乡", "萨马街鄂温克民族乡"),
    ("鄂政发〔2024〕127号", "萨政发〔2024〕31号"),
    ("鄂政发", "萨政发"),
    ("南木", "萨马街"),
    ("鄂伦春", "鄂温克"),
    ("扎兰屯市", "阿荣旗"),
    ("扎兰屯", "阿荣旗"),
    ("刘晓伟", "乌日娜"),
    ("127号", "31号"),
)


def renamed(text: str) -> str:
    for old, new in _RENAMES:
        text = text.replace(old, new)
    return text


def add_neighbour_regulation(db: Database) -> None:
    """The neighbour's own regulation: the model text under its title, number and issuer, in
    force from the same day (so every case cites it)."""
    source = resources_dir() / "regulations" / "2024-127.json"
    data: dict[str, Any] = json.loads(renamed(source.read_text(encoding="utf-8")))
    data["version"] = "2024-samajie"
    data["header_mongolian"] = ""
    add_version(db, json.dumps(data, ensure_ascii=False), Path("2024-samajie.json"))


def neighbour_demo_data() -> dict[str, Any]:
    """The demo data set as the neighbour's own year of cases."""
    data: dict[str, Any] = json.loads(renamed(json.dumps(load_demo_data(), ensure_ascii=False)))
    return data


def residue(text: str) -> list[str]:
    return [s for s in NANMU_STRINGS if s in text]
