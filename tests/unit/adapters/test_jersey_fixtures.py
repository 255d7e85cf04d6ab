"""Valid JPRS messages of every type, and small tools to spoil one field; shared by the Jersey tests."""

from __future__ import annotations

import copy
import json
from typing import Any

from adapters import jersey
from adapters.common.errors import RecordRejected
from adapters.common.events import CanonicalEvent

TRANSFER_ID = "0ea43e74-4de8-4d47-81b0-31527fe754f6"
INTEL_ID = "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
SENDERS = {"PRISON_RECEPTION": "LA_MOYE", "PRISON_TRANSFER": "LA_MOYE", "PRISON_DISCHARGE": "LA_MOYE"}
ADDRESS = {"lines": ["12 Great Union Road"], "parish": "St Helier", "postcode": "JE2 3YB"}

DETAILS: dict[str, dict[str, Any]] = {
    "NOMINAL_REGISTRATION": {
        "mappa": {"category": "SEX_OFFENDER", "level": "MULTI_AGENCY"},
        "leadAgency": "PROBATION",
        "status": "IN_COMMUNITY",
    },
    "ADDRESS_NOTIFICATION": {
        "address": ADDRESS,
        "addressType": "TEMPORARY_RESIDENCE",
        "notifiedOn": "01-Nov-2026",
        "effectiveFrom": "02-Nov-2026",
    },
    "TRANSFER_REQUEST": {
        "transfer": {
            "transferId": TRANSFER_ID,
            "toAgency": "EAW-F44",
            "reason": "Employment offered in Southampton.",
            "proposedMoveDate": "01-Dec-2026",
            "risk": {"mappa": {"category": "SEX_OFFENDER", "level": "MAPPP"}, "rosh": "High"},
        }
    },
    "TRANSFER_DECISION": {"transfer": {"transferId": TRANSFER_ID}, "decision": {"outcome": "ACCEPTED"}},
    "TRANSFER_MOVEMENT": {"transfer": {"transferId": TRANSFER_ID}, "movement": {"direction": "DEPARTED"}},
    "PRISON_RECEPTION": {"custody": {"establishment": "LMY", "receptionType": "SENTENCED"}},
    "PRISON_TRANSFER": {"custody": {"fromEstablishment": "LMY-YOI", "toEstablishment": "LMY"}},
    "PRISON_DISCHARGE": {"custody": {"releaseType": "SENTENCE_EXPIRED"}},
    "MAPPA_REVIEW": {"meetingRef": "MAPPA-JSY-2026-118", "mappa": {"level": "MAPPP"}},
    "INTELLIGENCE_SHARE": {
        "intelligence": {
            "intelId": INTEL_ID,
            "text": "Seen near the ferry terminal.",
            "grading": {"sourceEvaluation": "RELIABLE", "assessment": "KNOWN_DIRECTLY", "handling": "PERMITTED"},
            "recipients": ["EAW-F44"],
        }
    },
    "CONSENT_DECISION": {
        "intelligence": {"intelId": INTEL_ID, "owner": "SOJP"},
        "consent": {"recipient": "EAW-F44", "outcome": "GRANTED"},
    },
    "INTELLIGENCE_WITHDRAWAL": {"intelligence": {"intelId": INTEL_ID, "owner": "SOJP"}, "reason": "Shown false."},
    "RECORD_ARCHIVED": {"reason": "No longer managed."},
    "RECORD_REACTIVATED": {"reason": "Re-arrested."},
}

PERSON = {
    "name": {"surname": "Renouf", "forenames": "Daniel Pierre"},
    "aliases": [],
    "dateOfBirth": "21-Aug-1991",
    "gender": "Male",
}


def message(message_type: str, ref: str = "JPRS-2026-000001") -> dict[str, Any]:
    """A valid message of the given type, sent at 14:05 Jersey time on 03-Dec-2026."""
    subject: dict[str, Any] = {"identifiers": {"jpRef": "JP/2021/000872"}}
    if message_type == "NOMINAL_REGISTRATION":
        subject["person"] = copy.deepcopy(PERSON)
    return {
        "header": {
            "messageRef": ref,
            "messageType": message_type,
            "sender": {"agency": SENDERS.get(message_type, "PROBATION")},
            "classification": "OFFICIAL",
            "occurred": {"date": "03-Dec-2026", "time": "14:05"},
        },
        "subject": subject,
        "details": copy.deepcopy(DETAILS[message_type]),
    }


def put(msg: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set the member at a dotted path (creating objects on the way); returns the message."""
    *parents, last = path.split(".")
    node = msg
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
    return msg


def drop(msg: dict[str, Any], path: str) -> dict[str, Any]:
    """Remove the member at a dotted path; returns the message."""
    *parents, last = path.split(".")
    node = msg
    for key in parents:
        node = node[key]
    del node[last]
    return msg


DROP = object()


def spoiled(message_type: str, *changes: tuple[str, Any]) -> dict[str, Any]:
    """A message of the type with members set (or removed, value `DROP`) at dotted paths."""
    msg = message(message_type)
    for path, value in changes:
        if value is DROP:
            drop(msg, path)
        else:
            put(msg, path, value)
    return msg


def encode(msg: dict[str, Any]) -> bytes:
    return json.dumps(msg, ensure_ascii=False).encode("utf-8")


def outcome(data: bytes) -> CanonicalEvent | RecordRejected:
    records = jersey.parse("message.json", data)
    assert len(records) == 1
    assert records[0].locator == "$"
    assert records[0].key_field == "header.messageRef"
    return records[0].result


def accepted(msg: dict[str, Any]) -> CanonicalEvent:
    result = outcome(encode(msg))
    assert not isinstance(result, RecordRejected), result
    return result


def rejected(msg: dict[str, Any] | bytes) -> tuple[str, str]:
    """The (field, reason) a message is rejected with."""
    result = outcome(msg if isinstance(msg, bytes) else encode(msg))
    assert isinstance(result, RecordRejected), result
    return result.field, result.reason
