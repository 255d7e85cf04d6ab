"""What one batch of inbound events does, planned without I/O: decisions, deliveries, holds, state changes.

The router loads the state a batch needs, asks this planner for the effects, and writes them in one
transaction. Events of one nominal are planned in order, each seeing the state the previous one left.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from hub.codec import encode
from hub.domain.agreements import SharingAgreement
from hub.domain.calendar import response_deadline
from hub.domain.envelope import hold_id
from hub.domain.ownership import (
    IntelState,
    NominalState,
    OwnershipView,
    TransferState,
    evolve_nominal,
    evolve_transfer,
    with_holders,
)
from hub.domain.routing import RoutingDecision, Verdict, route_event
from hub.holds import PendingHold, delivery_message, settlement_messages
from hub.signing import read_signature
from hub.store.outbox import OutboxMessage
from hub.topics import DLQ_TOPIC, HELD_TOPIC

DLQ_NAMESPACE = uuid.UUID("e4a1c9b7-3f52-4d08-a6e1-9b0c7d2f5e14")
ROUTER = "router"


@dataclass(frozen=True, slots=True)
class Inbound:
    """One inbound message: where it came from, its bytes, and its event once decoded."""

    topic: str
    partition: int
    offset: int
    value: bytes
    event: dict[str, Any]


@dataclass
class BatchState:
    """The slice of ownership state a batch touches, updated as the batch is planned."""

    nominals: dict[str, NominalState]
    transfers: dict[str, TransferState]
    intel: dict[str, IntelState]
    pending_holds: dict[tuple[str, str], list[PendingHold]]
    now: datetime
    working_days: int = 5
    changed: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class Effects:
    """Rows and messages a batch produces, written in one transaction."""

    processed: list[tuple[Any, ...]] = field(default_factory=list)
    decisions: list[tuple[Any, ...]] = field(default_factory=list)
    outbox: list[OutboxMessage] = field(default_factory=list)
    new_holds: list[tuple[Any, ...]] = field(default_factory=list)
    settled_holds: list[tuple[str, str, str | None]] = field(default_factory=list)
    dlq: list[tuple[Any, ...]] = field(default_factory=list)


def dlq_id(topic: str, partition: int, offset: int) -> str:
    return str(uuid.uuid5(DLQ_NAMESPACE, f"{topic}:{partition}:{offset}"))


class RawRecord(Protocol):
    """What the router needs of a Kafka record (aiokafka's ConsumerRecord has it)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Sequence[tuple[str, bytes]]


def dead_letter(
    effects: Effects, record: RawRecord, code: str, reason: str, event_id: str | None, rule: str | None = None
) -> None:
    """Send a record the router cannot route to `hub.dlq`, with its key, bytes and signature so it can be replayed.

    The audit records outcome DLQ with `rule` (the code unless given, e.g. SECURITY-BAD-SIGNATURE)."""
    entry = dlq_id(record.topic, record.partition, record.offset)
    value = record.value or b""
    key_id, signature = read_signature(record.headers)
    where = (record.topic, record.partition, record.offset)
    effects.dlq.append((entry, *where, code, reason, event_id, record.key, value, key_id, signature))
    headers = (
        ("dlq_id", entry),
        ("reason_code", code),
        ("reason", reason),
        ("source_topic", record.topic),
        ("source_partition", str(record.partition)),
        ("source_offset", str(record.offset)),
        *((("sig_key", key_id),) if key_id else ()),
    )
    effects.outbox.append(OutboxMessage(DLQ_TOPIC, record.key, value, headers))
    effects.decisions.append((event_id, None, None, None, None, None, "DLQ", rule or code, ROUTER, reason))


def ignore_repeat(effects: Effects, inbound: Inbound) -> None:
    """An event routed before arrived again (a re-publish or a replay): not routed twice, but audited."""
    event = inbound.event
    where = f"{inbound.topic}[{inbound.partition}]@{inbound.offset}"
    effects.decisions.append(
        (
            event["event_id"],
            event["nominal_id"],
            event["event_type"],
            event["owner_agency"],
            None,
            None,
            "IGNORED",
            "ALREADY-ROUTED",
            ROUTER,
            f"{where} repeats an event already routed; not delivered again",
        )
    )


def plan_event(inbound: Inbound, state: BatchState, agreements: tuple[SharingAgreement, ...], effects: Effects) -> None:
    """Route one event and record everything that follows from the decision."""
    event = inbound.event
    payload = event["payload"]
    view = OwnershipView(
        nominal=state.nominals.get(event["nominal_id"]),
        transfer=state.transfers.get(payload.get("transfer_id") or ""),
        intel=state.intel.get(payload.get("intel_id") or ""),
    )
    decision = route_event(event, view, agreements)
    delivered = _deliver(inbound, decision, effects)
    released = _settle_holds(inbound, decision, state, effects)
    _hold(inbound, decision, state, effects)
    _remember_holds(inbound, decision, state)
    _audit(event, decision, effects)
    _evolve(event, view, state, delivered | released)
    effects.processed.append(
        (
            event["event_id"],
            event["event_type"],
            event["nominal_id"],
            event["source_agency"],
            inbound.topic,
            inbound.partition,
            inbound.offset,
        )
    )


def _deliver(inbound: Inbound, decision: RoutingDecision, effects: Effects) -> frozenset[str]:
    event = inbound.event
    for partner, withheld in sorted(decision.deliveries().items()):
        value = inbound.value if not withheld else encode(_minimised(event, withheld))
        effects.outbox.append(delivery_message(event["event_id"], event["nominal_id"], partner, value))
    return frozenset(decision.deliveries())


def _minimised(event: dict[str, Any], withheld: frozenset[str]) -> dict[str, Any]:
    payload = {k: (None if k in withheld else v) for k, v in event["payload"].items()}
    return {**event, "payload": payload}


def _hold(inbound: Inbound, decision: RoutingDecision, state: BatchState, effects: Effects) -> None:
    """Each held recipient waits for the owner, who must answer within working days of its own calendar."""
    event = inbound.event
    for verdict in decision.of("HELD"):
        hid = hold_id(event["event_id"], verdict.recipient)
        owner = verdict.holder_for or event["owner_agency"]
        effects.new_holds.append(
            (
                hid,
                event["event_id"],
                event["event_type"],
                event["nominal_id"],
                event["payload"].get("intel_id"),
                owner,
                event["source_agency"],
                verdict.recipient,
                verdict.partner,
                verdict.rule,
                inbound.value,
                response_deadline(state.now, owner, state.working_days),
            )
        )
        headers = (
            ("hold_id", hid),
            ("owner_agency", verdict.holder_for or ""),
            ("recipient", verdict.recipient),
            ("rule", verdict.rule),
        )
        effects.outbox.append(OutboxMessage(HELD_TOPIC, event["nominal_id"].encode(), inbound.value, headers))


def _remember_holds(inbound: Inbound, decision: RoutingDecision, state: BatchState) -> None:
    """Holds on an intelligence item made in this batch can be decided later in the same batch."""
    event = inbound.event
    intel_id = event["payload"].get("intel_id")
    if event["event_type"] != "IntelligenceShared":
        return
    for verdict in decision.of("HELD"):
        pending = PendingHold(
            hold_id(event["event_id"], verdict.recipient),
            event["event_id"],
            verdict.recipient,
            verdict.partner,
            inbound.value,
            requested_by=event["source_agency"],
            intel_id=intel_id,
        )
        state.pending_holds.setdefault((intel_id, verdict.recipient), []).append(pending)


def _settle_holds(inbound: Inbound, decision: RoutingDecision, state: BatchState, effects: Effects) -> frozenset[str]:
    """Release or drop held items on the owner's decision; close them all on withdrawal."""
    event = inbound.event
    intel_id = event["payload"].get("intel_id")
    partners: set[str] = set()
    if event["event_type"] == "IntelligenceWithdrawn" and decision.of("DELIVERED"):
        for key in [k for k in state.pending_holds if k[0] == intel_id]:
            effects.settled_holds += [
                (h.hold_id, "CLOSED", event["source_agency"]) for h in state.pending_holds.pop(key)
            ]
    for verdict in decision.of("RELEASED") + decision.of("REFUSED"):
        granted = verdict.outcome == "RELEASED"
        for hold in state.pending_holds.pop((intel_id, verdict.recipient), []):
            effects.settled_holds.append((hold.hold_id, "GRANTED" if granted else "REFUSED", event["source_agency"]))
            effects.outbox += settlement_messages(hold, granted, event["source_agency"], event["nominal_id"], state.now)
            if granted:
                partners.add(hold.partner)
    return frozenset(partners)


def _audit(event: dict[str, Any], decision: RoutingDecision, effects: Effects) -> None:
    """One record per recipient considered, and one more for every field an agreement withheld from it."""
    for verdict in decision.verdicts:
        effects.decisions.append(_decision_row(event, verdict, verdict.outcome, None))
        if verdict.outcome == "DELIVERED" and verdict.withheld_fields:
            withheld = ", ".join(sorted(verdict.withheld_fields))
            effects.decisions.append(_decision_row(event, verdict, "WITHHELD", withheld))


def _decision_row(event: dict[str, Any], verdict: Verdict, outcome: str, detail: str | None) -> tuple[Any, ...]:
    return (
        event["event_id"],
        event["nominal_id"],
        event["event_type"],
        verdict.holder_for or event["owner_agency"],
        verdict.recipient,
        verdict.partner,
        outcome,
        verdict.rule,
        ROUTER,
        detail,
    )


def _evolve(event: dict[str, Any], view: OwnershipView, state: BatchState, reached: frozenset[str]) -> None:
    payload = event["payload"]
    transfer = evolve_transfer(view.transfer, event)
    if transfer is not None:
        state.transfers[transfer.transfer_id] = transfer
        state.changed.add(("transfer", transfer.transfer_id))
    nominal = with_holders(evolve_nominal(view.nominal, event, transfer), reached)
    state.nominals[nominal.nominal_id] = nominal
    state.changed.add(("nominal", nominal.nominal_id))
    intel_id = payload.get("intel_id")
    if intel_id is None or (event["event_type"] == "IntelligenceConsentDecided" and view.intel is None):
        return
    intel = view.intel or IntelState(intel_id, event["nominal_id"], event["owner_agency"])
    still_held = frozenset(r for (i, r) in state.pending_holds if i == intel_id)
    intel = replace(intel, delivered_to=intel.delivered_to | reached, held_for=still_held)
    if event["event_type"] == "IntelligenceWithdrawn" and event["source_agency"] == intel.owner_agency:
        intel = replace(intel, withdrawn=True, held_for=frozenset())
    state.intel[intel_id] = intel
    state.changed.add(("intel", intel_id))
