"""One JPRS message to one canonical event: the header, then the builder of its `messageType`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from adapters.common.events import CanonicalEvent, new_event
from adapters.jersey import custody, intelligence, movements
from adapters.jersey import vocabulary as v
from adapters.jersey.document import JsonObject
from adapters.jersey.header import Draft, Message, read_header

Builder = Callable[[Message], Draft]

BUILDERS: Final[dict[str, Builder]] = {
    "NOMINAL_REGISTRATION": movements.nominal_registration,
    "ADDRESS_NOTIFICATION": movements.address_notification,
    "TRANSFER_REQUEST": movements.transfer_request,
    "TRANSFER_DECISION": movements.transfer_decision,
    "TRANSFER_MOVEMENT": movements.transfer_movement,
    "PRISON_RECEPTION": custody.prison_reception,
    "PRISON_TRANSFER": custody.prison_transfer,
    "PRISON_DISCHARGE": custody.prison_discharge,
    "MAPPA_REVIEW": movements.mappa_review,
    "INTELLIGENCE_SHARE": intelligence.intelligence_share,
    "CONSENT_DECISION": intelligence.consent_decision,
    "INTELLIGENCE_WITHDRAWAL": intelligence.intelligence_withdrawal,
    "RECORD_ARCHIVED": movements.record_archived,
    "RECORD_REACTIVATED": movements.record_reactivated,
}


def to_event(root: JsonObject) -> CanonicalEvent:
    """The canonical event of a message, or `RecordRejected` naming the first fault found."""
    message = read_header(root, BUILDERS)
    draft = BUILDERS[message.message_type](message)
    return new_event(
        key=message.key,
        event_type=draft.event_type,
        occurred_at=message.occurred_at,
        source_agency=message.source_agency,
        source_system=v.SOURCE_SYSTEM,
        classification=message.classification,
        identifiers=message.identifiers,
        payload=draft.payload,
        owner_agency=draft.owner_agency,
    )
