"""The determination's questions and answers as rows of the 认定审批表, in the order the wizard
asks them: each element of 第十二条 and of 第十条第二款 with 是/否; for 第九条, 第十条第一款 and
第十一条 the items found (with the written reason of a catch-all item), or one 否 row when none
applies — so the form stays short enough for the committee to read at a glance."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nanmu_desktop.documents.context import Answer
from nanmu_desktop.domain.citations import Citation, chinese_numeral
from nanmu_desktop.domain.facts import (
    CONDITION_KEYS,
    CONDITION_LABELS,
    EXCLUSION_KEYS,
    EXCLUSION_LABELS,
    ITEM_COUNTS,
    Facts,
)
from nanmu_desktop.domain.regulation import Regulation

# Where each list of items sits in the regulation: article and 款 (None = the only 款).
_ITEM_LISTS: tuple[tuple[str, int, int | None], ...] = (
    ("art9", 9, None),
    ("art10", 10, 1),
    ("art11", 11, None),
)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def worksheet_answers(facts: Mapping[str, Any], regulation: Regulation) -> tuple[Answer, ...]:
    parsed = Facts.from_dict(dict(facts))
    answers = [
        Answer("第十二条", EXCLUSION_LABELS[key], _yes(getattr(parsed.exclusion, key)))
        for key in EXCLUSION_KEYS
    ]
    lists: dict[str, tuple[int, ...]] = {
        "art9": parsed.art9,
        "art10": parsed.art10,
        "art11": parsed.art11,
    }
    for name, article, paragraph in _ITEM_LISTS:
        chosen = lists[name]
        for number in chosen:
            citation = Citation(article, paragraph, (number,))
            reason = parsed.reasons.get(f"{name}.{number}")
            answer = f"是（{reason}）" if reason else "是"
            answers.append(Answer(citation.format(), _item_text(regulation, citation), answer))
        if not chosen:
            whole = Citation(article, paragraph)
            last = ITEM_COUNTS[name]
            question = f"具有{whole.format()}第（一）至（{chinese_numeral(last)}）项所列情形"
            answers.append(Answer(whole.format(), question, "否"))
        if name == "art10":
            for index, key in enumerate(CONDITION_KEYS, start=1):
                citation = Citation(10, 2, (index,))
                held = getattr(parsed.art10_conditions, key)
                answers.append(Answer(citation.format(), CONDITION_LABELS[key], _yes(held)))
    return tuple(answers)


def _item_text(regulation: Regulation, citation: Citation) -> str:
    unit = regulation.resolve(citation)
    text = unit[0].text if isinstance(unit, tuple) else regulation.text_of(citation)
    return text.rstrip("；;。")
