"""Sharing agreements (shared/AGREEMENTS.md): consent written down in advance for classes of data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hub.domain.codes import (
    CUSTODY_EVENTS,
    EVENT_TYPES,
    INTELLIGENCE_EVENTS,
    MINUTES_EVENTS,
    MOVEMENT_EVENTS,
    jurisdiction_of,
)

EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "movement": MOVEMENT_EVENTS,
    "custody": CUSTODY_EVENTS,
    "intelligence": INTELLIGENCE_EVENTS,
    "minutes": MINUTES_EVENTS,
}
ANYONE = "*"


@dataclass(frozen=True, slots=True)
class SharingAgreement:
    """Who may receive what from whom, and when, without asking the owner each time."""

    id: str
    owners: frozenset[str]
    recipients: frozenset[str]
    covers: frozenset[str]
    valid_from: date
    valid_to: date | None = None
    handling: frozenset[str] = frozenset()
    withheld_fields: frozenset[str] = frozenset()

    def is_active_on(self, day: date) -> bool:
        """Both ends inclusive; an open `valid_to` never ends."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def lists_owner(self, owner_agency: str) -> bool:
        return bool({ANYONE, owner_agency, jurisdiction_of(owner_agency)} & self.owners)

    def lists_recipient(self, recipient: str) -> bool:
        """A jurisdiction recipient needs the jurisdiction or `*`; an agency also matches by its jurisdiction."""
        if recipient == jurisdiction_of(recipient):
            return bool({ANYONE, recipient} & self.recipients)
        return bool({ANYONE, recipient, jurisdiction_of(recipient)} & self.recipients)

    def covers_event(self, event_type: str) -> bool:
        return event_type in self.covers or any(event_type in EVENT_CLASSES.get(c, ()) for c in self.covers)


def covering_agreement(
    agreements: tuple[SharingAgreement, ...],
    *,
    owner_agency: str,
    recipient: str,
    event_type: str,
    on: date,
    handling_code: str | None = None,
) -> SharingAgreement | None:
    """The first active agreement that pre-authorises this delivery, or `None` (then the owner decides).

    Handling code `C` is never pre-authorised.
    """
    if handling_code == "C":
        return None
    for agreement in sorted(agreements, key=lambda a: a.id):
        if (
            agreement.is_active_on(on)
            and agreement.lists_owner(owner_agency)
            and agreement.lists_recipient(recipient)
            and agreement.covers_event(event_type)
            and (handling_code is None or handling_code in agreement.handling)
        ):
            return agreement
    return None


def is_known_coverage(value: str) -> bool:
    """A `covers` entry is an event class or an event type."""
    return value in EVENT_CLASSES or value in EVENT_TYPES
