"""One police CSV record to one canonical event: the common columns, then a builder per record type."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from adapters.common import codes
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import CanonicalEvent, classification, new_event
from adapters.common.identifiers import Identifier, cro, pnc
from adapters.common.timing import check_date_of_birth, local_instant, london_date, time_from_parts
from adapters.england_wales.police_values import (
    NAME_MAX,
    REASON_MAX,
    Row,
    address,
    address_if_any,
    aliases,
    grading,
    recipients,
)
from hub.domain.codes import EAW_FORCE_NUMBERS, jurisdiction_of

SOURCE_SYSTEM = "FORCE-RMS"
KEY_FIELD = "record_ref"

COLUMNS = (
    "record_type", "record_ref", "force_code", "event_date", "event_time", "marking", "pnc_id", "cro_number",
    "family_name", "given_names", "aliases", "date_of_birth", "sex", "mappa_category", "mappa_level",
    "lead_agency", "status", "address_line_1", "address_line_2", "address_line_3", "town", "postcode",
    "address_type", "notified_on", "effective_from", "transfer_id", "to_agency", "proposed_move_date", "rosh",
    "reason_code", "reason_text", "meeting_id", "intel_id", "intel_text", "grading", "handling_conditions",
    "recipients", "consent_recipient", "consent", "intel_owner",
)  # fmt: skip

MARKINGS = {"O": "OFFICIAL", "OS": "OFFICIAL-SENSITIVE", "S": "SECRET", "TS": "TOP SECRET"}
FORCES = {number: f"EAW-F{number}" for number in EAW_FORCE_NUMBERS}
SEXES = codes.identity(["M", "F", "U"])
MAPPA = {"1": 1, "2": 2, "3": 3}
STATUSES = {"COM": "COMMUNITY", "CUS": "CUSTODY"}
ADDRESS_TYPES = {"H": "HOME", "T": "TEMPORARY", "N": "NFA"}
ROSH = {"L": "LOW", "M": "MEDIUM", "H": "HIGH", "VH": "VERY_HIGH"}
REJECTION_CODES = {
    "01": "NO_LOCAL_CONNECTION",
    "02": "ADDRESS_UNSUITABLE",
    "03": "INSUFFICIENT_INFORMATION",
    "04": "RISK_NOT_MANAGEABLE",
    "05": "DUPLICATE_REQUEST",
    "99": "OTHER",
}
CONSENTS = {"G": "GRANTED", "R": "REFUSED"}

_RECORD_REF = re.compile(r"[A-Z0-9-]{1,20}")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")


@dataclass(frozen=True, slots=True)
class Context:
    """What a builder needs beyond the record's own columns."""

    source_agency: str
    occurred_at: datetime


Payload = dict[str, Any]
Builder = Callable[[Row, Context], Payload]


def parse_record(values: list[str]) -> tuple[str | None, CanonicalEvent | RecordRejected]:
    """The idempotency key (when the record names one) and the event, or why there is none."""
    row = Row(dict(zip(COLUMNS, values, strict=True)))
    key = None
    try:
        event_type, build = _record_type(row)
        source_agency = row.need_code("force_code", FORCES)
        key = f"EAW:{SOURCE_SYSTEM}:{source_agency.removeprefix('EAW-F')}:{_record_ref(row)}"
        marking = classification(row.need("marking"), "marking", MARKINGS)
        occurred_at = _occurred_at(row)
        identifiers = _identifiers(row)
        context = Context(source_agency, occurred_at)
        payload = build(row, context)
        owner = row.agency("intel_owner") if event_type in OWNER_NAMED else source_agency
    except RecordRejected as exc:
        return key, exc  # ParsedRecord drops its traceback
    event = new_event(
        key=key,
        event_type=event_type,
        occurred_at=occurred_at,
        source_agency=source_agency,
        source_system=SOURCE_SYSTEM,
        classification=marking,
        identifiers=identifiers,
        payload=payload,
        owner_agency=owner,
    )
    return key, event


def _record_type(row: Row) -> tuple[str, Builder]:
    value = row.need("record_type")
    try:
        return BUILDERS[value]
    except KeyError:
        raise reject("record_type", "UNKNOWN_TYPE", f"{value!r} is not one of {', '.join(BUILDERS)}") from None


def _record_ref(row: Row) -> str:
    value = row.need("record_ref")
    if not _RECORD_REF.fullmatch(value):
        raise reject("record_ref", "BAD_FORMAT", "expected 1–20 characters of A–Z, 0–9 and -")
    return value


def _occurred_at(row: Row) -> datetime:
    day = row.need_date("event_date")
    match = _TIME.fullmatch(row.need("event_time"))
    if match is None:
        raise reject("event_time", "BAD_FORMAT", "expected a 24-hour time written HH:MM")
    clock = time_from_parts(int(match[1]), int(match[2]), 0, "event_time")
    return local_instant(day, clock, "event_time")


def _identifiers(row: Row) -> list[Identifier]:
    found = [pnc(row.need("pnc_id"), "pnc_id")]
    cro_number = row.text("cro_number")
    if cro_number is not None:
        found.append(cro(cro_number, "cro_number"))
    return found


def _registered(row: Row, context: Context) -> Payload:
    return {
        "family_name": row.need("family_name", NAME_MAX),
        "given_names": row.need("given_names", NAME_MAX),
        "aliases": aliases(row),
        "date_of_birth": check_date_of_birth(row.need_date("date_of_birth"), context.occurred_at, "date_of_birth"),
        "sex": row.need_code("sex", SEXES),
        "mappa_category": row.need_code("mappa_category", MAPPA),
        "mappa_level": row.need_code("mappa_level", MAPPA),
        "lead_agency": row.home_agency("lead_agency"),
        "status": row.need_code("status", STATUSES),
    }


def _address_notified(row: Row, context: Context) -> Payload:
    address_type = row.need_code("address_type", ADDRESS_TYPES)
    return {
        "address": address(row, no_fixed_abode=address_type == "NFA"),
        "address_type": address_type,
        "notified_on": row.need_date("notified_on"),
        "effective_from": row.need_date("effective_from"),
    }


def _transfer_requested(row: Row, context: Context) -> Payload:
    to_agency = row.foreign_agency("to_agency")
    return {
        "transfer_id": row.uuid("transfer_id"),
        "from_jurisdiction": "EAW",
        "from_agency": context.source_agency,
        "to_jurisdiction": jurisdiction_of(to_agency),
        "to_agency": to_agency,
        "reason": row.need_free("reason_text", REASON_MAX),
        "proposed_move_date": row.need_date("proposed_move_date"),
        "risk": {
            "mappa_category": row.need_code("mappa_category", MAPPA),
            "mappa_level": row.need_code("mappa_level", MAPPA),
            "rosh": row.need_code("rosh", ROSH),
        },
    }


def _transfer_accepted(row: Row, context: Context) -> Payload:
    return {
        "transfer_id": row.uuid("transfer_id"),
        "decided_by": context.source_agency,
        "reason": row.free("reason_text", REASON_MAX),
    }


def _transfer_rejected(row: Row, context: Context) -> Payload:
    return {
        "transfer_id": row.uuid("transfer_id"),
        "decided_by": context.source_agency,
        "rejection_code": row.need_code("reason_code", REJECTION_CODES),
        "rejection_text": row.need_free("reason_text", REASON_MAX),
    }


def _departed(row: Row, context: Context) -> Payload:
    return {
        "transfer_id": row.uuid("transfer_id"),
        "date": london_date(context.occurred_at),
        "address": address_if_any(row),
    }


def _arrived(row: Row, context: Context) -> Payload:
    return {"transfer_id": row.uuid("transfer_id"), "date": london_date(context.occurred_at), "address": address(row)}


def _mappa_changed(row: Row, context: Context) -> Payload:
    category, level = row.code("mappa_category", MAPPA), row.code("mappa_level", MAPPA)
    if category is None and level is None:
        raise reject("mappa_category", "MISSING", "a MAPPA change needs mappa_category, mappa_level or both")
    return {"mappa_category": category, "mappa_level": level, "meeting_id": row.need("meeting_id", 40)}


def _intelligence_shared(row: Row, context: Context) -> Payload:
    evaluation, assessment, handling = grading(row)
    conditions = row.free("handling_conditions", 500)
    if handling == "C" and conditions is None:
        raise reject("handling_conditions", "MISSING", "handling code C needs the conditions")
    if handling == "P" and conditions is not None:
        raise reject("handling_conditions", "INCONSISTENT", "handling code P carries no conditions")
    return {
        "intel_id": row.uuid("intel_id"),
        "text": row.need_free("intel_text", 4000),
        "source_evaluation": evaluation,
        "intelligence_assessment": assessment,
        "handling_code": handling,
        "handling_conditions": conditions,
        "recipients": recipients(row),
    }


def _consent_decided(row: Row, context: Context) -> Payload:
    return {
        "intel_id": row.uuid("intel_id"),
        "recipient": codes.recipient(row.need("consent_recipient"), "consent_recipient"),
        "decision": row.need_code("consent", CONSENTS),
        "decided_by": context.source_agency,
    }


def _withdrawn(row: Row, context: Context) -> Payload:
    return {"intel_id": row.uuid("intel_id"), "reason": row.need_free("reason_text", REASON_MAX)}


def _reason_only(row: Row, context: Context) -> Payload:
    return {"reason": row.need_free("reason_text", REASON_MAX)}


BUILDERS: dict[str, tuple[str, Builder]] = {
    "REG": ("NominalRegistered", _registered),
    "ADR": ("AddressNotified", _address_notified),
    "TRQ": ("TransferRequested", _transfer_requested),
    "TAC": ("TransferAccepted", _transfer_accepted),
    "TRJ": ("TransferRejected", _transfer_rejected),
    "DEP": ("OffenderDeparted", _departed),
    "ARR": ("OffenderArrived", _arrived),
    "MAP": ("MappaLevelChanged", _mappa_changed),
    "INT": ("IntelligenceShared", _intelligence_shared),
    "ICD": ("IntelligenceConsentDecided", _consent_decided),
    "IWD": ("IntelligenceWithdrawn", _withdrawn),
    "ARC": ("NominalArchived", _reason_only),
    "REA": ("NominalReactivated", _reason_only),
}
OWNER_NAMED = ("IntelligenceConsentDecided", "IntelligenceWithdrawn")
