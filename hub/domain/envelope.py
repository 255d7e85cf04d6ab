"""Checks on a decoded event's envelope before routing: anything failing goes to the DLQ with the reason."""

from __future__ import annotations

import uuid
from typing import Any

from hub.domain.codes import AGENCIES, CLASSIFICATIONS, EVENT_TYPES, jurisdiction_of

DELIVERY_NAMESPACE = uuid.UUID("7d1c55a4-2b0e-4f6a-9a57-3c8e2f1d9b60")
HOLD_NAMESPACE = uuid.UUID("b3e0f6d2-8a41-4c7e-b5d9-0e2a6c4f1a83")


class EnvelopeFault(Exception):
    """A decoded event that the hub must not route; `code` is machine-readable, the message is for a person."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_envelope(event: dict[str, Any], topic_source: str) -> None:
    """Raise `EnvelopeFault` when the event cannot be routed as it stands."""
    if event["classification"] not in CLASSIFICATIONS:
        raise EnvelopeFault(
            "CLASSIFICATION_REFUSED",
            f"classification {event['classification']!r} is above OFFICIAL-SENSITIVE; the hub is not accredited"
            " for it and the event must be handled outside the hub",
        )
    if event["event_type"] not in EVENT_TYPES:
        raise EnvelopeFault("UNKNOWN_EVENT_TYPE", f"event_type {event['event_type']!r} is not a canonical event")
    if event["source_jurisdiction"] != topic_source:
        raise EnvelopeFault(
            "WRONG_TOPIC",
            f"source_jurisdiction {event['source_jurisdiction']} published on the {topic_source} inbound topic",
        )
    for name in ("source_agency", "owner_agency"):
        if event[name] not in AGENCIES:
            raise EnvelopeFault("UNKNOWN_AGENCY", f"{name} {event[name]!r} is not a known agency code")
    if jurisdiction_of(event["source_agency"]) != topic_source:
        raise EnvelopeFault("WRONG_TOPIC", f"source_agency {event['source_agency']} is not of {topic_source}")
    for name in ("event_id", "nominal_id"):
        if not _is_uuid(event.get(name)):
            raise EnvelopeFault("BAD_ENVELOPE", f"{name} is not a UUID; the adapter must resolve it before publishing")


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def delivery_id(event_id: str, partner: str) -> str:
    """The one delivery of an event to a partner store, the same however often it is published."""
    return str(uuid.uuid5(DELIVERY_NAMESPACE, f"{event_id}:{partner}"))


def hold_id(event_id: str, recipient: str) -> str:
    """The one hold of an event for a recipient."""
    return str(uuid.uuid5(HOLD_NAMESPACE, f"{event_id}:{recipient}"))
