"""Writing a planned batch's effects to the hub database, batched (COPY and executemany)."""

from __future__ import annotations

from collections.abc import Iterable

import asyncpg

from hub.holds import PendingHold
from hub.router_plan import BatchState, Effects
from hub.store import hub_state
from hub.store.outbox import enqueue

_DECISION_COLUMNS = [
    "event_id",
    "nominal_id",
    "event_type",
    "owner_agency",
    "recipient",
    "partner",
    "outcome",
    "rule",
    "actor",
    "detail",
]


async def load_pending_holds(
    connection: asyncpg.Connection, intel_ids: Iterable[str]
) -> dict[tuple[str, str], list[PendingHold]]:
    """Intelligence shares waiting for their owners, by (intel_id, recipient)."""
    rows = await connection.fetch(
        "SELECT intel_id::text, hold_id::text, event_id::text, recipient, partner, event_bytes, requested_by"
        " FROM held_item"
        " WHERE status = 'PENDING' AND event_type = 'IntelligenceShared' AND intel_id = ANY($1::uuid[])"
        " ORDER BY held_since, hold_id",
        list(intel_ids),
    )
    holds: dict[tuple[str, str], list[PendingHold]] = {}
    for r in rows:
        holds.setdefault((r[0], r[3]), []).append(PendingHold(r[1], r[2], r[3], r[4], r[5], r[6], r[0]))
    return holds


async def write_effects(connection: asyncpg.Connection, effects: Effects, state: BatchState) -> None:
    """Everything the batch decided, in the caller's transaction."""
    if effects.processed:
        await connection.executemany(
            'INSERT INTO processed_event (event_id, event_type, nominal_id, source_agency, topic, partition, "offset")'
            " VALUES ($1, $2, $3, $4, $5, $6, $7)",
            effects.processed,
        )
    if effects.decisions:
        await connection.copy_records_to_table("decision", records=effects.decisions, columns=_DECISION_COLUMNS)
    if effects.new_holds:
        await connection.executemany(
            "INSERT INTO held_item (hold_id, event_id, event_type, nominal_id, intel_id, owner_agency, requested_by,"
            " recipient, partner, rule, event_bytes, respond_by)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
            " ON CONFLICT (hold_id) DO NOTHING",
            effects.new_holds,
        )
    if effects.settled_holds:
        await connection.executemany(
            "UPDATE held_item SET status = $2, decided_by = $3, decided_at = now()"
            " WHERE hold_id = $1 AND status = 'PENDING'",
            effects.settled_holds,
        )
    if effects.dlq:
        await connection.executemany(
            'INSERT INTO dlq_entry (dlq_id, source_topic, partition, "offset", reason_code, reason, event_id, key,'
            " original, sig_key, sig) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            " ON CONFLICT (dlq_id) DO NOTHING",
            effects.dlq,
        )
    await _save_state(connection, state)
    await enqueue(connection, effects.outbox)


async def _save_state(connection: asyncpg.Connection, state: BatchState) -> None:
    changed = state.changed
    await hub_state.save_nominals(connection, [s for k, s in state.nominals.items() if ("nominal", k) in changed])
    await hub_state.save_transfers(connection, [s for k, s in state.transfers.items() if ("transfer", k) in changed])
    await hub_state.save_intel(connection, [s for k, s in state.intel.items() if ("intel", k) in changed])
