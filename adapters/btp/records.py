"""One data line to one canonical event: its record type, the six common fields, then its own fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from adapters.btp.extract import RawField, RawLine
from adapters.btp.fields import DATE_SHAPE, SOURCE_AGENCY, Record, required_text
from adapters.btp.layouts import LAYOUTS, Layout
from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import CanonicalEvent, classification, new_event
from adapters.common.identifiers import pnc
from adapters.common.timing import local_instant, parse_date, time_from_parts

SOURCE_SYSTEM = "BTPX"
KEY_FIELD = "rec_ref"
REC_REF = re.compile(r"BTP[0-9]{2}-[0-9]{7}")
EVENT_TIME = re.compile(r"(?P<hour>[0-9]{2})(?P<minute>[0-9]{2})")
MARKINGS = {"1": "OFFICIAL", "2": "OFFICIAL-SENSITIVE", "3": "SECRET", "4": "TOP SECRET"}


def _layout(line: RawLine) -> Layout:
    rec_type = line.fields[0]
    if rec_type.bad_byte:
        raise reject("rec_type", "ENCODING", "holds a byte Windows-1252 does not define")
    layout = LAYOUTS.get(rec_type.value.strip())
    if layout is None:
        raise reject("rec_type", "UNKNOWN_TYPE", f"not a BTPX record type: {', '.join(LAYOUTS)}")
    return layout


def _check_fields(line: RawLine, layout: Layout) -> None:
    """Field count, undefined bytes and stray backslashes, each fault named by its field."""
    expected = len(layout.fields)
    if len(line.fields) != expected:
        raise reject("record", "MALFORMED", f"{len(line.fields)} fields, a {layout.event_type} record has {expected}")
    for name, raw in zip(layout.fields, line.fields, strict=True):
        if raw.bad_byte:
            raise reject(name, "ENCODING", "holds a byte Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D)")
    for name, raw in zip(layout.fields, line.fields, strict=True):
        if raw.bad_escape:
            raise reject(name, "BAD_FORMAT", r"a backslash may only escape | or \ (write \| or \\)")


def _rec_ref(value: str) -> str:
    rec_ref = required_text(value, "rec_ref")
    if not REC_REF.fullmatch(rec_ref):
        raise reject("rec_ref", "BAD_FORMAT", "expected a reference written BTPyy-nnnnnnn")
    return rec_ref


def _occurred_at(values: Mapping[str, str]) -> datetime:
    day = parse_date(required_text(values["event_date"], "event_date"), "event_date", DATE_SHAPE)
    clock = required_text(values["event_time"], "event_time")
    match = EVENT_TIME.fullmatch(clock)
    if match is None:
        raise reject("event_time", "BAD_FORMAT", "expected a time written HHMM")
    return local_instant(day, time_from_parts(int(match["hour"]), int(match["minute"]), 0, "event_time"), "event_time")


def _event(line: RawLine) -> CanonicalEvent:
    layout = _layout(line)
    _check_fields(line, layout)
    values = {name: raw.value for name, raw in zip(layout.fields, line.fields, strict=True)}
    rec_ref = _rec_ref(values["rec_ref"])
    marking = classification(required_text(values["marking"], "marking"), "marking", MARKINGS)
    record = Record(values, _occurred_at(values))
    subject = pnc(record.required_text("pnc_id"), "pnc_id")
    draft = layout.build(record)
    return new_event(
        key=key_for(rec_ref),
        event_type=layout.event_type,
        occurred_at=record.occurred_at,
        source_agency=SOURCE_AGENCY,
        source_system=SOURCE_SYSTEM,
        classification=marking,
        identifiers=(subject, *draft.identifiers),
        payload=draft.payload,
        owner_agency=draft.owner_agency,
    )


def key_for(rec_ref: str) -> str:
    """The idempotency key of a record (formats/README.md, "The same record twice")."""
    return f"BTP:BTPX:{rec_ref}"


def _key(fields: list[RawField]) -> str | None:
    if len(fields) < 2:
        return None
    rec_ref = fields[1].value.strip()
    return key_for(rec_ref) if REC_REF.fullmatch(rec_ref) else None


def parse_record(line: RawLine) -> ParsedRecord:
    """The event a data line becomes, or the reason it cannot become one."""
    result: CanonicalEvent | RecordRejected
    try:
        result = _event(line)
    except RecordRejected as exc:
        result = exc
    return ParsedRecord(f"line {line.number}", _key(line.fields), KEY_FIELD, result)
