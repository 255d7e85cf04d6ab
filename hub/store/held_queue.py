"""The held-for-owner queue in the hub database: listing what waits, and recording an owner's decision.

A decision locks the hold and the state rows it changes (the router loads them `FOR UPDATE` too), records the
outcome and the audit record, and queues the release and the requester's notice in the outbox — one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import asyncpg

from hub.holds import PendingHold, settlement_messages
from hub.store.outbox import enqueue

DecisionOutcome = Literal["GRANTED", "REFUSED", "NOT_FOUND", "ALREADY_DECIDED", "NOT_THE_OWNER"]


@dataclass(frozen=True, slots=True)
class HeldItem:
    """A held delivery as operations staff and owners see it: ids, parties and dates, never the content."""

    hold_id: str
    event_id: str
    event_type: str
    nominal_id: str
    owner_agency: str
    requested_by: str
    recipient: str
    rule: str
    held_since: datetime
    respond_by: datetime | None
    status: str

    def overdue(self, now: datetime) -> bool:
        return self.status == "PENDING" and self.respond_by is not None and now > self.respond_by


_COLUMNS = (
    "hold_id::text, event_id::text, event_type, nominal_id::text, owner_agency, requested_by, recipient, rule,"
    " held_since, respond_by, status"
)


async def list_held(
    connection: asyncpg.Connection, *, owner: str | None, overdue_at: datetime | None
) -> list[HeldItem]:
    """Pending holds, oldest first; for one owner (agency or jurisdiction) and/or only those overdue."""
    rows = await connection.fetch(
        f"SELECT {_COLUMNS} FROM held_item WHERE status = 'PENDING'"  # noqa: S608 - constant column list
        " AND ($1::text IS NULL OR owner_agency = $1 OR split_part(owner_agency, '-', 1) = $1)"
        " AND ($2::timestamptz IS NULL OR respond_by < $2) ORDER BY held_since, hold_id",
        owner,
        overdue_at,
    )
    return [HeldItem(*r) for r in rows]


async def decide(
    connection: asyncpg.Connection,
    hold_id: str,
    *,
    grant: bool,
    person: str,
    agency: str,
    reason: str | None,
    now: datetime,
) -> DecisionOutcome:
    """Record the owner's decision on one hold; anyone but the owner is refused, and that is audited too."""
    async with connection.transaction():
        await _lock_state_first(connection, hold_id)
        hold = await connection.fetchrow(
            "SELECT hold_id::text, event_id::text, event_type, nominal_id::text, intel_id::text, owner_agency,"
            " requested_by, recipient, partner, status, event_bytes FROM held_item WHERE hold_id = $1 FOR UPDATE",
            hold_id,
        )
        if hold is None:
            return "NOT_FOUND"
        if hold["status"] != "PENDING":
            return "ALREADY_DECIDED"
        actor = f"{person} ({agency})"
        if agency != hold["owner_agency"]:
            await _audit(connection, hold, "DECISION_REFUSED", "NOT-THE-OWNER", actor, reason)
            return "NOT_THE_OWNER"
        await _settle(connection, hold, grant=grant, person=person, agency=agency, reason=reason, now=now)
        await _audit(
            connection,
            hold,
            "RELEASED" if grant else "REFUSED",
            "OWNER-GRANT" if grant else "OWNER-REFUSAL",
            actor,
            reason,
        )
        return "GRANTED" if grant else "REFUSED"


async def _lock_state_first(connection: asyncpg.Connection, hold_id: str) -> None:
    """Lock the nominal's and the item's state before the hold, in the router's order, so neither waits on the
    other in a cycle."""
    ids = await connection.fetchrow("SELECT nominal_id, intel_id FROM held_item WHERE hold_id = $1", hold_id)
    if ids is None:
        return
    await connection.execute("SELECT 1 FROM nominal_state WHERE nominal_id = $1 FOR UPDATE", ids["nominal_id"])
    if ids["intel_id"] is not None:
        await connection.execute("SELECT 1 FROM intel_state WHERE intel_id = $1 FOR UPDATE", ids["intel_id"])


async def _settle(
    connection: asyncpg.Connection,
    hold: asyncpg.Record,
    *,
    grant: bool,
    person: str,
    agency: str,
    reason: str | None,
    now: datetime,
) -> None:
    await connection.execute(
        "UPDATE held_item SET status = $2, decided_by = $3, decided_by_person = $4, decision_reason = $5,"
        " decided_at = $6 WHERE hold_id = $1",
        hold["hold_id"],
        "GRANTED" if grant else "REFUSED",
        agency,
        person,
        reason,
        now,
    )
    pending = PendingHold(
        hold["hold_id"],
        hold["event_id"],
        hold["recipient"],
        hold["partner"],
        hold["event_bytes"],
        hold["requested_by"],
        hold["intel_id"],
    )
    await enqueue(connection, settlement_messages(pending, grant, agency, hold["nominal_id"], now))
    if hold["intel_id"] is not None:
        await connection.execute(
            "UPDATE intel_state SET held_for = array_remove(held_for, $2), delivered_to = CASE WHEN $3"
            " THEN array(SELECT DISTINCT unnest(delivered_to || $4::text)) ELSE delivered_to END, updated_at = now()"
            " WHERE intel_id = $1",
            hold["intel_id"],
            hold["recipient"],
            grant,
            hold["partner"],
        )
    if grant:
        await connection.execute(
            "UPDATE nominal_state SET holders = array(SELECT DISTINCT unnest(holders || $2::text)), updated_at = now()"
            " WHERE nominal_id = $1",
            hold["nominal_id"],
            hold["partner"],
        )


async def _audit(
    connection: asyncpg.Connection, hold: asyncpg.Record, outcome: str, rule: str, actor: str, reason: str | None
) -> None:
    await connection.execute(
        "INSERT INTO decision (event_id, nominal_id, event_type, owner_agency, recipient, partner, outcome, rule,"
        " actor, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        hold["event_id"],
        hold["nominal_id"],
        hold["event_type"],
        hold["owner_agency"],
        hold["recipient"],
        hold["partner"],
        outcome,
        rule,
        actor,
        reason,
    )
