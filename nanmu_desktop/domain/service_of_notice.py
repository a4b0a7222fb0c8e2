"""告知 (送达) of a decision (第十三条): who must be told and how it may be delivered.

第十三条: "容错决定作出后，应当于7日内告知相关单位及当事人". A decision under that clock is
delivered to every party (当事人) and to each party's unit (所在单位); other outcomes are still
told to the party (domain.md), without the clock. 告知 is complete once every required recipient
has a delivery on record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class RecipientRole(StrEnum):
    unit = "unit"  # 所在单位 / 相关单位
    party = "party"  # 当事人
    other = "other"  # 其他相关单位或个人 (not required, recorded when the office tells them)

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    RecipientRole.unit: "所在单位",
    RecipientRole.party: "当事人",
    RecipientRole.other: "其他",
}

# 送达方式 as practised for administrative documents (cf. 《民事诉讼法》第七章第二节, used by
# analogy): the clerk picks one of these, or types another.
DELIVERY_METHODS: tuple[str, ...] = (
    "直接送达",
    "留置送达",
    "邮寄送达",
    "电子送达",
    "委托送达",
    "转交送达",
    "公告送达",
)
# A 送达回证 is what proves these; 公告送达 and 电子送达 are proved otherwise (公告、发送记录).
RECEIPT_EXPECTED = frozenset({"直接送达", "留置送达", "委托送达", "转交送达"})


@dataclass(frozen=True)
class Recipient:
    """A recipient the decision must reach; an empty unit name means "the party's unit" when
    no unit is known for any party (any unit delivery then answers it)."""

    role: RecipientRole
    name: str

    @property
    def label(self) -> str:
        return f"{self.role.label}：{self.name or '（未登记单位名称）'}"


@dataclass(frozen=True)
class Delivered:
    """A delivery on record: its role (None for records made before roles were kept)."""

    role: RecipientRole | None
    name: str


def required_recipients(
    parties: Iterable[tuple[str, str | None]], *, tell_units: bool
) -> tuple[Recipient, ...]:
    """Every party, then (under 第十三条's clock) each party's unit, in first-seen order.

    `parties` are (name, unit name or None)."""
    people = list(parties)
    found = [Recipient(RecipientRole.party, name) for name in dict.fromkeys(n for n, _ in people)]
    if tell_units:
        units = list(dict.fromkeys(u for _, u in people if u))
        found += [Recipient(RecipientRole.unit, u) for u in units] or [
            Recipient(RecipientRole.unit, "")
        ]
    return tuple(found)


def required_by_case(
    officers: Iterable[Sequence[object]], case_ids: Iterable[int],
    deadlines: Mapping[int, object | None],
) -> dict[int, tuple[Recipient, ...]]:
    """Each case's required recipients from its officers' rows (case id, role, name, unit name
    or None; in the case's order): its parties (every officer when none is marked as party)
    and, under the 7-day clock (a deadline), their units."""
    people: dict[int, list[tuple[object, str, str | None]]] = defaultdict(list)
    for case_id, role, name, unit in officers:
        assert isinstance(case_id, int) and isinstance(name, str)
        people[case_id].append((role, name, unit if isinstance(unit, str) else None))
    found: dict[int, tuple[Recipient, ...]] = {}
    for case_id in case_ids:
        rows = people[case_id]
        parties = [(n, u) for r, n, u in rows if r == "party"] or [(n, u) for _, n, u in rows]
        found[case_id] = required_recipients(
            parties, tell_units=deadlines.get(case_id) is not None
        )
    return found


def answers(recipient: Recipient, delivered: Delivered) -> bool:
    """Whether a delivery on record reaches this required recipient."""
    if delivered.role is None:  # an old record: its name is all it says
        return bool(recipient.name) and delivered.name == recipient.name
    if delivered.role != recipient.role:
        return False
    return not recipient.name or delivered.name == recipient.name


def outstanding(
    required: Iterable[Recipient], delivered: Iterable[Delivered]
) -> tuple[Recipient, ...]:
    """The required recipients no delivery reaches yet."""
    done = list(delivered)
    return tuple(r for r in required if not any(answers(r, d) for d in done))
