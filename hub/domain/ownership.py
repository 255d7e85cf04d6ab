"""Ownership state the routing decision depends on: who leads each nominal, who holds it, who owns each item."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from hub.domain.codes import jurisdiction_of

Event = dict[str, Any]


@dataclass(frozen=True, slots=True)
class NominalState:
    """One nominal as the hub knows it: its owner, its lead agency, and every store that holds data on it."""

    nominal_id: str
    owner_agency: str
    lead_agency: str
    holders: frozenset[str] = frozenset()
    archived: bool = False
    erased: bool = False
    transfer_to: str | None = None


@dataclass(frozen=True, slots=True)
class TransferState:
    """One cross-border transfer, opened by `TransferRequested`."""

    transfer_id: str
    nominal_id: str
    from_agency: str
    to_agency: str
    status: str = "REQUESTED"


@dataclass(frozen=True, slots=True)
class IntelState:
    """One intelligence item: its owner (only it may share, change or withdraw it) and where it went."""

    intel_id: str
    nominal_id: str
    owner_agency: str
    delivered_to: frozenset[str] = frozenset()
    held_for: frozenset[str] = frozenset()
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class OwnershipView:
    """The state one event is routed against."""

    nominal: NominalState | None = None
    transfer: TransferState | None = None
    intel: IntelState | None = None


_TRANSFER_STATUS = {
    "TransferAccepted": "ACCEPTED",
    "TransferRejected": "REJECTED",
    "OffenderDeparted": "DEPARTED",
    "OffenderArrived": "ARRIVED",
}


def evolve_nominal(state: NominalState | None, event: Event, transfer: TransferState | None) -> NominalState:
    """The nominal's state after an event has been routed (before `holders` learns of new deliveries)."""
    source_jurisdiction = event["source_jurisdiction"]
    payload = event["payload"]
    if state is None:
        lead = payload.get("lead_agency") or event["source_agency"]
        state = NominalState(event["nominal_id"], event["source_agency"], lead, frozenset({source_jurisdiction}))
    else:
        state = replace(state, holders=state.holders | {source_jurisdiction})
    event_type = event["event_type"]
    if event_type in ("TransferRequested", "TransferAccepted") and transfer is not None:
        state = replace(state, transfer_to=jurisdiction_of(transfer.to_agency))
    elif event_type == "TransferRejected":
        state = replace(state, transfer_to=None)
    elif event_type == "OffenderArrived" and transfer is not None:
        state = replace(state, lead_agency=transfer.to_agency, transfer_to=None)
    elif event_type == "NominalArchived":
        state = replace(state, archived=True)
    elif event_type == "NominalReactivated":
        state = replace(state, archived=False)
    elif event_type == "NominalErased":
        state = replace(state, erased=True)
    return state


def evolve_transfer(state: TransferState | None, event: Event) -> TransferState | None:
    """The transfer after one of its events; `None` when the event is not about a transfer."""
    payload = event["payload"]
    if event["event_type"] == "TransferRequested":
        return TransferState(payload["transfer_id"], event["nominal_id"], payload["from_agency"], payload["to_agency"])
    if state is not None and event["event_type"] in _TRANSFER_STATUS:
        return replace(state, status=_TRANSFER_STATUS[event["event_type"]])
    return state


def with_holders(state: NominalState, partners: frozenset[str]) -> NominalState:
    """Record that these partner stores now hold data on the nominal."""
    return replace(state, holders=state.holders | partners)


def managing_jurisdiction(state: NominalState) -> str:
    return jurisdiction_of(state.lead_agency)
