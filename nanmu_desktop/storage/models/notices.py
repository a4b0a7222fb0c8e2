"""告知 and 公开 (第十三条): who was told of a decision or where it was published, when and how."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, enum_check, utc_now

NOTICE_KINDS = ("notification", "publication")


class CaseNotice(Base):
    """A notification to a unit or party, or a publication within a scope."""

    __tablename__ = "case_notices"
    __table_args__ = (CheckConstraint(enum_check("kind", NOTICE_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(200))  # to whom; for a publication, the venue
    done_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(50), default="")  # 送达 / 邮寄 / 公示栏张贴
    scope: Mapped[str] = mapped_column(String(200), default="")  # 公开范围
    deadline: Mapped[date | None]  # the 7-day notification deadline it answered
    publication_days: Mapped[int | None]  # 公示期
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
