"""The record types of the extract: each code's event type, its fields in order, and its builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from adapters.btp import intelligence, movement
from adapters.btp.fields import Draft, Record

COMMON_FIELDS = ("rec_type", "rec_ref", "event_date", "event_time", "marking", "pnc_id")


@dataclass(frozen=True, slots=True)
class Layout:
    """One record type: the canonical event it becomes and the fields that follow the common six."""

    event_type: str
    specific_fields: tuple[str, ...]
    build: Callable[[Record], Draft]

    @property
    def fields(self) -> tuple[str, ...]:
        return COMMON_FIELDS + self.specific_fields


_ADDRESS = ("line1", "line2", "line3", "town", "postcode")

LAYOUTS: dict[str, Layout] = {
    "10": Layout(
        "NominalRegistered",
        ("cro_number", "surname", "forenames", "aliases", "dob", "sex", "mappa_cat", "mappa_level", "status"),
        movement.nominal_registered,
    ),
    "20": Layout(
        "AddressNotified", (*_ADDRESS, "addr_type", "notified_on", "effective_from"), movement.address_notified
    ),
    "31": Layout(
        "TransferRequested",
        ("transfer_id", "to_agency", "move_date", "mappa_cat", "mappa_level", "rosh", "reason_text"),
        movement.transfer_requested,
    ),
    "32": Layout("TransferAccepted", ("transfer_id", "reason_text"), movement.transfer_accepted),
    "33": Layout("TransferRejected", ("transfer_id", "reject_code", "reason_text"), movement.transfer_rejected),
    "34": Layout("OffenderDeparted", ("transfer_id", *_ADDRESS), movement.offender_departed),
    "35": Layout("OffenderArrived", ("transfer_id", *_ADDRESS), movement.offender_arrived),
    "40": Layout("MappaLevelChanged", ("mappa_cat", "mappa_level", "meeting_id"), movement.mappa_level_changed),
    "51": Layout(
        "IntelligenceShared",
        ("intel_id", "grading", "recipients", "conditions", "intel_text"),
        intelligence.intelligence_shared,
    ),
    "52": Layout(
        "IntelligenceConsentDecided",
        ("intel_id", "intel_owner", "recipient", "decision"),
        intelligence.intelligence_consent_decided,
    ),
    "53": Layout(
        "IntelligenceWithdrawn", ("intel_id", "intel_owner", "reason_text"), intelligence.intelligence_withdrawn
    ),
    "61": Layout("NominalArchived", ("reason_text",), movement.nominal_archived_or_reactivated),
    "62": Layout("NominalReactivated", ("reason_text",), movement.nominal_archived_or_reactivated),
}
