"""告知 and 公开 (第十三条): who was told of a decision or where it was published, when and how."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nanmu_desktop.domain.service_of_notice import RecipientRole

from .base import Base, enum_check, utc_now
from .cases import Attachment

NOTICE_KINDS = ("notification", "publication")
RECIPIENT_ROLES = tuple(r.value for r in RecipientRole)


class CaseNotice(Base):
    """A notification (送达) to a unit or party, or a publication within a scope."""

    __tablename__ = "case_notices"
    __table_args__ = (
        CheckConstraint(enum_check("kind", NOTICE_KINDS), name="kind"),
        CheckConstraint(
            f"recipient_role IS NULL OR {enum_check('recipient_role', RECIPIENT_ROLES)}",
            name="recipient_role",
        ),
    )

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
    # 送达 of a notification (0008): unit or party (NULL on records made before roles were kept),
    # who delivered it, and the signed 送达回证 kept as one of the case's attachments.
    recipient_role: Mapped[str | None] = mapped_column(String(10))
    delivered_by: Mapped[str] = mapped_column(String(50), default="", server_default="")
    receipt_attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachments.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    receipt: Mapped[Attachment | None] = relationship()
