"""An SJX message in, one canonical event (or the reason it cannot be one) out."""

from __future__ import annotations

from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import CanonicalEvent, classification, new_event
from adapters.common.identifiers import uuid_text
from adapters.scotland.body import WHOLE_BODY, Fields, decode_message, need
from adapters.scotland.builders import KINDS, Kind, Message
from adapters.scotland.values import MARKINGS, SENDERS, agency, coded, identifiers, instant

SOURCE_SYSTEM = "SJX"
KEY_FIELD = "message_id"
KEY_PREFIX = "SCO:SJX:"
SCHEMA_VERSIONS = {"1.0": "1.0"}
PRISON_SERVICE = "SCO-SPS"


def _message_key(fields: Fields) -> str:
    message_id = need(fields.string(KEY_FIELD), KEY_FIELD)
    return KEY_PREFIX + uuid_text(message_id, KEY_FIELD)


def _kind(fields: Fields) -> Kind:
    message_type = need(fields.string("message_type"), "message_type")
    kind = KINDS.get(message_type)
    if kind is None:
        raise reject("message_type", "UNKNOWN_TYPE", f"{message_type!r} is not an SJX message type")
    return kind


def _sender(fields: Fields, kind: Kind) -> str:
    sender = need(coded(fields, "sending_agency", SENDERS), "sending_agency")
    if kind.prison_only and sender != PRISON_SERVICE:
        raise reject("sending_agency", "INCONSISTENT", "custody messages are sent by the Scottish Prison Service only")
    return sender


def _event(fields: Fields) -> tuple[str, CanonicalEvent]:
    """Envelope fields in the order of the spec's table, the marking first: a refused message yields nothing."""
    marking = need(fields.string("protective_marking"), "protective_marking")
    marked = classification(marking, "protective_marking", MARKINGS)
    need(coded(fields, "schema_version", SCHEMA_VERSIONS), "schema_version")
    key = _message_key(fields)
    kind = _kind(fields)
    sender = _sender(fields, kind)
    occurred_at = instant(fields, "event_timestamp")
    subject = identifiers(fields)
    owner = need(agency(fields, "intel_owner"), "intel_owner") if kind.owner_in_record else sender
    event = new_event(
        key=key,
        event_type=kind.event_type,
        occurred_at=occurred_at,
        source_agency=sender,
        source_system=SOURCE_SYSTEM,
        classification=marked,
        identifiers=subject,
        payload=kind.build(Message(fields, sender, occurred_at)),
        owner_agency=owner,
    )
    return key, event


def _key_of(fields: Fields) -> str | None:
    """The idempotency key when `message_id` is readable, whatever else is wrong with the message."""
    try:
        return _message_key(fields)
    except RecordRejected:
        return None


def parse_message(data: bytes) -> ParsedRecord:
    """The message is the record: locator `$`, keyed by its `message_id`."""
    fields: Fields | None = None
    try:
        fields = Fields(decode_message(data))
        key, event = _event(fields)
    except RecordRejected as exc:
        return ParsedRecord(WHOLE_BODY, None if fields is None else _key_of(fields), KEY_FIELD, exc)
    return ParsedRecord(WHOLE_BODY, key, KEY_FIELD, event)
