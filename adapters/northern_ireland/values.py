"""Causeway's code lists and compound values, translated to canonical (PPANI terms to MAPPA terms)."""

from __future__ import annotations

from adapters.common.codes import agency, recipient
from adapters.common.errors import ReasonCode, reject
from adapters.common.identifiers import uuid_text
from adapters.common.places import Address, address, postcode
from adapters.northern_ireland.elements import LEAF, LEAVES, Group, Layout

SOURCE_AGENCIES = {"PSNI": "NIR-PSNI", "NIPS": "NIR-NIPS", "PBNI": "NIR-PBNI"}
MARKINGS = {
    "OFFICIAL": "OFFICIAL",
    "OFFICIAL-SENSITIVE": "OFFICIAL-SENSITIVE",
    "SECRET": "SECRET",
    "TOP SECRET": "TOP SECRET",
}
SEXES = {"MALE": "M", "FEMALE": "F", "UNKNOWN": "U"}
OFFENDER_TYPES = {"SEXUAL": 1, "VIOLENT": 2, "OTHER_DANGEROUS": 3}
RISK_CATEGORIES = {"1": 1, "2": 2, "3": 3}
STATUSES = {"COMMUNITY": "COMMUNITY", "CUSTODY": "CUSTODY"}
ADDRESS_TYPES = {"HOME": "HOME", "TEMPORARY": "TEMPORARY", "NO_FIXED_ABODE": "NFA"}
ROSH = {"LOW": "LOW", "MEDIUM": "MEDIUM", "HIGH": "HIGH", "VERY_HIGH": "VERY_HIGH"}
OUTCOMES = {"ACCEPTED": "TransferAccepted", "REJECTED": "TransferRejected"}
REJECTION_REASONS = {
    "NoLocalConnection": "NO_LOCAL_CONNECTION",
    "AddressUnsuitable": "ADDRESS_UNSUITABLE",
    "InsufficientInformation": "INSUFFICIENT_INFORMATION",
    "RiskNotManageable": "RISK_NOT_MANAGEABLE",
    "DuplicateRequest": "DUPLICATE_REQUEST",
    "Other": "OTHER",
}
DIRECTIONS = {"DEPARTED": "OffenderDeparted", "ARRIVED": "OffenderArrived"}
ESTABLISHMENTS = {"MAG": "NIR-MAG", "MGL": "NIR-MGL", "HBW": "NIR-HBW"}
RECEPTION_REASONS = {
    "REMAND": "REMAND",
    "SENTENCE": "SENTENCED",
    "LICENCE_RECALL": "RECALL",
    "CROSS_BORDER_TRANSFER": "TRANSFER_IN",
}
DISCHARGE_TYPES = {
    "DCS_LICENCE": "LICENCE",
    "ECS_LICENCE": "LICENCE",
    "SENTENCE_EXPIRY": "END_OF_SENTENCE",
    "BAIL": "BAIL",
}
SOURCE_EVALUATIONS = {"1": "1", "2": "2", "3": "3"}
ASSESSMENTS = {grade: grade for grade in ("A", "B", "C", "D", "E")}
HANDLING_CODES = {"P": "P", "C": "C"}
DECISIONS = {"GRANTED": "GRANTED", "REFUSED": "REFUSED"}
ACTIONS = {"ARCHIVE": "NominalArchived", "REACTIVATE": "NominalReactivated"}

NAME_MAX = 100
LINE_MAX = 100
TOWN_MAX = 60
REASON_MAX = 1000
TEXT_MAX = 4000
CONDITIONS_MAX = 500
PANEL_REF_MAX = 40
MAX_ALIASES = 10
MAX_RECIPIENTS = 20

ADDRESS: Layout = {"Line": LEAVES, "Town": LEAF, "Postcode": LEAF}


def agency_code(value: str, field: str) -> str:
    """`PSNI`, `NIPS`, `PBNI` (short for `NIR-…`) or any canonical agency code."""
    return SOURCE_AGENCIES.get(value) or agency(value, field)


def recipient_code(value: str, field: str) -> str:
    """An intelligence recipient: a short NI agency code, any agency code, or a jurisdiction code."""
    return SOURCE_AGENCIES.get(value) or recipient(value, field)


def required_agency(detail: Group, name: str) -> str:
    return agency_code(detail.required_text(name), detail.field(name))


def read_address(found: Group, *, no_fixed_abode: bool = False) -> Address:
    """`Line` (1–4, ≤ 100), `Town` (≤ 60), `Postcode`; for no fixed abode only the town is required."""
    lines = found.texts("Line", LINE_MAX)
    town = found.text("Town", TOWN_MAX)
    written = found.text("Postcode")
    code = None if written is None else postcode(written, found.field("Postcode"))
    fields = (found.field("Line"), found.field("Town"), found.field("Postcode"))
    return address(lines, town=town, postcode=code, no_fixed_abode=no_fixed_abode, fields=fields)


def optional_address(detail: Group, name: str) -> Address | None:
    found = detail.group(name)
    return None if found is None else read_address(found)


def check_count(detail: Group, name: str, count: int, most: int, reason: ReasonCode) -> None:
    """A repeating element given more often than the canonical event allows."""
    if count > most:
        raise reject(detail.field(name), reason, f"{count} given, at most {most} allowed")


def required_uuid(detail: Group, name: str) -> str:
    """`TransferId`, `IntelId`: a UUID, written lower-case."""
    return uuid_text(detail.required_text(name), detail.field(name))
