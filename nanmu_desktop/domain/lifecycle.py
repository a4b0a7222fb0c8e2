"""The case lifecycle (domain.md) and which moves between its stages are allowed.

registered 登记 → investigating 调查核实 → determining 研判认定 → decided 党委研究决定 →
notified 告知公开 → correcting 纠错整改 → following_up 跟踪回访 → closed 办结归档.

After notification the outcome decides the way on:
- exempt: correction is mandatory (第十五条: 作出容错免责决定的同时…启动纠错程序) → correcting;
- duty_fulfilled: 第十六条 also addresses 尽职尽责 officers, but when nothing needs correcting
  the case may close → correcting or closed;
- mitigated: 有错必纠 (第十五条) usually means correcting, the accountability itself runs outside
  the app → correcting or closed;
- not_tolerated: accountability runs outside the app → closed.
Two ways back exist because real work needs them: determining → investigating (补充调查)
and following_up → correcting (回访发现整改不到位，重新整改).
"""

from __future__ import annotations

from enum import StrEnum

from nanmu_desktop.domain.outcomes import Outcome
from nanmu_desktop.errors import ConflictError


class CaseStatus(StrEnum):
    registered = "registered"
    investigating = "investigating"
    determining = "determining"
    decided = "decided"
    notified = "notified"
    correcting = "correcting"
    following_up = "following_up"
    closed = "closed"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def needs_outcome(self) -> bool:
        """From `decided` on a case has a committee outcome."""
        return tuple(CaseStatus).index(self) >= tuple(CaseStatus).index(CaseStatus.decided)


_LABELS: dict[CaseStatus, str] = {
    CaseStatus.registered: "登记",
    CaseStatus.investigating: "调查核实",
    CaseStatus.determining: "研判认定",
    CaseStatus.decided: "党委研究决定",
    CaseStatus.notified: "告知公开",
    CaseStatus.correcting: "纠错整改",
    CaseStatus.following_up: "跟踪回访",
    CaseStatus.closed: "办结归档",
}

_FIXED: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    CaseStatus.registered: (CaseStatus.investigating,),
    CaseStatus.investigating: (CaseStatus.determining,),
    CaseStatus.determining: (CaseStatus.decided, CaseStatus.investigating),
    CaseStatus.decided: (CaseStatus.notified,),
    CaseStatus.correcting: (CaseStatus.following_up,),
    CaseStatus.following_up: (CaseStatus.closed, CaseStatus.correcting),
    CaseStatus.closed: (),
}

_AFTER_NOTIFIED: dict[Outcome, tuple[CaseStatus, ...]] = {
    Outcome.exempt: (CaseStatus.correcting,),
    Outcome.duty_fulfilled: (CaseStatus.correcting, CaseStatus.closed),
    Outcome.mitigated: (CaseStatus.correcting, CaseStatus.closed),
    Outcome.not_tolerated: (CaseStatus.closed,),
}


def allowed_transitions(
    current: CaseStatus, outcome: Outcome | None = None
) -> tuple[CaseStatus, ...]:
    """The statuses a case may move to next; after `notified` they depend on the outcome."""
    if current is CaseStatus.notified:
        return _AFTER_NOTIFIED[outcome] if outcome is not None else ()
    return _FIXED[current]


def check_transition(
    current: CaseStatus, target: CaseStatus, outcome: Outcome | None = None
) -> None:
    """Raise ConflictError (Chinese message) unless `current` → `target` is allowed."""
    if target.needs_outcome and target is not CaseStatus.decided and outcome is None:
        raise ConflictError(f"案件尚未作出认定结论，不能进入“{target.label}”阶段")
    if target in allowed_transitions(current, outcome):
        return
    if current is CaseStatus.closed:
        raise ConflictError("案件已办结归档，不能再变更状态")
    allowed = "、".join(f"“{s.label}”" for s in allowed_transitions(current, outcome))
    reason = f"{outcome.label}的案件" if current is CaseStatus.notified and outcome else "案件"
    hint = f"，只能转为{allowed}" if allowed else ""
    raise ConflictError(f"{reason}不能从“{current.label}”转为“{target.label}”{hint}")
