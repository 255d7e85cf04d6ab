"""One REDCAP `Record` element to one canonical event: the envelope, then the type's payload builder."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from adapters.common.errors import reject
from adapters.common.events import CanonicalEvent, classification, new_event
from adapters.common.timing import time_from_parts
from adapters.rmp import builders as build
from adapters.rmp import codes as rmp
from adapters.rmp.document import native_record
from adapters.rmp.identifiers import subject_identifiers
from adapters.rmp.values import Attributes, ascii_only

KEY_FIELD: Final = "@ref"
_REF = re.compile(r"RMP[0-9]{2}-[0-9]{6}")
_TIME = re.compile(r"([0-9]{2})([0-9]{2})Z")
_ALWAYS = frozenset({"Subject", "Detail"})


@dataclass(frozen=True, slots=True)
class RecordType:
    """How one `@type` maps: its event, its builder, the children it may carry, who may send it."""

    event_type: str
    build: build.Builder
    children: frozenset[str] = frozenset()
    custody: bool = False
    owner_in_detail: bool = False


_TEXT, _ADDRESS = frozenset({"Text"}), frozenset({"Address"})
RECORD_TYPES: Final = {
    "REG": RecordType("NominalRegistered", build.registered, frozenset({"Alias"})),
    "ADDR": RecordType("AddressNotified", build.address_notified, _ADDRESS),
    "TFR-REQ": RecordType("TransferRequested", build.transfer_requested, _TEXT),
    "TFR-ACC": RecordType("TransferAccepted", build.transfer_accepted, _TEXT),
    "TFR-REJ": RecordType("TransferRejected", build.transfer_rejected, _TEXT),
    "TFR-DEP": RecordType("OffenderDeparted", build.offender_departed, _ADDRESS),
    "TFR-ARR": RecordType("OffenderArrived", build.offender_arrived, _ADDRESS),
    "CUS-REC": RecordType("CustodyReceived", build.custody_received, custody=True),
    "CUS-TFR": RecordType("CustodyTransferred", build.custody_transferred, custody=True),
    "CUS-REL": RecordType("CustodyReleased", build.custody_released, _ADDRESS, custody=True),
    "MAPPA": RecordType("MappaLevelChanged", build.mappa_level_changed),
    "INT-SHR": RecordType("IntelligenceShared", build.intelligence_shared, frozenset({"Text", "Conditions"})),
    "INT-CON": RecordType("IntelligenceConsentDecided", build.consent_decided, owner_in_detail=True),
    "INT-WDR": RecordType("IntelligenceWithdrawn", build.intelligence_withdrawn, _TEXT, owner_in_detail=True),
    "ARCH": RecordType("NominalArchived", build.reasoned, _TEXT),
    "REACT": RecordType("NominalReactivated", build.reasoned, _TEXT),
}


def record_key(element: ET.Element) -> str:
    """The idempotency key `RMP:REDCAP:<ref>`."""
    attrs = Attributes(element)
    ref = ascii_only(attrs.required("ref"), KEY_FIELD, "a reference such as RMP26-000101")
    if not _REF.fullmatch(ref):
        raise reject(KEY_FIELD, "BAD_FORMAT", "expected a reference such as RMP26-000101")
    return f"{rmp.JURISDICTION}:{rmp.SOURCE_SYSTEM}:{ref}"


def record_event(element: ET.Element, key: str) -> CanonicalEvent:
    """The canonical event of one record, or `RecordRejected` naming the native field at fault."""
    attrs = Attributes(element)
    marking = classification(attrs.required("marking"), attrs.field("marking"), rmp.MARKINGS)
    record_type = _record_type(attrs)
    native = native_record(element, _ALWAYS | record_type.children, attrs.required("type"))
    source = attrs.code("agency", rmp.SENDERS)
    if record_type.custody and source != rmp.CUSTODY_SENDER:
        raise reject(attrs.field("agency"), "INCONSISTENT", "custody records come from MCTC only")
    occurred_at = _occurred_at(attrs)
    identifiers = subject_identifiers(native.child("Subject"))
    detail = native.child("Detail")
    if detail is None:
        raise reject("Detail", "MISSING", "every record carries a Detail element, empty for ARCH and REACT")
    ctx = build.Context(native, Attributes(detail, "Detail"), occurred_at, source)
    payload = record_type.build(ctx)
    return new_event(
        key=key,
        event_type=record_type.event_type,
        occurred_at=occurred_at,
        source_agency=source,
        source_system=rmp.SOURCE_SYSTEM,
        classification=marking,
        identifiers=identifiers,
        payload=payload,
        owner_agency=_owner(ctx.detail) if record_type.owner_in_detail else None,
    )


def _record_type(attrs: Attributes) -> RecordType:
    written = attrs.required("type")
    record_type = RECORD_TYPES.get(written)
    if record_type is None:
        raise reject(attrs.field("type"), "UNKNOWN_TYPE", f"{written!r} is not a REDCAP record type")
    return record_type


def _occurred_at(attrs: Attributes) -> datetime:
    """`@date` `yyyymmdd` and `@time` `HHMMZ`, always UTC: no daylight saving applies."""
    day = attrs.date("date")
    field = attrs.field("time")
    match = _TIME.fullmatch(attrs.required("time"))
    if match is None:
        raise reject(field, "BAD_FORMAT", "expected a UTC time written HHMMZ, such as 0915Z")
    return datetime.combine(day, time_from_parts(int(match[1]), int(match[2]), 0, field), tzinfo=UTC)


def _owner(detail: Attributes) -> str:
    """The intelligence owner named in the record; a non-owner's decision is still emitted."""
    return rmp.agency(detail.required("owner"), detail.field("owner"))
