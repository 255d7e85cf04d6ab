"""Building canonical events (EVENTS.md envelope + identifiers + payload) as plain dicts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from adapters.common.errors import reject
from adapters.common.identifiers import Identifier
from hub.domain.codes import CLASSIFICATIONS, TRANSFER_EVENTS, jurisdiction_of

EVENT_ID_NAMESPACE = uuid.UUID("2b8f6c1e-5a47-4f0e-9d3c-7e1a0b9c4d52")

CanonicalEvent = dict[str, Any]


def event_id_for(key: str) -> str:
    """The deterministic event id of a record: UUIDv5 over its idempotency key."""
    return str(uuid.uuid5(EVENT_ID_NAMESPACE, key))


def classification(value: str, field: str, mapping: Mapping[str, str]) -> str:
    """Map a native protective marking; SECRET and above is refused, anything else unknown."""
    canonical = mapping.get(value)
    if canonical is None:
        raise reject(field, "UNKNOWN_CODE", f"{value!r} is not a protective marking this feed uses")
    if canonical not in CLASSIFICATIONS:
        raise reject(field, "CLASSIFICATION_REFUSED", "the hub accepts nothing above OFFICIAL-SENSITIVE")
    return canonical


def new_event(
    *,
    key: str,
    event_type: str,
    occurred_at: datetime,
    source_agency: str,
    source_system: str,
    classification: str,
    identifiers: Sequence[Identifier],
    payload: dict[str, Any],
    owner_agency: str | None = None,
    recorded_at: datetime | None = None,
) -> CanonicalEvent:
    """A canonical event; `correlation_id` is the payload's `transfer_id` on the five transfer events."""
    return {
        "event_id": event_id_for(key),
        "event_type": event_type,
        "occurred_at": occurred_at.replace(microsecond=0),
        "recorded_at": recorded_at or datetime.now(UTC),
        "source_jurisdiction": jurisdiction_of(source_agency),
        "source_agency": source_agency,
        "source_system": source_system,
        "nominal_id": None,
        "owner_agency": owner_agency or source_agency,
        "classification": classification,
        "correlation_id": payload.get("transfer_id") if event_type in TRANSFER_EVENTS else None,
        "identifiers": list(identifiers),
        "payload": payload,
    }


def same_event(first: CanonicalEvent, second: CanonicalEvent) -> bool:
    """Two events are the same record when they agree on everything but `recorded_at` and `nominal_id`."""
    ignored = ("recorded_at", "nominal_id")
    return {k: v for k, v in first.items() if k not in ignored} == {k: v for k, v in second.items() if k not in ignored}
