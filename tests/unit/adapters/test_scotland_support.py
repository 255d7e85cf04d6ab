"""Building SJX messages for the Scotland adapter's tests: one valid message per type, changed per test."""

from __future__ import annotations

import json
from typing import Any

from adapters import scotland
from adapters.common.errors import RecordRejected
from adapters.common.events import CanonicalEvent

ABSENT = object()  # an override that removes the key from the message

SUBJECT = {"scro_number": "004512/19", "pnc_id": "2019/0123456E"}
TRANSFER_ID = "6d2b9f0e-3c4a-4b8e-a1d2-5e6f7a8b9c0d"
INTEL_ID = "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b"
MESSAGE_ID = "0b7e3c1a-6a55-4d2f-9a3e-2f6f1c9d8e01"
ADDRESS = {"lines": ["14 Crown Street"], "town": "Inverness", "postcode": "IV2 3AD"}

TYPE_FIELDS: dict[str, dict[str, Any]] = {
    "nominal.registered": {
        "family_name": "MacDhòmhnaill",
        "given_names": "Ruairidh",
        "aliases": [{"family_name": "MacDonald", "given_names": "Roddy"}],
        "date_of_birth": "1987-11-02",
        "sex": "male",
        "mappa_category": 1,
        "mappa_level": 2,
        "lead_agency": "SCO-PSOS",
        "custody_status": "community",
    },
    "address.notified": {
        "address": ADDRESS,
        "address_type": "home",
        "notified_on": "2026-06-14",
        "effective_from": "2026-06-10",
    },
    "transfer.requested": {
        "transfer_id": TRANSFER_ID,
        "to_agency": "NIR-PBNI",
        "reason": "Moving to live with sister in Newry.",
        "proposed_move_date": "2026-10-01",
        "risk": {"mappa_category": 1, "mappa_level": 2, "rosh": "high"},
    },
    "transfer.accepted": {"transfer_id": TRANSFER_ID, "reason": "Place confirmed."},
    "transfer.rejected": {"transfer_id": TRANSFER_ID, "rejection_reason": "NLC", "rejection_text": "No family here."},
    "offender.departed": {"transfer_id": TRANSFER_ID},
    "offender.arrived": {"transfer_id": TRANSFER_ID, "address": ADDRESS},
    "custody.received": {"establishment": "BAR", "admission_type": "REM"},
    "custody.transferred": {"from_establishment": "BAR", "to_establishment": "EDN"},
    "custody.released": {"release_type": "EOS"},
    "mappa.changed": {"mappa_level": 3, "meeting_ref": "MAPPA-INV-2026-0042"},
    "intel.shared": {
        "intel_id": INTEL_ID,
        "intel_text": "Seen with a known associate at Inverness station.",
        "grading": {"source_evaluation": 2, "intelligence_assessment": "B", "handling_code": "P"},
        "recipients": ["EAW-F01", "NIR"],
    },
    "intel.consent": {
        "intel_id": INTEL_ID,
        "intel_owner": "SCO-PSOS",
        "consent_recipient": "EAW-F01",
        "consent": "granted",
    },
    "intel.withdrawn": {"intel_id": INTEL_ID, "intel_owner": "SCO-PSOS", "reason": "Source withdrew the report."},
    "nominal.archived": {"reason": "Notification period ended."},
    "nominal.reactivated": {"reason": "New conviction."},
}

EVENT_TYPES = {
    "nominal.registered": "NominalRegistered",
    "address.notified": "AddressNotified",
    "transfer.requested": "TransferRequested",
    "transfer.accepted": "TransferAccepted",
    "transfer.rejected": "TransferRejected",
    "offender.departed": "OffenderDeparted",
    "offender.arrived": "OffenderArrived",
    "custody.received": "CustodyReceived",
    "custody.transferred": "CustodyTransferred",
    "custody.released": "CustodyReleased",
    "mappa.changed": "MappaLevelChanged",
    "intel.shared": "IntelligenceShared",
    "intel.consent": "IntelligenceConsentDecided",
    "intel.withdrawn": "IntelligenceWithdrawn",
    "nominal.archived": "NominalArchived",
    "nominal.reactivated": "NominalReactivated",
}


def message(kind: str = "nominal.registered", /, **overrides: Any) -> dict[str, Any]:
    """A valid message of the type `kind`, with overrides applied (`ABSENT` removes a key)."""
    sender = "SCO-SPS" if kind.startswith("custody.") else "SCO-PSOS"
    values: dict[str, Any] = {
        "schema_version": "1.0",
        "message_id": MESSAGE_ID,
        "message_type": kind,
        "sending_agency": sender,
        "protective_marking": "OFFICIAL-SENSITIVE",
        "event_timestamp": "2026-06-14T09:05:00+01:00",
        **SUBJECT,
        **json.loads(json.dumps(TYPE_FIELDS[kind])),
    }
    for key, value in overrides.items():
        if value is ABSENT:
            values.pop(key, None)
        else:
            values[key] = value
    return values


def encode(values: dict[str, Any]) -> bytes:
    return json.dumps(values, ensure_ascii=False).encode("utf-8")


def outcome(data: bytes) -> CanonicalEvent | RecordRejected:
    records = scotland.parse("message.json", data)
    assert len(records) == 1
    assert records[0].locator == "$"
    return records[0].result


def event_of(values: dict[str, Any]) -> CanonicalEvent:
    result = outcome(encode(values))
    assert not isinstance(result, RecordRejected), str(result)
    return result


def payload_of(values: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = event_of(values)["payload"]
    return payload


def rejection_of(data: bytes | dict[str, Any]) -> tuple[str, str]:
    """(native field, reason code) of a message that must be rejected."""
    result = outcome(data if isinstance(data, bytes) else encode(data))
    assert isinstance(result, RecordRejected), f"expected a rejection, got {result!r}"
    return result.field, result.reason
