"""Canonical events for tests, built in the hub's own plain-dict form with fresh ids."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from hub.domain.codes import TRANSFER_EVENTS, jurisdiction_of

WHEN = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
ADDRESS = {"lines": ["1 High Street"], "town": "Perth", "postcode": "PH1 5AA", "bfpo": None}


def new_id() -> str:
    return str(uuid.uuid4())


def event(
    event_type: str,
    payload: dict[str, Any],
    *,
    nominal_id: str,
    agency: str = "SCO-PSOS",
    owner: str | None = None,
    occurred_at: datetime = WHEN,
    classification: str = "OFFICIAL-SENSITIVE",
    identifiers: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One canonical event as an adapter would publish it."""
    return {
        "event_id": new_id(),
        "event_type": event_type,
        "occurred_at": occurred_at,
        "recorded_at": occurred_at,
        "source_jurisdiction": jurisdiction_of(agency),
        "source_agency": agency,
        "source_system": "TEST",
        "nominal_id": nominal_id,
        "owner_agency": owner or agency,
        "classification": classification,
        "correlation_id": payload.get("transfer_id") if event_type in TRANSFER_EVENTS else None,
        "identifiers": identifiers or [{"scheme": "LOCAL", "value": nominal_id[:8].upper(), "agency": agency}],
        "payload": payload,
    }


def registered(nominal_id: str, agency: str = "SCO-PSOS", **kw: Any) -> dict[str, Any]:
    payload = {
        "family_name": "Testperson",
        "given_names": "Alex",
        "aliases": [],
        "date_of_birth": date(1980, 1, 2),
        "sex": "U",
        "mappa_category": 1,
        "mappa_level": 2,
        "lead_agency": agency,
        "status": "COMMUNITY",
    }
    return event("NominalRegistered", payload, nominal_id=nominal_id, agency=agency, **kw)


def address(nominal_id: str, agency: str = "SCO-PSOS", **kw: Any) -> dict[str, Any]:
    payload = {
        "address": ADDRESS,
        "address_type": "HOME",
        "notified_on": date(2026, 11, 1),
        "effective_from": date(2026, 11, 1),
    }
    return event("AddressNotified", payload, nominal_id=nominal_id, agency=agency, **kw)


def custody_received(nominal_id: str, agency: str = "SCO-SPS", establishment: str = "SCO-BAR") -> dict[str, Any]:
    payload = {"establishment": establishment, "date": WHEN.date(), "custody_reason": "REMAND"}
    return event("CustodyReceived", payload, nominal_id=nominal_id, agency=agency)


def transfer_requested(nominal_id: str, transfer_id: str, to_agency: str, agency: str = "SCO-PSOS") -> dict[str, Any]:
    payload = {
        "transfer_id": transfer_id,
        "from_jurisdiction": jurisdiction_of(agency),
        "from_agency": agency,
        "to_jurisdiction": jurisdiction_of(to_agency),
        "to_agency": to_agency,
        "reason": "Moving home",
        "proposed_move_date": date(2026, 12, 1),
        "risk": {"mappa_category": 1, "mappa_level": 2, "rosh": "HIGH"},
    }
    return event("TransferRequested", payload, nominal_id=nominal_id, agency=agency)


def transfer_decided(nominal_id: str, transfer_id: str, agency: str, accepted: bool = True) -> dict[str, Any]:
    if accepted:
        payload: dict[str, Any] = {"transfer_id": transfer_id, "decided_by": agency, "reason": None}
        return event("TransferAccepted", payload, nominal_id=nominal_id, agency=agency)
    payload = {"transfer_id": transfer_id, "decided_by": agency, "rejection_code": "OTHER", "rejection_text": "No"}
    return event("TransferRejected", payload, nominal_id=nominal_id, agency=agency)


def moved(event_type: str, nominal_id: str, transfer_id: str, agency: str) -> dict[str, Any]:
    payload = {"transfer_id": transfer_id, "date": WHEN.date(), "address": ADDRESS}
    return event(event_type, payload, nominal_id=nominal_id, agency=agency)


def intelligence(
    nominal_id: str, intel_id: str, recipients: list[str], handling: str = "P", agency: str = "SCO-PSOS", **kw: Any
) -> dict[str, Any]:
    payload = {
        "intel_id": intel_id,
        "text": "Seen at the station.",
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": handling,
        "handling_conditions": "Not to be disclosed to the subject." if handling == "C" else None,
        "recipients": recipients,
    }
    return event("IntelligenceShared", payload, nominal_id=nominal_id, agency=agency, **kw)


def consent(nominal_id: str, intel_id: str, recipient: str, granted: bool, agency: str, owner: str) -> dict[str, Any]:
    payload = {
        "intel_id": intel_id,
        "recipient": recipient,
        "decision": "GRANTED" if granted else "REFUSED",
        "decided_by": agency,
    }
    return event("IntelligenceConsentDecided", payload, nominal_id=nominal_id, agency=agency, owner=owner)


def withdrawn(nominal_id: str, intel_id: str, agency: str, owner: str) -> dict[str, Any]:
    payload = {"intel_id": intel_id, "reason": "No longer accurate."}
    return event("IntelligenceWithdrawn", payload, nominal_id=nominal_id, agency=agency, owner=owner)


def simple(event_type: str, nominal_id: str, payload: dict[str, Any], agency: str = "SCO-PSOS") -> dict[str, Any]:
    return event(event_type, payload, nominal_id=nominal_id, agency=agency)
