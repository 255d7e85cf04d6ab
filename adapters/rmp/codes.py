"""REDCAP code lists (formats/rmp.md, "Record") and their canonical values."""

from __future__ import annotations

from typing import Final

from adapters.common import codes
from adapters.common.errors import reject

SOURCE_SYSTEM: Final = "REDCAP"
JURISDICTION: Final = "RMP"
NAMESPACE: Final = "urn:uk:mod:rmp:redcap:visor-return:1"

# The two REDCAP senders, by the short names the feed writes for them.
SENDERS: Final = {"RMP": "RMP-POLICE", "MCTC": "RMP-MCTC"}
CUSTODY_SENDER: Final = "RMP-MCTC"

MARKINGS: Final = {"O": "OFFICIAL", "OS": "OFFICIAL-SENSITIVE", "S": "SECRET", "TS": "TOP SECRET"}
SERVICES: Final = codes.identity(("ARMY", "RN", "RM", "RAF"))
SEXES: Final = codes.identity(("M", "F", "U"))
STATUSES: Final = {"COMM": "COMMUNITY", "CUST": "CUSTODY"}
ADDRESS_TYPES: Final = {"SLA": "HOME", "SFA": "HOME", "PRIVATE": "HOME", "TEMP": "TEMPORARY", "NFA": "NFA"}
ROSH: Final = {"L": "LOW", "M": "MEDIUM", "H": "HIGH", "VH": "VERY_HIGH"}
REJECTION_CODES: Final = {
    "10": "NO_LOCAL_CONNECTION",
    "20": "ADDRESS_UNSUITABLE",
    "30": "INSUFFICIENT_INFORMATION",
    "40": "RISK_NOT_MANAGEABLE",
    "50": "DUPLICATE_REQUEST",
    "90": "OTHER",
}
RECEPTION_ESTABLISHMENTS: Final = {"MCTC": "RMP-MCTC"}
CUSTODY_REASONS: Final = {"SD": "SENTENCED", "CPT": "REMAND", "TFR": "TRANSFER_IN"}
RELEASE_TYPES: Final = {"EOD": "END_OF_SENTENCE", "RPT": "BAIL"}
SOURCE_EVALUATIONS: Final = codes.identity(("1", "2", "3"))
ASSESSMENTS: Final = codes.identity(("A", "B", "C", "D", "E"))
HANDLING_CODES: Final = codes.identity(("P", "C"))
DECISIONS: Final = codes.identity(("GRANTED", "REFUSED"))


def agency(value: str, field: str) -> str:
    """`RMP`, `MCTC` or any canonical agency code (`leadAgency`, `toAgency`, `owner`)."""
    return SENDERS.get(value) or codes.agency(value, field)


def recipient(value: str, field: str) -> str:
    """An intelligence recipient: here `RMP` is the jurisdiction, `MCTC` the training centre."""
    if value == "MCTC":
        return CUSTODY_SENDER
    return codes.recipient(value, field)


def establishment(value: str, field: str) -> str:
    """`MCTC`, or a civil prison's canonical code (`EAW-WWI`, `SCO-BAR`, …)."""
    if value == "MCTC":
        return CUSTODY_SENDER
    if value == CUSTODY_SENDER:
        raise reject(field, "UNKNOWN_CODE", "the Military Corrective Training Centre is written MCTC")
    return codes.establishment(value, field)
