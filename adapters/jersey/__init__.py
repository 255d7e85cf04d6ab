"""Jersey: JPRS messages (nested camelCase JSON, one per delivery) to canonical events."""

from __future__ import annotations

from adapters.common.batch import ParsedRecord
from adapters.common.errors import RecordRejected
from adapters.jersey.document import BODY, load_message
from adapters.jersey.header import KEY_FIELD, message_key
from adapters.jersey.messages import to_event

JURISDICTION = "JSY"


def parse(name: str, data: bytes) -> list[ParsedRecord]:
    """One JPRS message (the delivery is the record, locator `$`): its event or its rejection."""
    try:
        root = load_message(data)
    except RecordRejected as exc:
        return [ParsedRecord(BODY, None, KEY_FIELD, exc)]
    key = message_key(root)
    try:
        return [ParsedRecord(BODY, key, KEY_FIELD, to_event(root))]
    except RecordRejected as exc:
        return [ParsedRecord(BODY, key, KEY_FIELD, exc)]
