"""The one Chinese date style of the program: 2026年3月10日 (Arabic digits, no zero padding).

GB/T 9704 7.3.5.4 writes the 成文日期 this way; the screens, the CLI and the services use the
same form so a date reads alike everywhere. A datetime prints its own (already local) day.
"""

from __future__ import annotations

from datetime import date


def chinese_date(day: date | None) -> str:
    """2026年3月10日; "" for no date (an empty cell, a field not yet filled)."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"
