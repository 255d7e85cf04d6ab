"""Held items: what a hold is, and the messages an owner's decision on it sends.

Used by the router (a consent decision arriving from a partner feed) and by `hub held decide` (a person of the
owning agency deciding at the console or command line), so both settle a hold the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hub.codec import encode
from hub.domain.codes import jurisdiction_of
from hub.domain.envelope import delivery_id
from hub.store.outbox import OutboxMessage
from hub.topics import deliver_topic

NOTICE_NAMESPACE = uuid.UUID("0e6b3c52-7d1a-4f93-b2c8-5a9e1d4f7c06")


@dataclass(frozen=True, slots=True)
class PendingHold:
    """A held delivery waiting for its owner: enough to release it or tell the requester."""

    hold_id: str
    event_id: str
    recipient: str
    partner: str
    event_bytes: bytes
    requested_by: str = ""
    intel_id: str | None = None


def delivery_message(event_id: str, nominal_id: str, partner: str, value: bytes) -> OutboxMessage:
    """One delivery of an event to a partner store, with the id the writer de-duplicates on."""
    headers = (("delivery_id", delivery_id(event_id, partner)), ("event_id", event_id))
    return OutboxMessage(deliver_topic(partner), nominal_id.encode(), value, headers)


def consent_notice(hold: PendingHold, granted: bool, decided_by: str, nominal_id: str, now: datetime) -> dict[str, Any]:
    """The event that tells the requester what the owner decided (delivered to the requester's store)."""
    return {
        "event_id": str(uuid.uuid5(NOTICE_NAMESPACE, f"{hold.hold_id}:decision")),
        "event_type": "IntelligenceConsentDecided",
        "occurred_at": now.replace(microsecond=0),
        "recorded_at": now,
        "source_jurisdiction": jurisdiction_of(decided_by),
        "source_agency": decided_by,
        "source_system": "HUB",
        "nominal_id": nominal_id,
        "owner_agency": decided_by,
        "classification": "OFFICIAL-SENSITIVE",
        "correlation_id": None,
        "identifiers": [],
        "payload": {
            "intel_id": hold.intel_id,
            "recipient": hold.recipient,
            "decision": "GRANTED" if granted else "REFUSED",
            "decided_by": decided_by,
        },
    }


def settlement_messages(
    hold: PendingHold, granted: bool, decided_by: str, nominal_id: str, now: datetime
) -> list[OutboxMessage]:
    """A grant releases the held delivery; either way an intelligence requester is told the outcome."""
    messages = []
    if granted:
        messages.append(delivery_message(hold.event_id, nominal_id, hold.partner, hold.event_bytes))
    if hold.intel_id is not None and hold.requested_by:
        notice = consent_notice(hold, granted, decided_by, nominal_id, now)
        messages.append(
            delivery_message(notice["event_id"], nominal_id, jurisdiction_of(hold.requested_by), encode(notice))
        )
    return messages
