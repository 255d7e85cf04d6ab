"""JPRS code lists and their canonical values (formats/jersey.md, the field table)."""

from __future__ import annotations

from typing import Final

JURISDICTION: Final = "JSY"
SOURCE_SYSTEM: Final = "JPRS"
KEY_PREFIX: Final = "JSY:JPRS:"

JERSEY_AGENCIES: Final = {"SOJP": "JSY-SOJP", "PROBATION": "JSY-PROBATION", "LA_MOYE": "JSY-LAMOYE"}
LA_MOYE: Final = "JSY-LAMOYE"

CLASSIFICATIONS: Final = {
    "OFFICIAL": "OFFICIAL",
    "OFFICIAL_SENSITIVE": "OFFICIAL-SENSITIVE",
    "SECRET": "SECRET",
    "TOP_SECRET": "TOP SECRET",
}

SEXES: Final = {"Male": "M", "Female": "F", "Unknown": "U"}
MAPPA_CATEGORIES: Final = {"SEX_OFFENDER": 1, "VIOLENT_OFFENDER": 2, "OTHER_DANGEROUS": 3}
MAPPA_LEVELS: Final = {"ORDINARY_AGENCY": 1, "MULTI_AGENCY": 2, "MAPPP": 3}
STATUSES: Final = {"IN_COMMUNITY": "COMMUNITY", "IN_CUSTODY": "CUSTODY"}

PARISHES: Final = (
    "Grouville",
    "St Brelade",
    "St Clement",
    "St Helier",
    "St John",
    "St Lawrence",
    "St Martin",
    "St Mary",
    "St Ouen",
    "St Peter",
    "St Saviour",
    "Trinity",
)
ADDRESS_TYPES: Final = {"MAIN_RESIDENCE": "HOME", "TEMPORARY_RESIDENCE": "TEMPORARY", "NO_FIXED_ABODE": "NFA"}

ROSH: Final = {"Low": "LOW", "Medium": "MEDIUM", "High": "HIGH", "Very High": "VERY_HIGH"}
DECISIONS: Final = {"ACCEPTED": "TransferAccepted", "REJECTED": "TransferRejected"}
REJECTION_CODES: Final = {
    "NO_CONNECTION": "NO_LOCAL_CONNECTION",
    "UNSUITABLE_ADDRESS": "ADDRESS_UNSUITABLE",
    "MORE_INFO_NEEDED": "INSUFFICIENT_INFORMATION",
    "RISK": "RISK_NOT_MANAGEABLE",
    "ALREADY_REQUESTED": "DUPLICATE_REQUEST",
    "OTHER": "OTHER",
}
DIRECTIONS: Final = {"DEPARTED": "OffenderDeparted", "ARRIVED": "OffenderArrived"}

ESTABLISHMENTS: Final = {"LMY": "JSY-LMY", "LMY-YOI": "JSY-LMY-YOI"}
RECEPTION_TYPES: Final = {
    "REMANDED": "REMAND",
    "SENTENCED": "SENTENCED",
    "LICENCE_RECALL": "RECALL",
    "INTER_JURISDICTION": "TRANSFER_IN",
}
RELEASE_TYPES: Final = {"ON_LICENCE": "LICENCE", "SENTENCE_EXPIRED": "END_OF_SENTENCE", "BAILED": "BAIL"}

SOURCE_EVALUATIONS: Final = {"RELIABLE": "1", "UNTESTED": "2", "NOT_RELIABLE": "3"}
ASSESSMENTS: Final = {
    "KNOWN_DIRECTLY": "A",
    "KNOWN_INDIRECTLY_CORROBORATED": "B",
    "KNOWN_INDIRECTLY": "C",
    "NOT_KNOWN": "D",
    "SUSPECTED_FALSE": "E",
}
HANDLING_CODES: Final = {"PERMITTED": "P", "PERMITTED_WITH_CONDITIONS": "C"}
CONSENT_OUTCOMES: Final = {"GRANTED": "GRANTED", "REFUSED": "REFUSED"}

NAME_MAX: Final = 100
LINE_MAX: Final = 100
TOWN_MAX: Final = 60
REASON_MAX: Final = 1000
INTEL_TEXT_MAX: Final = 4000
CONDITIONS_MAX: Final = 500
MEETING_REF_MAX: Final = 40
MAX_ALIASES: Final = 10
MAX_RECIPIENTS: Final = 20
