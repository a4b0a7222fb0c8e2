"""Every table of the application, typed SQLAlchemy 2 models split by area."""

from .audit import GENESIS_HASH, AuditEntry
from .base import Base, utc_now
from .cases import CASE_STATUSES, OUTCOMES, Attachment, Case, CaseOfficer
from .determinations import LENIENCIES, Determination
from .documents import DocumentVoid, IssuedDocument, NumberRegister
from .integrity import IntegrityMeta, NumberHighWater
from .investigations import Investigation, InvestigationAttachment, InvestigationOfficer
from .notices import NOTICE_KINDS, RECIPIENT_ROLES, CaseNotice
from .people import Department, Officer
from .petitions import (
    CONCLUSIONS,
    RESPONSE_KINDS,
    Petition,
    PetitionResponse,
    petition_officers,
)
from .rectification import (
    EXTENSION_STATUSES,
    ORDER_STATUSES,
    ExtensionRequest,
    FollowUp,
    RectificationOrder,
)
from .regulations import RegulationVersion
from .township import CALENDAR_DAY_KINDS, DAY_COUNTING_RULES, CalendarDay, Setting, TownshipProfile
from .users import REVIEW_VERDICTS, CaseReview, User

__all__ = [
    "CALENDAR_DAY_KINDS",
    "CASE_STATUSES",
    "CONCLUSIONS",
    "DAY_COUNTING_RULES",
    "EXTENSION_STATUSES",
    "GENESIS_HASH",
    "LENIENCIES",
    "NOTICE_KINDS",
    "ORDER_STATUSES",
    "OUTCOMES",
    "RECIPIENT_ROLES",
    "RESPONSE_KINDS",
    "REVIEW_VERDICTS",
    "Attachment",
    "AuditEntry",
    "Base",
    "CalendarDay",
    "Case",
    "CaseNotice",
    "CaseOfficer",
    "CaseReview",
    "Department",
    "Determination",
    "DocumentVoid",
    "ExtensionRequest",
    "FollowUp",
    "IntegrityMeta",
    "Investigation",
    "InvestigationAttachment",
    "InvestigationOfficer",
    "IssuedDocument",
    "NumberHighWater",
    "NumberRegister",
    "Officer",
    "Petition",
    "PetitionResponse",
    "RectificationOrder",
    "RegulationVersion",
    "Setting",
    "TownshipProfile",
    "User",
    "petition_officers",
    "utc_now",
]
