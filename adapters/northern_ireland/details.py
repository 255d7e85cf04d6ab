"""Which detail element gives which canonical event: the layout it must follow and its builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from adapters.common.events import CanonicalEvent
from adapters.northern_ireland import custody, intelligence, nominal, transfers
from adapters.northern_ireland.elements import Group, Layout
from adapters.northern_ireland.header import Context


@dataclass(frozen=True, slots=True)
class Detail:
    """A record type: its children, how it becomes an event, and whether only NIPS may send it."""

    layout: Layout
    build: Callable[[Group, Context], CanonicalEvent]
    prison_only: bool = False


DETAILS: dict[str, Detail] = {
    "Registration": Detail(nominal.REGISTRATION, nominal.registered),
    "AddressNotification": Detail(nominal.ADDRESS_NOTIFICATION, nominal.address_notified),
    "TransferRequest": Detail(transfers.TRANSFER_REQUEST, transfers.requested),
    "TransferDecision": Detail(transfers.TRANSFER_DECISION, transfers.decided),
    "TransferMovement": Detail(transfers.TRANSFER_MOVEMENT, transfers.moved),
    "PrisonReception": Detail(custody.PRISON_RECEPTION, custody.received, prison_only=True),
    "PrisonTransfer": Detail(custody.PRISON_TRANSFER, custody.transferred, prison_only=True),
    "PrisonDischarge": Detail(custody.PRISON_DISCHARGE, custody.released, prison_only=True),
    "PpaniReview": Detail(nominal.PPANI_REVIEW, nominal.review_held),
    "IntelligenceItem": Detail(intelligence.INTELLIGENCE_ITEM, intelligence.shared),
    "ConsentDecision": Detail(intelligence.CONSENT_DECISION, intelligence.consent_decided),
    "IntelligenceWithdrawal": Detail(intelligence.INTELLIGENCE_WITHDRAWAL, intelligence.withdrawn),
    "RecordStatus": Detail(nominal.RECORD_STATUS, nominal.status_changed),
}
