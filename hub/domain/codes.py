"""The canonical codes every partner feed maps to (shared/formats/README.md, "Canonical codes")."""

from __future__ import annotations

from typing import Final

JURISDICTIONS: Final = ("SCO", "EAW", "NIR", "JSY", "BTP", "RMP")

EAW_FORCE_NUMBERS: Final = [
    "01",
    "03",
    "04",
    "05",
    "06",
    "07",
    "10",
    "11",
    "12",
    "13",
    "14",
    "16",
    "17",
    "20",
    "21",
    "22",
    "23",
    "30",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "40",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "47",
    "48",
    "50",
    "52",
    "53",
    "54",
    "55",
    "60",
    "61",
    "62",
    "63",
]

AGENCIES: Final[frozenset[str]] = frozenset(
    {"SCO-PSOS", "SCO-SPS"}
    | {f"EAW-F{n}" for n in EAW_FORCE_NUMBERS}
    | {"EAW-HMPPS-PRISON", "EAW-HMPPS-PROBATION"}
    | {"NIR-PSNI", "NIR-NIPS", "NIR-PBNI"}
    | {"JSY-SOJP", "JSY-PROBATION", "JSY-LAMOYE"}
    | {"BTP-POLICE"}
    | {"RMP-POLICE", "RMP-MCTC"}
)

SPS_ESTABLISHMENTS: Final = ("BAR", "EDN", "PTH", "GRM", "SHT", "ADW", "LMS", "GLN", "KMK", "DMF", "HLD", "POL", "STR")
NOMIS_EXCLUDED: Final = ("OUT", "TRN")
FIXED_ESTABLISHMENTS: Final[frozenset[str]] = frozenset(
    {f"SCO-{code}" for code in SPS_ESTABLISHMENTS}
    | {"NIR-MAG", "NIR-MGL", "NIR-HBW", "JSY-LMY", "JSY-LMY-YOI", "RMP-MCTC"}
)

CLASSIFICATIONS: Final = ("OFFICIAL", "OFFICIAL-SENSITIVE")

MOVEMENT_EVENTS: Final = (
    "NominalRegistered",
    "NominalUpdated",
    "AddressNotified",
    "TransferRequested",
    "TransferAccepted",
    "TransferRejected",
    "OffenderDeparted",
    "OffenderArrived",
    "MappaLevelChanged",
    "NominalArchived",
    "NominalReactivated",
    "RetentionReviewDue",
    "NominalErased",
)
CUSTODY_EVENTS: Final = ("CustodyReceived", "CustodyTransferred", "CustodyReleased")
MINUTES_EVENTS: Final = ("MeetingMinutesRecorded",)
INTELLIGENCE_EVENTS: Final = ("IntelligenceShared", "IntelligenceConsentDecided", "IntelligenceWithdrawn")
EVENT_TYPES: Final = MOVEMENT_EVENTS + CUSTODY_EVENTS + MINUTES_EVENTS + INTELLIGENCE_EVENTS
TRANSFER_EVENTS: Final = (
    "TransferRequested",
    "TransferAccepted",
    "TransferRejected",
    "OffenderDeparted",
    "OffenderArrived",
)

SEXES: Final = ("M", "F", "U")
MAPPA_VALUES: Final = (1, 2, 3)
NOMINAL_STATUSES: Final = ("COMMUNITY", "CUSTODY")
ADDRESS_TYPES: Final = ("HOME", "TEMPORARY", "NFA")
ROSH_RATINGS: Final = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH")
REJECTION_CODES: Final = (
    "NO_LOCAL_CONNECTION",
    "ADDRESS_UNSUITABLE",
    "INSUFFICIENT_INFORMATION",
    "RISK_NOT_MANAGEABLE",
    "DUPLICATE_REQUEST",
    "OTHER",
)
CUSTODY_REASONS: Final = ("REMAND", "SENTENCED", "RECALL", "TRANSFER_IN")
RELEASE_TYPES: Final = ("LICENCE", "END_OF_SENTENCE", "BAIL")
SOURCE_EVALUATIONS: Final = ("1", "2", "3")
INTELLIGENCE_ASSESSMENTS: Final = ("A", "B", "C", "D", "E")
HANDLING_CODES: Final = ("P", "C")
CONSENT_DECISIONS: Final = ("GRANTED", "REFUSED")
IDENTIFIER_SCHEMES: Final = ("PNC", "CRO", "NOMS", "CRN", "SCRO", "NIPS", "SERVICE_NO", "LOCAL")

MAX_ALIASES: Final = 10
MAX_RECIPIENTS: Final = 20


def jurisdiction_of(code: str) -> str:
    """The jurisdiction an agency, establishment or jurisdiction code belongs to."""
    return code.split("-", 1)[0]


def is_agency(code: str) -> bool:
    return code in AGENCIES


def is_recipient(code: str) -> bool:
    """An intelligence recipient is an agency code or a jurisdiction code."""
    return code in AGENCIES or code in JURISDICTIONS


def is_establishment(code: str) -> bool:
    if code in FIXED_ESTABLISHMENTS:
        return True
    prefix, _, nomis = code.partition("-")
    return (
        prefix == "EAW"
        and len(nomis) == 3
        and nomis.isascii()
        and nomis.isupper()
        and nomis.isalpha()
        and (nomis not in NOMIS_EXCLUDED)
    )
