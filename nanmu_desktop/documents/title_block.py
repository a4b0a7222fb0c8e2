"""标题 (7.3.1): 2号小标宋, centred; a long title breaks into balanced lines (梯形/菱形)
at sensible points — never inside a word such as 决定书 or a number."""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import combinations, pairwise

from nanmu_desktop.documents.break_rules import NO_LINE_END, NO_LINE_START, kept_whole_spans

# Words a title line must not be split inside (document kinds and the office's fixed terms).
UNSPLITTABLE = (
    "决定书", "通知书", "告知书", "意见书", "建议书", "申请书", "答复书", "决定", "通知", "意见",
    "报告", "批复", "办法", "制度", "方案", "规定", "细则", "工作表", "登记表", "审批表", "台账",
    "容错纠错", "容错", "纠错", "尽职尽责", "行政执法", "执法人员", "人民政府", "鄂伦春",
    "民族乡", "扎兰屯市", "南木", "整改", "申诉", "复核", "免责", "减责", "问责", "情况",
)
# Breaking right after these reads naturally (关于……的 / ……的 / 和 …).
GOOD_AFTER = ("关于", "的", "和", "及", "与", "》")
# ... and so does breaking right before these phrase starts.
GOOD_BEFORE = ("关于", "行政", "予以", "给予", "印发", "开展", "进一步", "的决定", "的通知")
MAX_LINES = 4


def _forbidden_breaks(title: str, names: Iterable[str] = ()) -> set[int]:
    """Positions i (break before title[i]) that would split a word, a name, a number or a
    date, or break 禁则."""
    bad: set[int] = set()
    for start, end in kept_whole_spans(title, names):
        bad.update(range(start + 1, end))
    for word in UNSPLITTABLE:
        start = title.find(word)
        while start >= 0:
            bad.update(range(start + 1, start + len(word)))
            start = title.find(word, start + 1)
    for i in range(1, len(title)):
        prev, nxt = title[i - 1], title[i]
        # 禁则, Latin words and numbers, and repeated characters (names such as 王某某).
        if (nxt in NO_LINE_START or prev in NO_LINE_END or (prev.isascii() and nxt.isascii())
                or prev == nxt):
            bad.add(i)
    return bad


def _break_score(title: str, i: int) -> float:
    natural = any(title[:i].endswith(w) for w in GOOD_AFTER) or any(
        title.startswith(w, i) for w in GOOD_BEFORE)
    return -3.0 if natural else 0.0


def break_title(title: str, max_chars: int, names: Iterable[str] = ()) -> list[str]:
    """Split `title` into the fewest lines of at most `max_chars` characters whose lengths are
    as even as possible (±1 shapes a trapezoid or diamond), preferring natural break points."""
    n = len(title)
    if n <= max_chars:
        return [title]
    bad = _forbidden_breaks(title, names)
    allowed = [i for i in range(1, n) if i not in bad]
    for count in range(max(2, math.ceil(n / max_chars)), MAX_LINES + 1):
        best: tuple[float, tuple[int, ...]] | None = None
        for cuts in combinations(allowed, count - 1):
            bounds = (0, *cuts, n)
            lengths = [b - a for a, b in pairwise(bounds)]
            if max(lengths) > max_chars:
                continue
            spread = max(lengths) - min(lengths)
            score = spread + sum(_break_score(title, c) for c in cuts)
            if best is None or score < best[0]:
                best = (score, cuts)
        if best is not None:
            bounds = (0, *best[1], n)
            return [title[a:b] for a, b in pairwise(bounds)]
    # Nothing balanced fits: fill lines greedily (at allowed points where there are any)
    # rather than refuse the document.
    lines: list[str] = []
    start = 0
    while n - start > max_chars:
        ends = [i for i in allowed if start < i <= start + max_chars]
        end = ends[-1] if ends else start + max_chars
        lines.append(title[start:end])
        start = end
    return [*lines, title[start:]]
