"""The routing decision: a pure function of (event, ownership state, agreements) — EVENTS.md and AGREEMENTS.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from typing import Any, Literal
from zoneinfo import ZoneInfo

from hub.domain.agreements import SharingAgreement, covering_agreement
from hub.domain.codes import jurisdiction_of
from hub.domain.ownership import NominalState, OwnershipView, managing_jurisdiction

Event = dict[str, Any]
Outcome = Literal["DELIVERED", "HELD", "REFUSED", "RELEASED", "NO_EFFECT"]
LONDON = ZoneInfo("Europe/London")

OWNER_STORE = "OWNER-STORE"
NO_AGREEMENT = "NO-AGREEMENT"
HANDLING_C = "HANDLING-C"
OWNER_ONLY = "OWNER-ONLY"
OWNER_UPDATE = "OWNER-UPDATE"
OWNER_GRANT = "OWNER-GRANT"
OWNER_REFUSAL = "OWNER-REFUSAL"
NO_PENDING_HOLD = "NO-PENDING-HOLD"
WITHDRAWAL = "WITHDRAWAL"

_EVERY_HOLDER = frozenset(
    {
        "NominalUpdated",
        "CustodyReceived",
        "CustodyTransferred",
        "CustodyReleased",
        "MappaLevelChanged",
        "NominalArchived",
        "NominalReactivated",
        "NominalErased",
    }
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What happened for one recipient considered, and the rule or agreement that decided it."""

    recipient: str
    outcome: Outcome
    rule: str
    holder_for: str | None = None
    withheld_fields: frozenset[str] = frozenset()

    @property
    def partner(self) -> str:
        """The partner store a recipient's copy lands in: its jurisdiction's."""
        return jurisdiction_of(self.recipient)


@dataclass(frozen=True, slots=True)
class RoutingDecision:
    """Every recipient considered for one event."""

    event_id: str
    verdicts: tuple[Verdict, ...]

    def deliveries(self) -> dict[str, frozenset[str]]:
        """Partner → fields withheld from its copy; one delivery per partner whatever the recipients."""
        partners: dict[str, frozenset[str]] = {}
        for verdict in self.verdicts:
            if verdict.outcome == "DELIVERED":
                partners[verdict.partner] = partners.get(verdict.partner, frozenset()) | verdict.withheld_fields
        return partners

    def of(self, outcome: Outcome) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.outcome == outcome)


def route_event(event: Event, view: OwnershipView, agreements: tuple[SharingAgreement, ...]) -> RoutingDecision:
    """Decide, for one event, who receives it, who must wait for the owner, and who never will."""
    event_type = event["event_type"]
    if event_type == "IntelligenceShared":
        verdicts = _intelligence_share(event, view, agreements)
    elif event_type == "IntelligenceConsentDecided":
        verdicts = _consent_decision(event, view)
    elif event_type == "IntelligenceWithdrawn":
        verdicts = _withdrawal(event, view)
    elif event_type == "NominalUpdated" and view.nominal and event["source_agency"] != view.nominal.lead_agency:
        verdicts = [Verdict(view.nominal.lead_agency, "HELD", OWNER_ONLY, holder_for=view.nominal.lead_agency)]
    else:
        verdicts = _by_agreement(event, _movement_recipients(event, view), agreements)
    return RoutingDecision(event["event_id"], _own_store_first(event, verdicts))


def _own_store_first(event: Event, verdicts: Iterable[Verdict]) -> tuple[Verdict, ...]:
    """The source's own store always keeps its own copy of what it published (AGREEMENTS.md "Stores")."""
    own = Verdict(event["source_jurisdiction"], "DELIVERED", OWNER_STORE)
    rest = tuple(v for v in verdicts if not (v.recipient == own.recipient and v.outcome == "DELIVERED"))
    if event["event_type"] in ("IntelligenceConsentDecided",) or any(v.rule == OWNER_ONLY for v in rest):
        return rest
    return (own, *rest)


def _movement_recipients(event: Event, view: OwnershipView) -> frozenset[str]:
    """The jurisdictions an offender-movement, custody or minutes event goes to (EVENTS.md tables)."""
    event_type, payload = event["event_type"], event["payload"]
    nominal, transfer = view.nominal, view.transfer
    holders = nominal.holders if nominal else frozenset()
    if event_type == "NominalRegistered":
        return holders | {jurisdiction_of(payload["lead_agency"])}
    if event_type in _EVERY_HOLDER:
        return holders
    if event_type == "AddressNotified":
        return _managing(nominal) | ({nominal.transfer_to} if nominal and nominal.transfer_to else set())
    if event_type == "TransferRequested":
        return frozenset({payload["to_jurisdiction"]})
    if transfer is not None and event_type in ("TransferAccepted", "TransferRejected"):
        return frozenset({jurisdiction_of(transfer.from_agency)})
    if transfer is not None and event_type in ("OffenderDeparted", "OffenderArrived"):
        sides = {jurisdiction_of(transfer.from_agency), jurisdiction_of(transfer.to_agency)}
        return frozenset(sides - {event["source_jurisdiction"]})
    if event_type == "MeetingMinutesRecorded":
        return frozenset(jurisdiction_of(a) for a in payload["attending_agencies"])
    if event_type == "RetentionReviewDue" and nominal is not None:
        return frozenset({jurisdiction_of(nominal.owner_agency)})
    return frozenset()


def _managing(nominal: NominalState | None) -> frozenset[str]:
    return frozenset({managing_jurisdiction(nominal)}) if nominal else frozenset()


def _by_agreement(event: Event, recipients: frozenset[str], agreements: tuple[SharingAgreement, ...]) -> list[Verdict]:
    owner = event["owner_agency"]
    on = event["occurred_at"].astimezone(UTC).astimezone(LONDON).date()
    verdicts = []
    for recipient in sorted(recipients - {jurisdiction_of(owner)}):
        agreement = covering_agreement(
            agreements, owner_agency=owner, recipient=recipient, event_type=event["event_type"], on=on
        )
        verdicts.append(_covered_or_held(recipient, owner, agreement, NO_AGREEMENT))
    return verdicts


def _covered_or_held(recipient: str, owner: str, agreement: SharingAgreement | None, why_held: str) -> Verdict:
    if agreement is None:
        return Verdict(recipient, "HELD", why_held, holder_for=owner)
    return Verdict(recipient, "DELIVERED", agreement.id, withheld_fields=agreement.withheld_fields)


def _item_owner(event: Event, view: OwnershipView) -> str:
    return view.intel.owner_agency if view.intel else event["owner_agency"]


def _intelligence_share(event: Event, view: OwnershipView, agreements: tuple[SharingAgreement, ...]) -> list[Verdict]:
    owner, payload = _item_owner(event, view), event["payload"]
    if event["source_agency"] != owner:
        return [Verdict(r, "HELD", OWNER_ONLY, holder_for=owner) for r in sorted(set(payload["recipients"]))]
    on = event["occurred_at"].astimezone(LONDON).date()
    handling = payload["handling_code"]
    already = view.intel.delivered_to if view.intel else frozenset()
    verdicts = [Verdict(p, "DELIVERED", OWNER_UPDATE) for p in sorted(already - {jurisdiction_of(owner)})]
    for recipient in sorted(set(payload["recipients"])):
        if jurisdiction_of(recipient) == jurisdiction_of(owner):
            continue
        agreement = covering_agreement(
            agreements,
            owner_agency=owner,
            recipient=recipient,
            event_type="IntelligenceShared",
            on=on,
            handling_code=handling,
        )
        verdicts.append(_covered_or_held(recipient, owner, agreement, HANDLING_C if handling == "C" else NO_AGREEMENT))
    return verdicts


def _consent_decision(event: Event, view: OwnershipView) -> list[Verdict]:
    payload = event["payload"]
    recipient, owner = payload["recipient"], _item_owner(event, view)
    if event["source_agency"] != owner:
        return [Verdict(recipient, "HELD", OWNER_ONLY, holder_for=owner)]
    if view.intel is None or recipient not in view.intel.held_for:
        return [Verdict(recipient, "NO_EFFECT", NO_PENDING_HOLD)]
    if payload["decision"] == "GRANTED":
        return [Verdict(recipient, "RELEASED", OWNER_GRANT)]
    return [Verdict(recipient, "REFUSED", OWNER_REFUSAL)]


def _withdrawal(event: Event, view: OwnershipView) -> list[Verdict]:
    owner = _item_owner(event, view)
    if event["source_agency"] != owner:
        return [Verdict(owner, "HELD", OWNER_ONLY, holder_for=owner)]
    reached = view.intel.delivered_to if view.intel else frozenset()
    return [Verdict(p, "DELIVERED", WITHDRAWAL) for p in sorted(reached)]
