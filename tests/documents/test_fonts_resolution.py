"""Fonts per role: bundled set covers GB2312 and 通用规范汉字表, system fonts and settings win."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from nanmu_desktop.documents.fonts import (
    FontRole,
    FontUnavailableError,
    describe_fonts,
    fonts_dir,
    resolve_fonts,
)
from nanmu_desktop.paths import resources_dir

CJK_ROLES = (FontRole.XIAOBIAOSONG, FontRole.FANGSONG, FontRole.HEITI, FontRole.KAITI,
             FontRole.SONGTI)


def gb2312() -> set[str]:
    chars = set()
    for hi in range(0xB0, 0xF8):  # the 6,763 hanzi rows
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("gb2312"))
    return chars


def tgh_8105() -> set[str]:
    text = (resources_dir() / "charsets" / "tgh-8105.txt").read_text("utf-8")
    return set(text.split())


@pytest.mark.parametrize("role", CJK_ROLES)
def test_bundled_role_font_covers_gb2312_and_tgh(role: FontRole) -> None:
    fonts = resolve_fonts(search_dirs=[])
    cmap = TTFont(fonts.roles[role].path, lazy=True).getBestCmap()
    wanted = gb2312() | tgh_8105()
    assert len(tgh_8105()) == 8105
    missing = sorted(c for c in wanted if ord(c) not in cmap)
    assert missing == []
    assert ord("，") in cmap and ord("〔") in cmap and ord("7") in cmap


def test_every_bundled_font_has_its_licence_beside_it() -> None:
    for font in fonts_dir().glob("*.ttf"):
        family = font.stem.split("-")[0]
        assert list(fonts_dir().glob(f"{family}-OFL.txt")), font.name


def test_describe_lists_every_role_as_substitute_when_bundled() -> None:
    described = describe_fonts(resolve_fonts(search_dirs=[]))
    assert [d.role for d in described] == list(FontRole)
    fangsong = next(d for d in described if d.role is FontRole.FANGSONG)
    assert fangsong.label == "仿宋" and fangsong.substitute and fangsong.source == "bundled"
    assert fangsong.path.is_file() and "Noto Serif SC" in fangsong.family


def test_system_font_is_preferred_and_not_a_substitute(tmp_path: Path) -> None:
    # Any TrueType file under the licensed font's name stands in for an installed SimHei.
    shutil.copy(fonts_dir() / "NotoSansMongolian-Regular.ttf", tmp_path / "SimHei.TTF")
    fonts = resolve_fonts(search_dirs=[tmp_path])
    heiti = fonts.roles[FontRole.HEITI]
    assert heiti.path == tmp_path / "SimHei.TTF"
    assert heiti.source == "system" and not heiti.substitute
    assert fonts.roles[FontRole.FANGSONG].source == "bundled"


def test_settings_override_wins_and_bad_path_is_refused(tmp_path: Path) -> None:
    chosen = fonts_dir() / "WenKaiGB-Regular.ttf"
    fonts = resolve_fonts({FontRole.FANGSONG: chosen}, search_dirs=[])
    assert fonts.roles[FontRole.FANGSONG].path == chosen
    assert fonts.roles[FontRole.FANGSONG].source == "settings"
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(100))
    with pytest.raises(FontUnavailableError, match="仿宋字体文件不可用"):
        resolve_fonts({FontRole.FANGSONG: cff}, search_dirs=[])
    with pytest.raises(FontUnavailableError, match="仿宋"):
        resolve_fonts({FontRole.FANGSONG: tmp_path / "nope.ttf"}, search_dirs=[])


def test_family_of_a_chosen_font_comes_from_its_name_table(tmp_path: Path) -> None:
    target = tmp_path / "simkai.ttf"
    shutil.copy(fonts_dir() / "NotoSansMongolian-Regular.ttf", target)
    fonts = resolve_fonts(search_dirs=[tmp_path])
    assert fonts.roles[FontRole.KAITI].family == "Noto Sans Mongolian"


def test_corrupt_system_font_is_refused_with_a_chinese_message(tmp_path: Path) -> None:
    (tmp_path / "simfang.ttf").write_bytes(b"\x00\x01\x00\x00" + bytes(64))
    fonts = resolve_fonts(search_dirs=[tmp_path])
    with pytest.raises(FontUnavailableError, match="字体文件无法使用"):
        fonts.ttfont(fonts.roles[FontRole.FANGSONG])
