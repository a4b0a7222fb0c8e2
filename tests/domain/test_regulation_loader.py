"""Loading regulation files: versions, the cache, and clear errors on malformed files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nanmu_desktop.domain.regulation_loader import (
    RegulationFormatError,
    available_versions,
    clear_cache,
    load_regulation,
    load_regulation_file,
    regulations_dir,
)
from nanmu_desktop.errors import NanmuError, NotFoundError

BUNDLED = regulations_dir() / "2024-127.json"


def bundled() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BUNDLED.read_text(encoding="utf-8"))
    return data


def write(folder: Path, name: str, data: object) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_bundled_version_is_available_and_cached() -> None:
    assert "2024-127" in available_versions()
    assert load_regulation() is load_regulation("2024-127")


def test_a_second_version_is_just_another_file_and_becomes_the_default(tmp_path: Path) -> None:
    write(tmp_path, "2024-127", bundled())
    revised = bundled() | {"version": "2026-15", "issue_date": "2026-03-02",
                           "effective_date": "2026-04-01", "trial": False,
                           "number": "鄂政发〔2026〕15号"}
    write(tmp_path, "2026-15", revised)
    assert available_versions(tmp_path) == ("2024-127", "2026-15")
    newest = load_regulation(directory=tmp_path)
    assert newest.version == "2026-15" and newest.trial is False
    assert load_regulation("2024-127", tmp_path).trial is True


def test_unknown_version_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="2099-1"):
        load_regulation("2099-1")
    with pytest.raises(NotFoundError):
        load_regulation(directory=tmp_path)


def test_version_must_match_file_name(tmp_path: Path) -> None:
    write(tmp_path, "2024-128", bundled())
    with pytest.raises(RegulationFormatError, match=r"2024-128\.json.*\$\.version"):
        load_regulation("2024-128", tmp_path)


def _broken(mutate: str) -> dict[str, Any]:
    data = bundled()
    article9 = data["chapters"][1]["articles"][4]
    if mutate == "item":
        article9["paragraphs"][0]["items"][1] = 7
    elif mutate == "number":
        article9["number"] = 8
    elif mutate == "date":
        data["issue_date"] = "2024年10月29日"
    elif mutate == "missing":
        del data["signer"]
    elif mutate == "bool":
        data["trial"] = "yes"
    elif mutate == "guidance":
        data["guidance"][0]["kind"] = "regulation"
    elif mutate == "empty":
        data["chapters"][0]["articles"] = []
    return data


@pytest.mark.parametrize(("mutate", "json_path"), [
    ("item", "$.chapters[1].articles[4].paragraphs[0].items[1]"),
    ("number", "$.chapters[1].articles[4].number"),
    ("date", "$.issue_date"),
    ("missing", "$.signer"),
    ("bool", "$.trial"),
    ("guidance", "$.guidance[0].kind"),
    ("empty", "$.chapters[0].articles"),
])
def test_malformed_file_names_file_and_json_path(
    tmp_path: Path, mutate: str, json_path: str
) -> None:
    path = write(tmp_path, "broken", _broken(mutate))
    with pytest.raises(RegulationFormatError) as caught:
        load_regulation_file(path)
    assert caught.value.json_path == json_path
    assert "broken.json" in caught.value.message and json_path in caught.value.message
    assert isinstance(caught.value, NanmuError)


def test_not_json_at_all(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{\"format\": 1,\n oops", encoding="utf-8")
    with pytest.raises(RegulationFormatError, match="不是合法的 JSON（第2行）"):
        load_regulation_file(path)


def test_unsupported_format(tmp_path: Path) -> None:
    path = write(tmp_path, "future", bundled() | {"format": 3})
    with pytest.raises(RegulationFormatError, match=r"\$\.format"):
        load_regulation_file(path)


def test_a_version_installed_later_is_seen_after_clearing_the_cache(tmp_path: Path) -> None:
    write(tmp_path, "2024-127", bundled())
    assert available_versions(tmp_path) == ("2024-127",)
    write(tmp_path, "2026-15", bundled() | {"version": "2026-15", "issue_date": "2026-03-02"})
    assert available_versions(tmp_path) == ("2024-127",)
    clear_cache()
    assert load_regulation(directory=tmp_path).version == "2026-15"
