"""Building BTPX extracts for the BTP adapter tests: valid records by type, overridable field by field.

The field orders are copied from formats/btp.md on purpose, so the tests check the adapter's own table.
"""

from __future__ import annotations

from adapters import btp
from adapters.common.errors import RecordRejected
from adapters.common.events import CanonicalEvent

HEADER = "00|BTPX|000412|20261203|0215|03"
PNC = "2021/0045098N"
TRANSFER_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
INTEL_ID = "0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d"

COMMON = ("rec_type", "rec_ref", "event_date", "event_time", "marking", "pnc_id")
ADDRESS = ("line1", "line2", "line3", "town", "postcode")
FIELDS: dict[str, tuple[str, ...]] = {
    "10": ("cro_number", "surname", "forenames", "aliases", "dob", "sex", "mappa_cat", "mappa_level", "status"),
    "20": (*ADDRESS, "addr_type", "notified_on", "effective_from"),
    "31": ("transfer_id", "to_agency", "move_date", "mappa_cat", "mappa_level", "rosh", "reason_text"),
    "32": ("transfer_id", "reason_text"),
    "33": ("transfer_id", "reject_code", "reason_text"),
    "34": ("transfer_id", *ADDRESS),
    "35": ("transfer_id", *ADDRESS),
    "40": ("mappa_cat", "mappa_level", "meeting_id"),
    "51": ("intel_id", "grading", "recipients", "conditions", "intel_text"),
    "52": ("intel_id", "intel_owner", "recipient", "decision"),
    "53": ("intel_id", "intel_owner", "reason_text"),
    "61": ("reason_text",),
    "62": ("reason_text",),
}

_COMMON_VALUES = {
    "rec_ref": "BTP26-0031877",
    "event_date": "20261104",
    "event_time": "1530",
    "marking": "1",
    "pnc_id": PNC,
}
_ADDRESS_VALUES = {"line1": "14 Cathedral Street", "line2": "", "line3": "", "town": "Glasgow", "postcode": "G1 2HD"}
VALID: dict[str, dict[str, str]] = {
    "10": {
        "cro_number": "",
        "surname": "Devereux-Clément",
        "forenames": "Renée",
        "aliases": "",
        "dob": "19880709",
        "sex": "F",
        "mappa_cat": "2",
        "mappa_level": "1",
        "status": "C",
    },
    "20": {
        **_ADDRESS_VALUES,
        "addr_type": "H",
        "notified_on": "20261103",
        "effective_from": "20261104",
    },
    "31": {
        "transfer_id": TRANSFER_ID,
        "to_agency": "SCO-PSOS",
        "move_date": "20270104",
        "mappa_cat": "2",
        "mappa_level": "1",
        "rosh": "2",
        "reason_text": "Moving to Glasgow; works at Queen Street.",
    },
    "32": {"transfer_id": TRANSFER_ID, "reason_text": "Accepted."},
    "33": {"transfer_id": TRANSFER_ID, "reject_code": "R1", "reason_text": "No local connection."},
    "34": {"transfer_id": TRANSFER_ID, **_ADDRESS_VALUES},
    "35": {"transfer_id": TRANSFER_ID, **_ADDRESS_VALUES},
    "40": {"mappa_cat": "", "mappa_level": "3", "meeting_id": "BTP-MAPPA-2026-03"},
    "51": {
        "intel_id": INTEL_ID,
        "grading": "2BC",
        "recipients": "EAW-F07;SCO",
        "conditions": "Not for disclosure to rail staff.",
        "intel_text": "Seen at Crewe depot.",
    },
    "52": {"intel_id": INTEL_ID, "intel_owner": "EAW-F01", "recipient": "BTP", "decision": "G"},
    "53": {"intel_id": INTEL_ID, "intel_owner": "BTP-POLICE", "reason_text": "Source withdrew the report."},
    "61": {"reason_text": "Registration ended."},
    "62": {"reason_text": "Registered again after a new conviction."},
}


def record(rec_type: str, **values: str) -> str:
    """A valid data line of `rec_type` (as on the wire, already escaped), with some fields replaced."""
    fields = {"rec_type": rec_type, **_COMMON_VALUES, **VALID[rec_type], **values}
    unknown = set(values) - set(COMMON) - set(FIELDS[rec_type])
    assert not unknown, f"not a field of record type {rec_type}: {unknown}"
    return "|".join(fields[name] for name in (*COMMON, *FIELDS[rec_type]))


def extract(*lines: str, count: int | None = None, header: str = HEADER, newline: str = "\r\n") -> bytes:
    """A whole file in Windows-1252: header, the lines, and a trailer counting them unless told otherwise."""
    counted = sum(1 for line in lines if line.strip())
    body = [header, *lines, f"99|{counted if count is None else count}"]
    return "".join(line + newline for line in body).encode("cp1252")


def parse_one(line: str) -> CanonicalEvent | RecordRejected:
    """What the adapter makes of a single data line in an otherwise valid file."""
    (parsed,) = btp.parse("BTPX_20261203_000412.txt", extract(line))
    return parsed.result


def event_of(line: str) -> CanonicalEvent:
    result = parse_one(line)
    assert not isinstance(result, RecordRejected), f"rejected: {result}"
    return result


def rejection_of(line: str) -> tuple[str, str]:
    """The native field and reason code a single data line is rejected with."""
    result = parse_one(line)
    assert isinstance(result, RecordRejected), f"not rejected: {result}"
    return result.field, result.reason
