"""One payload builder per SJX `message_type`, and the table that maps message types to canonical events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from adapters.common import codes
from adapters.common.errors import reject
from adapters.common.timing import london_date
from adapters.scotland.body import Fields, need
from adapters.scotland.values import (
    ADDRESS_TYPES,
    ADMISSION_TYPES,
    ASSESSMENTS,
    CONSENT,
    ESTABLISHMENTS,
    HANDLING_CODES,
    JURISDICTION,
    NAME_MAX,
    REJECTION_CODES,
    RELEASE_TYPES,
    ROSH,
    SEXES,
    STATUSES,
    address,
    aliases,
    coded,
    date_of_birth,
    day,
    foreign_agency,
    mappa,
    scottish_agency,
    uuid,
)
from hub.domain.codes import MAX_RECIPIENTS, jurisdiction_of

REASON_MAX = 1000
INTEL_TEXT_MAX = 4000
CONDITIONS_MAX = 500
MEETING_ID_MAX = 40

Payload = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Message:
    """A message whose envelope has been read: its fields, its sender and when it happened."""

    fields: Fields
    sender: str
    occurred_at: datetime


def _transfer_id(f: Fields) -> str:
    return need(uuid(f, "transfer_id"), "transfer_id")


def _reason(f: Fields) -> str:
    return need(f.free("reason", REASON_MAX), "reason")


def registered(m: Message) -> Payload:
    f = m.fields
    return {
        "family_name": need(f.string("family_name", NAME_MAX), "family_name"),
        "given_names": need(f.string("given_names", NAME_MAX), "given_names"),
        "aliases": aliases(f),
        "date_of_birth": need(date_of_birth(f, m.occurred_at), "date_of_birth"),
        "sex": need(coded(f, "sex", SEXES), "sex"),
        "mappa_category": need(mappa(f, "mappa_category"), "mappa_category"),
        "mappa_level": need(mappa(f, "mappa_level"), "mappa_level"),
        "lead_agency": need(scottish_agency(f, "lead_agency"), "lead_agency"),
        "status": need(coded(f, "custody_status", STATUSES), "custody_status"),
    }


def address_notified(m: Message) -> Payload:
    f = m.fields
    kind = need(coded(f, "address_type", ADDRESS_TYPES), "address_type")
    return {
        "address": need(address(f, "address", no_fixed_abode=kind == "NFA"), "address"),
        "address_type": kind,
        "notified_on": need(day(f, "notified_on"), "notified_on"),
        "effective_from": need(day(f, "effective_from"), "effective_from"),
    }


def _risk(f: Fields) -> Payload:
    risk = need(f.obj("risk"), "risk")
    return {
        "mappa_category": need(mappa(risk, "mappa_category"), risk.name("mappa_category")),
        "mappa_level": need(mappa(risk, "mappa_level"), risk.name("mappa_level")),
        "rosh": need(coded(risk, "rosh", ROSH), risk.name("rosh")),
    }


def transfer_requested(m: Message) -> Payload:
    f = m.fields
    transfer_id = _transfer_id(f)
    to_agency = need(foreign_agency(f, "to_agency"), "to_agency")
    return {
        "transfer_id": transfer_id,
        "from_jurisdiction": JURISDICTION,
        "from_agency": m.sender,
        "to_jurisdiction": jurisdiction_of(to_agency),
        "to_agency": to_agency,
        "reason": _reason(f),
        "proposed_move_date": need(day(f, "proposed_move_date"), "proposed_move_date"),
        "risk": _risk(f),
    }


def transfer_accepted(m: Message) -> Payload:
    f = m.fields
    return {"transfer_id": _transfer_id(f), "decided_by": m.sender, "reason": f.free("reason", REASON_MAX)}


def transfer_rejected(m: Message) -> Payload:
    f = m.fields
    return {
        "transfer_id": _transfer_id(f),
        "decided_by": m.sender,
        "rejection_code": need(coded(f, "rejection_reason", REJECTION_CODES), "rejection_reason"),
        "rejection_text": need(f.free("rejection_text", REASON_MAX), "rejection_text"),
    }


def offender_departed(m: Message) -> Payload:
    f = m.fields
    return {"transfer_id": _transfer_id(f), "date": london_date(m.occurred_at), "address": address(f, "address")}


def offender_arrived(m: Message) -> Payload:
    f = m.fields
    return {
        "transfer_id": _transfer_id(f),
        "date": london_date(m.occurred_at),
        "address": need(address(f, "address"), "address"),
    }


def custody_received(m: Message) -> Payload:
    f = m.fields
    return {
        "establishment": need(coded(f, "establishment", ESTABLISHMENTS), "establishment"),
        "date": london_date(m.occurred_at),
        "custody_reason": need(coded(f, "admission_type", ADMISSION_TYPES), "admission_type"),
    }


def custody_transferred(m: Message) -> Payload:
    f = m.fields
    origin = need(coded(f, "from_establishment", ESTABLISHMENTS), "from_establishment")
    destination = need(coded(f, "to_establishment", ESTABLISHMENTS), "to_establishment")
    if origin == destination:
        raise reject("to_establishment", "INCONSISTENT", "a custody transfer moves to a different establishment")
    return {"from_establishment": origin, "to_establishment": destination, "date": london_date(m.occurred_at)}


def custody_released(m: Message) -> Payload:
    f = m.fields
    released_on = london_date(m.occurred_at)
    release_type = need(coded(f, "release_type", RELEASE_TYPES), "release_type")
    licence_end = day(f, "licence_end_date")
    if release_type == "LICENCE":
        licence_end = need(licence_end, "licence_end_date")
        if licence_end < released_on:
            raise reject("licence_end_date", "INCONSISTENT", f"the licence ends before the release on {released_on}")
    elif licence_end is not None:
        raise reject("licence_end_date", "INCONSISTENT", "a licence end date goes only with release types LIC or HDC")
    return {
        "date": released_on,
        "release_type": release_type,
        "licence_end_date": licence_end,
        "release_address": address(f, "release_address"),
    }


def mappa_changed(m: Message) -> Payload:
    f = m.fields
    meeting_id = need(f.string("meeting_ref", MEETING_ID_MAX), "meeting_ref")
    category, level = mappa(f, "mappa_category"), mappa(f, "mappa_level")
    if category is None and level is None:
        raise reject("mappa_category", "MISSING", "a MAPPA change names the new mappa_category and/or mappa_level")
    return {"mappa_category": category, "mappa_level": level, "meeting_id": meeting_id}


def _grading(f: Fields) -> Payload:
    grading = need(f.obj("grading"), "grading")
    evaluation = need(grading.integer("source_evaluation"), grading.name("source_evaluation"))
    return {
        "source_evaluation": codes.code(
            str(evaluation), grading.name("source_evaluation"), codes.identity(["1", "2", "3"])
        ),
        "intelligence_assessment": need(
            coded(grading, "intelligence_assessment", ASSESSMENTS), grading.name("intelligence_assessment")
        ),
        "handling_code": need(coded(grading, "handling_code", HANDLING_CODES), grading.name("handling_code")),
    }


def _conditions(f: Fields, handling_code: str) -> str | None:
    conditions = f.free("handling_conditions", CONDITIONS_MAX)
    if handling_code == "C":
        return need(conditions, "handling_conditions")
    if conditions is not None:
        raise reject("handling_conditions", "INCONSISTENT", "conditions go only with handling code C")
    return None


def _recipients(f: Fields) -> list[str]:
    found = f.strings("recipients") or []
    if not found:
        raise reject("recipients", "MISSING", "name at least one recipient")
    if len(found) > MAX_RECIPIENTS:
        raise reject("recipients", "INCONSISTENT", f"{len(found)} recipients, at most {MAX_RECIPIENTS} allowed")
    return [codes.recipient(value, "recipients") for value in found]


def intel_shared(m: Message) -> Payload:
    f = m.fields
    intel_id = need(uuid(f, "intel_id"), "intel_id")
    intel_text = need(f.free("intel_text", INTEL_TEXT_MAX), "intel_text")
    grading = _grading(f)
    return {
        "intel_id": intel_id,
        "text": intel_text,
        **grading,
        "handling_conditions": _conditions(f, grading["handling_code"]),
        "recipients": _recipients(f),
    }


def intel_consent(m: Message) -> Payload:
    f = m.fields
    intel_id = need(uuid(f, "intel_id"), "intel_id")
    recipient = need(f.string("consent_recipient"), "consent_recipient")
    return {
        "intel_id": intel_id,
        "recipient": codes.recipient(recipient, "consent_recipient"),
        "decision": need(coded(f, "consent", CONSENT), "consent"),
        "decided_by": m.sender,
    }


def intel_withdrawn(m: Message) -> Payload:
    f = m.fields
    return {"intel_id": need(uuid(f, "intel_id"), "intel_id"), "reason": _reason(f)}


def nominal_reason(m: Message) -> Payload:
    return {"reason": _reason(m.fields)}


@dataclass(frozen=True, slots=True)
class Kind:
    """What one `message_type` becomes: its event type, its payload builder, who may send it."""

    event_type: str
    build: Callable[[Message], Payload]
    owner_in_record: bool = False
    prison_only: bool = False


KINDS: dict[str, Kind] = {
    "nominal.registered": Kind("NominalRegistered", registered),
    "address.notified": Kind("AddressNotified", address_notified),
    "transfer.requested": Kind("TransferRequested", transfer_requested),
    "transfer.accepted": Kind("TransferAccepted", transfer_accepted),
    "transfer.rejected": Kind("TransferRejected", transfer_rejected),
    "offender.departed": Kind("OffenderDeparted", offender_departed),
    "offender.arrived": Kind("OffenderArrived", offender_arrived),
    "custody.received": Kind("CustodyReceived", custody_received, prison_only=True),
    "custody.transferred": Kind("CustodyTransferred", custody_transferred, prison_only=True),
    "custody.released": Kind("CustodyReleased", custody_released, prison_only=True),
    "mappa.changed": Kind("MappaLevelChanged", mappa_changed),
    "intel.shared": Kind("IntelligenceShared", intel_shared),
    "intel.consent": Kind("IntelligenceConsentDecided", intel_consent, owner_in_record=True),
    "intel.withdrawn": Kind("IntelligenceWithdrawn", intel_withdrawn, owner_in_record=True),
    "nominal.archived": Kind("NominalArchived", nominal_reason),
    "nominal.reactivated": Kind("NominalReactivated", nominal_reason),
}
