"""Explaining routing decisions to a person: every recipient considered for an event, and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from hub.domain import routing

RULES = {
    routing.OWNER_STORE: "the source's own store keeps its copy of what it published",
    routing.NO_AGREEMENT: "no active sharing agreement covers this owner, recipient and kind of information on the"
    " event's date: held for the owner to decide",
    routing.HANDLING_C: "handling code C: the owner decides each time, no agreement pre-authorises it",
    routing.OWNER_ONLY: "only the owner may share, change or withdraw its information: held as a request to the owner",
    routing.OWNER_UPDATE: "the owner updated its item: every store that holds it receives the new version",
    routing.OWNER_GRANT: "the owner granted the held delivery",
    routing.OWNER_REFUSAL: "the owner refused the held delivery: it is dropped",
    routing.NO_PENDING_HOLD: "the consent decision matched no pending hold: nothing changed",
    routing.WITHDRAWAL: "the owner withdrew the item: it is removed from this store",
    "NOT-THE-OWNER": "a decision by an agency other than the owner was refused",
}


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One audit record of the decision table."""

    decided_at: datetime
    event_id: str | None
    event_type: str | None
    nominal_id: str | None
    owner_agency: str | None
    recipient: str | None
    partner: str | None
    outcome: str
    rule: str
    actor: str
    detail: str | None


def why(record: DecisionRecord) -> str:
    """The reason for one decision in words."""
    if record.outcome == "DLQ":
        return f"dead-lettered: {record.detail or record.rule}"
    if record.outcome == "WITHHELD":
        return f"delivered without {record.detail} (withheld by sharing agreement {record.rule})"
    text = RULES.get(record.rule, f"pre-authorised by sharing agreement {record.rule}")
    if record.actor != "router":
        text += f", by {record.actor}"
    if record.detail and record.outcome in ("RELEASED", "REFUSED", "DECISION_REFUSED"):
        text += f" ({record.detail})"
    return text


def explain(
    event_id: str,
    records: Sequence[DecisionRecord],
    holds: Sequence[tuple[str, str, str, datetime | None]],
    now: datetime,
) -> str:
    """Every recipient considered for an event, in order, with each hold's state (`holds`: recipient, hold id,
    status, respond_by)."""
    if not records:
        return f"event {event_id}: no routing decision recorded (not yet routed, or not an event the hub received)"
    first = records[0]
    lines = [
        f"event {event_id}: {first.event_type or 'undecodable record'} owned by {first.owner_agency or '-'},"
        f" nominal {first.nominal_id or '-'}, routed {first.decided_at:%Y-%m-%d %H:%M:%S %Z}"
    ]
    for record in records:
        lines.append(f"  {record.recipient or '-':<20} {record.outcome:<17} {record.rule:<24} {why(record)}")
    for recipient, hold_id, status, respond_by in holds:
        due = "" if respond_by is None else f", respond by {respond_by:%Y-%m-%d %H:%M %Z}"
        late = " — OVERDUE" if status == "PENDING" and respond_by is not None and now > respond_by else ""
        lines.append(f"  hold {hold_id} for {recipient}: {status}{due}{late}")
    return "\n".join(lines)


def trail(records: Sequence[DecisionRecord]) -> str:
    """Where a nominal's data went, oldest first."""
    if not records:
        return "no decisions recorded for this nominal"
    return "\n".join(
        f"{r.decided_at:%Y-%m-%d %H:%M:%S}  {r.event_type or '-':<27} {r.event_id or '-'}  {r.recipient or '-':<20}"
        f" {r.outcome:<17} {r.rule}  [{r.actor}]"
        for r in records
    )
