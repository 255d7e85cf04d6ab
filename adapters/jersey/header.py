"""The part every JPRS message shares: `header` and `subject.identifiers`, read into an envelope."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from datetime import datetime

from adapters.common import timing
from adapters.common.errors import RecordRejected, reject
from adapters.common.events import classification
from adapters.common.identifiers import Identifier
from adapters.jersey import vocabulary as v
from adapters.jersey.document import JsonObject
from adapters.jersey.values import jersey_agency, jersey_date, subject_identifiers

KEY_FIELD = "header.messageRef"
_MESSAGE_REF = re.compile(r"JPRS-[0-9]{4}-[0-9]{6}")
_CLOCK = re.compile(r"([0-9]{2}):([0-9]{2})")


@dataclass(frozen=True, slots=True)
class Message:
    """A message whose header has been read; its `details` are read by the builder of its type."""

    key: str
    message_type: str
    source_agency: str
    classification: str
    occurred_at: datetime
    identifiers: list[Identifier]
    root: JsonObject

    def subject(self) -> JsonObject:
        return self.root.object("subject")

    def details(self) -> JsonObject:
        return self.root.object("details")


def message_key(root: JsonObject) -> str | None:
    """The idempotency key `JSY:JPRS:<messageRef>`, or `None` when the reference is unusable."""
    try:
        return _key(root.object("header"))
    except RecordRejected:
        return None


def read_header(root: JsonObject, message_types: Container[str]) -> Message:
    """The envelope of a message: key, type, sender, marking, time and subject identifiers."""
    header = root.object("header")
    key = _key(header)
    marking = classification(header.text("classification"), header.name("classification"), v.CLASSIFICATIONS)
    message_type = header.text("messageType")
    if message_type not in message_types:
        raise reject(header.name("messageType"), "UNKNOWN_TYPE", f"{message_type!r} is not a JPRS message type")
    sender = header.object("sender")
    source_agency = jersey_agency(sender.text("agency"), sender.name("agency"))
    occurred_at = _occurred(header.object("occurred"))
    identifiers = subject_identifiers(root.object("subject"))
    return Message(key, message_type, source_agency, marking, occurred_at, identifiers, root)


def _key(header: JsonObject) -> str:
    ref = header.text("messageRef")
    if not _MESSAGE_REF.fullmatch(ref):
        raise reject(header.name("messageRef"), "BAD_FORMAT", "expected JPRS-NNNN-NNNNNN")
    return v.KEY_PREFIX + ref


def _occurred(occurred: JsonObject) -> datetime:
    """`{date: dd-Mon-yyyy, time: HH:mm}`, Jersey local time, as a UTC instant."""
    day = jersey_date(occurred.text("date"), occurred.name("date"))
    field = occurred.name("time")
    clock = _CLOCK.fullmatch(occurred.text("time"))
    if clock is None:
        raise reject(field, "BAD_FORMAT", "expected a time written HH:mm")
    return timing.local_instant(
        day, timing.time_from_parts(int(clock[1]), int(clock[2]), 0, field), field, timing.JERSEY
    )


@dataclass(frozen=True, slots=True)
class Draft:
    """What a message type's builder makes of `details`: the event type, its payload, and its owner."""

    event_type: str
    payload: dict[str, object]
    owner_agency: str | None = None
