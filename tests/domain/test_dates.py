"""The one Chinese date formatter, and a guard that no module writes its own copy again."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from nanmu_desktop.domain.dates import chinese_date

PACKAGE = Path(__file__).resolve().parents[2] / "nanmu_desktop"
# f"{d.year}年{d.month}月…" or strftime("%Y年…") / f"{d:%Y年…}": a home-made Chinese date.
OWN_FORMATTER = re.compile(r"\.year\}年\{|%Y年")


def test_official_style_without_zero_padding() -> None:
    assert chinese_date(date(2026, 3, 1)) == "2026年3月1日"
    assert chinese_date(date(2024, 12, 31)) == "2024年12月31日"


def test_no_date_is_an_empty_cell() -> None:
    assert chinese_date(None) == ""


def test_a_moment_prints_its_own_day() -> None:
    assert chinese_date(datetime(2026, 7, 9, 23, 59, tzinfo=UTC)) == "2026年7月9日"


def test_the_formatter_has_one_home() -> None:
    home = PACKAGE / "domain" / "dates.py"
    copies = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != home
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_FORMATTER.search(line)
    ]
    assert copies == [], "use nanmu_desktop.domain.dates.chinese_date instead"
