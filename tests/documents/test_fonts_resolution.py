"""Fonts per role: bundled set covers GB2312 and 通用规范汉字表, system fonts and settings win."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont
from page_samples import notice

from nanmu_desktop.documents.fonts import (
    FontRole,
    FontUnavailableError,
    describe_fonts,
    fonts_dir,
    resolve_fonts,
    stand_ins_in_pdf,
)
from nanmu_desktop.documents.render import render_notice
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


def renamed_font(target: Path, family: str) -> Path:
    """A real TrueType file whose name table says `family` (Chinese and English records)."""
    font = TTFont(fonts_dir() / "NotoSansMongolian-Regular.ttf")
    names = font["name"]
    for name_id in (1, 4, 16):
        names.removeNames(nameID=name_id)
    for lang in (0x804, 0x409):
        names.setName(family, 1, 3, 1, lang)
    font.save(target)
    return target


@pytest.mark.parametrize("role", CJK_ROLES)
def test_bundled_role_font_covers_gb2312_and_tgh(role: FontRole) -> None:
    """Every character of GB2312 and 通用规范汉字表 is in the role's font or, for 仿宋 (FandolFang
    lacks about 1,500 rarer ones of the 8,105), in the role's own fallback font."""
    fonts = resolve_fonts(search_dirs=[])
    cmap = set(TTFont(fonts.roles[role].path, lazy=True).getBestCmap())
    for fallback in fonts.role_fallbacks.get(role, ()):
        cmap |= set(TTFont(fallback.path, lazy=True).getBestCmap())
    wanted = gb2312() | tgh_8105()
    assert len(tgh_8105()) == 8105
    missing = sorted(c for c in wanted if ord(c) not in cmap)
    assert missing == []
    assert ord("，") in cmap and ord("〔") in cmap and ord("7") in cmap


def test_fangsong_is_fandolfang_with_truetype_outlines_covering_gb2312() -> None:
    fonts = resolve_fonts(search_dirs=[])
    fangsong = fonts.roles[FontRole.FANGSONG]
    assert fangsong.path.name == "FandolFang-Regular-GB.ttf"
    assert fangsong.family == "FandolFang" and fangsong.source == "bundled"
    font = TTFont(fangsong.path, lazy=True)
    assert "glyf" in font and "CFF " not in font  # reportlab embeds TrueType outlines only
    cmap = font.getBestCmap()
    assert [c for c in gb2312() if ord(c) not in cmap] == []
    assert fangsong.path.stat().st_size < 8_000_000  # a subset, not the whole font
    assert FontRole.FANGSONG not in {s.role for s in fonts.stand_ins}


def test_every_bundled_font_has_its_licence_beside_it() -> None:
    for font in fonts_dir().glob("*.ttf"):
        family = font.stem.split("-")[0]
        licences = [*fonts_dir().glob(f"{family}-OFL.txt"),
                    *fonts_dir().glob(f"{family}-LICENSE.txt")]
        assert licences, font.name
    fandol = (fonts_dir() / "FandolFang-LICENSE.txt").read_text("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in fandol
    assert "As a special exception, if you create a document which uses this font" in fandol


def test_describe_marks_substitutes_and_stand_ins_when_bundled() -> None:
    fonts = resolve_fonts(search_dirs=[])
    described = describe_fonts(fonts)
    assert [d.role for d in described] == list(FontRole)
    by_role = {d.role: d for d in described}
    fangsong = by_role[FontRole.FANGSONG]
    assert fangsong.label == "仿宋" and fangsong.substitute and fangsong.source == "bundled"
    assert fangsong.path.is_file() and fangsong.family == "FandolFang"
    assert fangsong.stand_in == ""  # an open 仿宋 is a substitute, not a stand-in
    # No open 小标宋 exists: a bold Song stands in for it, and says so.
    assert by_role[FontRole.XIAOBIAOSONG].stand_in == "粗宋体代用"
    assert [s.role for s in fonts.stand_ins] == [FontRole.XIAOBIAOSONG]
    stand_in = fonts.stand_ins[0]
    assert (stand_in.label, stand_in.design, stand_in.wanted) == ("小标宋", "粗宋体", "小标宋体")
    assert "小标宋以Noto Serif SC Black（粗宋体）代用" in fonts.stand_in_note


def test_system_font_is_matched_by_family_name_not_file_name(tmp_path: Path) -> None:
    renamed_font(tmp_path / "zysong-whatever.ttf", "仿宋_GB2312")
    renamed_font(tmp_path / "黑体家族.TTF", "SimHei")
    # A file under a licensed font's file name but of another family is no match.
    shutil.copy(fonts_dir() / "NotoSansMongolian-Regular.ttf", tmp_path / "simkai.ttf")
    fonts = resolve_fonts(search_dirs=[tmp_path])
    fangsong = fonts.roles[FontRole.FANGSONG]
    assert fangsong.path == tmp_path / "zysong-whatever.ttf"
    assert fangsong.source == "system" and not fangsong.substitute
    assert fangsong.family == "仿宋_GB2312"
    heiti = fonts.roles[FontRole.HEITI]
    assert heiti.path == tmp_path / "黑体家族.TTF" and heiti.source == "system"
    assert fonts.roles[FontRole.KAITI].source == "bundled"


def test_a_face_inside_a_collection_is_found_with_its_index(tmp_path: Path) -> None:
    faces = [TTFont(renamed_font(tmp_path / f"{n}.ttf", n)) for n in ("Other", "宋体")]
    collection = TTCollection()
    collection.fonts = faces
    folder = tmp_path / "Fonts"
    folder.mkdir()
    collection.save(folder / "whatever.ttc")
    fonts = resolve_fonts(search_dirs=[folder])
    songti = fonts.roles[FontRole.SONGTI]
    assert (songti.path.name, songti.subfont_index, songti.source) == ("whatever.ttc", 1, "system")
    assert fonts.font_name(songti)  # reportlab loads that face of the collection


def test_a_licensed_xiaobiaosong_on_the_machine_removes_the_stand_in(tmp_path: Path) -> None:
    renamed_font(tmp_path / "fz.ttf", "方正小标宋简体")
    fonts = resolve_fonts(search_dirs=[tmp_path])
    assert fonts.roles[FontRole.XIAOBIAOSONG].source == "system"
    assert fonts.stand_ins == () and fonts.stand_in_note == ""


def test_settings_override_wins_and_bad_path_is_refused(tmp_path: Path) -> None:
    chosen = fonts_dir() / "WenKaiGB-Regular.ttf"
    fonts = resolve_fonts({FontRole.FANGSONG: chosen}, search_dirs=[])
    assert fonts.roles[FontRole.FANGSONG].path == chosen
    assert fonts.roles[FontRole.FANGSONG].source == "settings"
    # A bundled 楷体 chosen for 仿宋 is of another design, and is marked so.
    assert fonts.describe()[1].stand_in == "楷体代用"
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + bytes(100))
    with pytest.raises(FontUnavailableError, match="仿宋字体文件不可用"):
        resolve_fonts({FontRole.FANGSONG: cff}, search_dirs=[])
    with pytest.raises(FontUnavailableError, match="仿宋"):
        resolve_fonts({FontRole.FANGSONG: tmp_path / "nope.ttf"}, search_dirs=[])


def test_family_of_a_chosen_font_comes_from_its_name_table(tmp_path: Path) -> None:
    target = renamed_font(tmp_path / "simkai.ttf", "办公楷体")
    fonts = resolve_fonts({FontRole.KAITI: target}, search_dirs=[])
    assert fonts.roles[FontRole.KAITI].family == "办公楷体"


def test_corrupt_or_cff_system_fonts_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / "simfang.ttf").write_bytes(b"\x00\x01\x00\x00" + bytes(64))
    (tmp_path / "fangsong.otf").write_bytes(b"OTTO" + bytes(64))
    fonts = resolve_fonts(search_dirs=[tmp_path])
    assert fonts.roles[FontRole.FANGSONG].source == "bundled"


def test_corrupt_chosen_font_is_refused_with_a_chinese_message(tmp_path: Path) -> None:
    bad = tmp_path / "simfang.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00" + bytes(64))
    fonts = resolve_fonts({FontRole.FANGSONG: bad}, search_dirs=[])
    with pytest.raises(FontUnavailableError, match="字体文件无法使用"):
        fonts.ttfont(fonts.roles[FontRole.FANGSONG])


def test_the_stand_ins_of_an_issued_file_are_read_from_its_font_names(tmp_path: Path) -> None:
    bundled = render_notice(notice(), resolve_fonts(search_dirs=[]))
    assert [s.role for s in stand_ins_in_pdf(bundled)] == [FontRole.XIAOBIAOSONG]
    renamed_font(tmp_path / "fz.ttf", "方正小标宋简体")  # a licensed 小标宋: no stand-in
    licensed = render_notice(notice(mongolian=""), resolve_fonts(search_dirs=[tmp_path]))
    assert stand_ins_in_pdf(licensed) == ()
