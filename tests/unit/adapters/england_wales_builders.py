"""Building England and Wales deliveries for the tests: force CSV rows and HMPPS notifications."""

from __future__ import annotations

import json
from typing import Any

from adapters import england_wales
from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected
from adapters.common.events import CanonicalEvent

HEADER = (
    "record_type,record_ref,force_code,event_date,event_time,marking,pnc_id,cro_number,family_name,given_names,"
    "aliases,date_of_birth,sex,mappa_category,mappa_level,lead_agency,status,address_line_1,address_line_2,"
    "address_line_3,town,postcode,address_type,notified_on,effective_from,transfer_id,to_agency,proposed_move_date,"
    "rosh,reason_code,reason_text,meeting_id,intel_id,intel_text,grading,handling_conditions,recipients,"
    "consent_recipient,consent,intel_owner"
)
COLUMNS = HEADER.split(",")

PNC_A = "2011/0482913X"
PNC_B = "2004/0077120L"
TRANSFER = "4b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e"
ITEM = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

COMMON = {
    "record_ref": "MPS-26-000900",
    "force_code": "01",
    "event_date": "14/06/2026",
    "event_time": "09:30",
    "marking": "OS",
    "pnc_id": PNC_A,
}
ADDRESS = {"address_line_1": "Flat 2", "address_line_2": "14 Mare Street", "town": "London", "postcode": "E8 4RP"}

# A minimal valid record of every type: the columns the spec requires, and nothing else.
VALID: dict[str, dict[str, str]] = {
    "REG": {
        "family_name": "Okonkwo-Smith",
        "given_names": "Adaeze",
        "date_of_birth": "03/05/1990",
        "sex": "F",
        "mappa_category": "2",
        "mappa_level": "1",
        "lead_agency": "EAW-F01",
        "status": "COM",
    },
    "ADR": {**ADDRESS, "address_type": "H", "notified_on": "24/10/2026", "effective_from": "26/10/2026"},
    "TRQ": {
        "transfer_id": TRANSFER,
        "to_agency": "JSY-PROBATION",
        "proposed_move_date": "01/09/2026",
        "mappa_category": "2",
        "mappa_level": "2",
        "rosh": "M",
        "reason_text": "Moving to St Helier for work.",
    },
    "TAC": {"transfer_id": TRANSFER},
    "TRJ": {"transfer_id": TRANSFER, "reason_code": "01", "reason_text": "No family or work in the area."},
    "DEP": {"transfer_id": TRANSFER},
    "ARR": {"transfer_id": TRANSFER, **ADDRESS},
    "MAP": {"mappa_level": "2", "meeting_id": "MPS-MAPPA-2026-0917"},
    "INT": {"intel_id": ITEM, "intel_text": "Seen at Euston.", "grading": "2BP", "recipients": "SCO"},
    "ICD": {"intel_id": ITEM, "consent_recipient": "RMP", "consent": "G", "intel_owner": "EAW-F01"},
    "IWD": {"intel_id": ITEM, "intel_owner": "EAW-F01", "reason_text": "Attributed to the wrong person."},
    "ARC": {"reason_text": "Registration period ended."},
    "REA": {"reason_text": "Archived in error."},
}


def quoted(value: str) -> str:
    """A CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break."""
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_line(values: dict[str, str]) -> str:
    unknown = set(values) - set(COLUMNS)
    assert not unknown, unknown
    return ",".join(quoted(values.get(column, "")) for column in COLUMNS)


def record(record_type: str, /, **changes: str) -> dict[str, str]:
    """A valid record of a type with some columns changed (an empty string empties a column)."""
    return {"record_type": record_type, **COMMON, **VALID[record_type], **changes}


def csv_file(*lines: str, newline: str = "\r\n") -> bytes:
    return (newline.join([HEADER, *lines]) + newline).encode()


def parse_rows(*rows: dict[str, str]) -> list[ParsedRecord]:
    return england_wales.parse("VISOR_01_20261202.csv", csv_file(*(csv_line(row) for row in rows)))


def event_of(record_type: str, /, **changes: str) -> CanonicalEvent:
    (parsed,) = parse_rows(record(record_type, **changes))
    assert isinstance(parsed.result, dict), parsed.result
    return parsed.result


def rejection_of(record_type: str, /, **changes: str) -> RecordRejected:
    (parsed,) = parse_rows(record(record_type, **changes))
    assert isinstance(parsed.result, RecordRejected), parsed.result
    return parsed.result


def rejected(record_type: str, field: str, reason: str, /, **changes: str) -> bool:
    """Whether a record of the type with those changes is rejected naming that field and reason."""
    error = rejection_of(record_type, **changes)
    assert (error.field, error.reason) == (field, reason), error
    return True


# --- HMPPS domain events ---------------------------------------------------------------------------

RECEIVED = "prison-offender-events.prisoner.received"
RELEASED = "prison-offender-events.prisoner.released"
MESSAGE_ID = "3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"

INFO: dict[str, dict[str, Any]] = {
    "ADMISSION": {"nomsNumber": "A1234BC", "reason": "ADMISSION", "prisonId": "LEI", "nomisMovementReasonCode": "N"},
    "TRANSFERRED": {"nomsNumber": "A1234BC", "reason": "TRANSFERRED", "prisonId": "WWI", "fromPrisonId": "LEI"},
    "RELEASED": {
        "nomsNumber": "A1234BC",
        "reason": "RELEASED",
        "prisonId": "MDI",
        "nomisMovementReasonCode": "CR",
        "licenceEndDate": "2028-05-31",
    },
}


def domain_event(reason: str, **changes: Any) -> dict[str, Any]:
    """A valid domain event for a movement `reason`; a change to `None` removes that field."""
    event_type = RELEASED if reason == "RELEASED" else RECEIVED
    info = {**INFO[reason], **changes.pop("info", {})}
    event = {
        "eventType": event_type,
        "version": 1,
        "occurredAt": "2026-07-03T14:20:00",
        "additionalInformation": {k: v for k, v in info.items() if v is not None},
        **changes,
    }
    return {k: v for k, v in event.items() if v is not None}


def notification(event: dict[str, Any] | str, **changes: Any) -> bytes:
    """An SNS notification carrying `event` (as a JSON string unless already one)."""
    message = event if isinstance(event, str) else json.dumps(event)
    event_type = event.get("eventType") if isinstance(event, dict) else RECEIVED
    body = {
        "Type": "Notification",
        "MessageId": MESSAGE_ID,
        "TopicArn": "arn:aws:sns:eu-west-2:000000000000:hmpps-domain-events",
        "Message": message,
        "Timestamp": "2026-07-03T13:20:02.114Z",
        "MessageAttributes": {"eventType": {"Type": "String", "Value": event_type}},
        **changes,
    }
    return json.dumps({k: v for k, v in body.items() if v is not None}).encode()


def parse_notification(data: bytes) -> ParsedRecord:
    (parsed,) = england_wales.parse("notification.json", data)
    return parsed


def hmpps_event(reason: str, **changes: Any) -> CanonicalEvent:
    result = parse_notification(notification(domain_event(reason, **changes))).result
    assert isinstance(result, dict), result
    return result


def hmpps_rejection(data: bytes) -> RecordRejected:
    result = parse_notification(data).result
    assert isinstance(result, RecordRejected), result
    return result
