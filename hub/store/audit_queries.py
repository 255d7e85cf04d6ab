"""Reading the audit trail: the decisions about one event or one nominal, and walking its hash chain."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from hub.domain.audit_chain import ChainedRecord, ChainReport, ChainWalk
from hub.explain import DecisionRecord

_BY_EVENT = (
    "SELECT decided_at, event_id::text, event_type, nominal_id::text, owner_agency, recipient, partner, outcome, rule,"
    " actor, detail FROM decision WHERE event_id = $1 ORDER BY id"
)
_BY_NOMINAL = (
    "SELECT decided_at, event_id::text, event_type, nominal_id::text, owner_agency, recipient, partner, outcome, rule,"
    " actor, detail FROM decision WHERE nominal_id = $1 ORDER BY id"
)


async def decisions_for_event(connection: asyncpg.Connection, event_id: str) -> list[DecisionRecord]:
    rows = await connection.fetch(_BY_EVENT, event_id)
    return [DecisionRecord(*r) for r in rows]


async def holds_for_event(connection: asyncpg.Connection, event_id: str) -> list[tuple[str, str, str, datetime | None]]:
    rows = await connection.fetch(
        "SELECT recipient, hold_id::text, status, respond_by FROM held_item WHERE event_id = $1 ORDER BY recipient",
        event_id,
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


async def decisions_for_nominal(connection: asyncpg.Connection, nominal_id: str) -> list[DecisionRecord]:
    rows = await connection.fetch(_BY_NOMINAL, nominal_id)
    return [DecisionRecord(*r) for r in rows]


_CHAIN = (
    "SELECT chain_seq, id, event_id::text, nominal_id::text, event_type, owner_agency, recipient, partner, outcome,"
    " rule, actor, decided_at, detail, prev_hash, hash FROM decision ORDER BY chain_seq"
)


async def verify_audit_chain(connection: asyncpg.Connection) -> ChainReport:
    """Walk the whole audit chain in one consistent snapshot (appenders carry on meanwhile)."""
    walk = ChainWalk()
    async with connection.transaction(isolation="repeatable_read", readonly=True):
        async for row in connection.cursor(_CHAIN, prefetch=5000):
            if not walk.step(ChainedRecord(*row)):
                break
    return walk.report()
